import { useFormatter, useTranslations } from 'next-intl'
import type { RateBreakdown } from '@/domain/tax'
import type { DocumentLineDTO, EInvoiceStateDTO, PartySnapshot } from '@/server/billing/get-invoice'
import { Money, MoneyCell } from '../money'
import { TableHead } from '@/components/ui/table'
import Link from 'next/link'
import { PrintButton } from './print-button'

// The printed page of an invoice or a credit note: an A4 sheet on screen and on paper. Only what belongs on the
// paper is inside; buttons and forms live outside (and the app's frame carries no-print).

/** A4 page rules for printing; the app's frame is hidden by its .no-print class. */
export function PrintStyles() {
  return (
    <style>{`@media print { @page { size: A4; margin: 14mm 12mm; } main { max-width: none !important; padding: 0 !important; } .print-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; max-width: none !important; } }`}</style>
  )
}

/** The screen around a document: the print rules, a toolbar that is never printed (Print on the right), the rest. */
export function DocumentScreen({ toolbar, children }: { toolbar: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <PrintStyles />
      <div className="no-print flex flex-wrap items-center gap-3">
        {toolbar}
        <div className="ml-auto">
          <PrintButton />
        </div>
      </div>
      {children}
    </div>
  )
}

/** A link of the document's toolbar (to its order, its invoice). */
export function ToolbarLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="text-sm text-brand-700 underline-offset-2 hover:underline">
      {children}
    </Link>
  )
}

export function DocumentSheet({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <div
      data-testid={testId}
      className="print-sheet mx-auto max-w-[210mm] bg-white p-6 text-[13px] leading-snug text-slate-900 shadow-sm ring-1 ring-slate-200 sm:p-10 print:text-[11pt]"
    >
      {children}
    </div>
  )
}

export function DocumentHeader({
  seller,
  title,
  number,
  facts,
}: {
  seller: PartySnapshot
  title: string
  number: string
  facts: Array<{ label: string; value: React.ReactNode }>
}) {
  const t = useTranslations('back.document')
  return (
    <header className="flex flex-col gap-6 border-b border-slate-300 pb-5 sm:flex-row sm:justify-between print:flex-row print:justify-between">
      <div>
        <p className="text-xl font-bold">{seller.name}</p>
        {seller.address && <p className="mt-1 max-w-xs text-slate-700">{seller.address}</p>}
        {seller.phone && <p className="text-slate-700">{t('phone', { phone: seller.phone })}</p>}
        {seller.taxId && <p className="text-slate-700">{t('taxId', { taxId: seller.taxId })}</p>}
      </div>
      <div className="sm:text-right print:text-right">
        <h1>
          <span className="block text-2xl font-bold uppercase tracking-wide">{title}</span>
          <span className="mt-1 block font-mono text-lg font-semibold" data-testid="document-number">
            {number}
          </span>
        </h1>
        <dl className="mt-2 grid grid-cols-[auto_auto] justify-start gap-x-3 gap-y-0.5 sm:justify-end print:justify-end">
          {facts.map((f) => (
            <div key={f.label} className="contents">
              <dt className="text-slate-600">{f.label}</dt>
              <dd className="font-medium">{f.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </header>
  )
}

export function BuyerBlock({ buyer, label }: { buyer: PartySnapshot; label: string }) {
  const t = useTranslations('back.document')
  return (
    <section className="mt-5">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</h2>
      {buyer.legalName ? (
        <>
          <p className="mt-1 text-base font-semibold" data-testid="buyer-legal-name">
            {buyer.legalName}
          </p>
          <p>{t('buyerName', { name: buyer.name })}</p>
        </>
      ) : (
        <p className="mt-1 text-base font-semibold">{buyer.name}</p>
      )}
      {buyer.taxId && <p data-testid="buyer-tax-code">{t('taxId', { taxId: buyer.taxId })}</p>}
      {buyer.address && <p>{buyer.address}</p>}
      {buyer.phone && <p>{t('phone', { phone: buyer.phone })}</p>}
      {buyer.email && <p>{buyer.email}</p>}
    </section>
  )
}

export function DocumentLines({ lines, currency }: { lines: Array<DocumentLineDTO & { note?: string | null }>; currency: string }) {
  const t = useTranslations('back.document')
  const format = useFormatter()
  return (
    <table className="mt-6 w-full border-collapse text-left">
      <TableHead
        rowClassName="border-b-2 border-slate-800 text-xs uppercase tracking-wide text-slate-700"
        columns={[
          { label: '#', className: 'py-1.5 pr-2' },
          { label: t('description'), className: 'py-1.5 pr-2' },
          { label: t('quantity'), className: 'px-2 py-1.5 text-right' },
          { label: t('unitPrice'), className: 'px-2 py-1.5 text-right' },
          { label: t('taxRate'), className: 'px-2 py-1.5 text-right' },
          { label: t('net'), className: 'px-2 py-1.5 text-right' },
          { label: t('gross'), className: 'py-1.5 pl-2 text-right' },
        ]}
      />
      <tbody>
        {lines.map((l, i) => (
          <tr key={l.id} className="break-inside-avoid border-b border-slate-200 align-top">
            <td className="py-1.5 pr-2 tabular-nums text-slate-600">{i + 1}</td>
            <td className="py-1.5 pr-2">
              {l.description}
              {l.note && <span className="block text-xs text-slate-600">{l.note}</span>}
            </td>
            <td className="px-2 py-1.5 text-right tabular-nums">{format.number(l.quantity)}</td>
            <MoneyCell amount={l.unitPrice} currency={currency} className="px-2 py-1.5 text-right" />
            <td className="px-2 py-1.5 text-right tabular-nums">
              {format.number(l.taxRateBp / 10000, { style: 'percent', maximumFractionDigits: 2 })}
            </td>
            <MoneyCell amount={l.net} currency={currency} className="px-2 py-1.5 text-right" />
            <MoneyCell amount={l.gross} currency={currency} className="py-1.5 pl-2 text-right" />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function DocumentTotals({
  byRate,
  subtotal,
  taxTotal,
  total,
  currency,
  totalLabel,
  extra,
}: {
  byRate: RateBreakdown[]
  subtotal: number
  taxTotal: number
  total: number
  currency: string
  totalLabel: string
  extra?: Array<{ label: string; amount: number; strong?: boolean; testId?: string }>
}) {
  const t = useTranslations('back.document')
  const format = useFormatter()
  return (
    <div className="mt-5 flex flex-col gap-6 sm:flex-row sm:justify-between print:flex-row print:justify-between">
      <table className="self-start text-left text-xs">
        <caption className="mb-1 text-left font-semibold uppercase tracking-wide text-slate-600">{t('taxBreakdown')}</caption>
        <TableHead
          rowClassName="border-b border-slate-300 text-slate-600"
          columns={[
            { label: t('taxRate'), className: 'py-1 pr-3' },
            { label: t('net'), className: 'px-3 py-1 text-right' },
            { label: t('tax'), className: 'py-1 pl-3 text-right' },
          ]}
        />
        <tbody>
          {byRate.map((r) => (
            <tr key={r.taxRateBp}>
              <td className="py-0.5 pr-3 tabular-nums">
                {format.number(r.taxRateBp / 10000, { style: 'percent', maximumFractionDigits: 2 })}
              </td>
              <MoneyCell amount={r.net} currency={currency} className="px-3 py-0.5 text-right" />
              <MoneyCell amount={r.tax} currency={currency} className="py-0.5 pl-3 text-right" />
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="grid min-w-64 grid-cols-[1fr_auto] gap-x-6 gap-y-1 self-start">
        <dt className="text-slate-700">{t('subtotal')}</dt>
        <dd className="text-right">
          <Money amount={subtotal} currency={currency} />
        </dd>
        <dt className="text-slate-700">{t('taxTotal')}</dt>
        <dd className="text-right">
          <Money amount={taxTotal} currency={currency} />
        </dd>
        <dt className="border-t-2 border-slate-800 pt-1 text-base font-bold">{totalLabel}</dt>
        <dd className="border-t-2 border-slate-800 pt-1 text-right text-base font-bold" data-testid="document-total">
          <Money amount={total} currency={currency} />
        </dd>
        {extra?.map((e) => (
          <div key={e.label} className="contents">
            <dt className={e.strong ? 'border-t border-slate-300 pt-1 font-semibold' : 'text-slate-700'}>{e.label}</dt>
            <dd className={`text-right ${e.strong ? 'border-t border-slate-300 pt-1 font-semibold' : ''}`} data-testid={e.testId}>
              <Money amount={e.amount} currency={currency} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

/** A short list under the totals (payments, credit notes, refunds): small heading, one line per entry. */
export function DocumentList({ title, first = false, children }: { title: string; first?: boolean; children: React.ReactNode }) {
  return (
    <section className={`${first ? 'mt-6' : 'mt-4'} break-inside-avoid`}>
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</h2>
      <ul className="mt-1 space-y-0.5">{children}</ul>
    </section>
  )
}

/** The sheet's last lines: terms, who issued it. */
export function DocumentFooter({ children }: { children: React.ReactNode }) {
  return <footer className="mt-8 border-t border-slate-200 pt-3 text-xs text-slate-600">{children}</footer>
}

const EINVOICE_TONE = {
  WAITING: 'bg-amber-50 text-amber-900 ring-amber-300',
  ISSUED: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  REJECTED: 'bg-red-50 text-red-900 ring-red-300',
} as const

/** The invoice's e-invoice (decision 023): its state on screen, and on paper the provider's number and the code the
 * buyer looks it up with. The shop's own number stays the document's number. */
export function EInvoiceBlock({ einvoice, totalInWords }: { einvoice: EInvoiceStateDTO | null; totalInWords: string | null }) {
  const t = useTranslations('back.document.einvoice')
  return (
    <section className="mt-4 break-inside-avoid text-sm" data-testid="einvoice">
      {totalInWords && <p className="italic">{t('inWords', { words: totalInWords })}</p>}
      {einvoice && (
        <div className="mt-2 space-y-0.5">
          <p className="no-print">
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${EINVOICE_TONE[einvoice.status]}`}
              data-testid="einvoice-status"
            >
              {t(`status.${einvoice.status}`)}
            </span>
            {einvoice.reason && <span className="ml-2 text-slate-700">{t('reason', { reason: einvoice.reason })}</span>}
          </p>
          {einvoice.providerNumber && <p>{t('number', { symbol: einvoice.symbol, number: einvoice.providerNumber })}</p>}
          {einvoice.taxAuthorityCode && <p>{t('taxAuthorityCode', { code: einvoice.taxAuthorityCode })}</p>}
          {einvoice.lookupCode && (
            <p data-testid="einvoice-lookup">{t('lookup', { code: einvoice.lookupCode, url: einvoice.lookupUrl ?? '' })}</p>
          )}
        </div>
      )}
    </section>
  )
}
