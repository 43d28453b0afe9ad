import { useFormatter, useTranslations } from 'next-intl'
import { EInvoiceRetry } from './billing/einvoice-retry'
import type { RateBreakdown } from '@/domain/tax'
import type { DocumentLineDTO, EInvoiceStateDTO, PartySnapshot } from '@/server/billing/get-invoice'
import { Money } from '../money'
import { ColumnGrid } from '@/components/ui/column-table'
import Link from 'next/link'
import { panelClass } from '@/components/ui/styles'
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

/** What a kind of document says where the two differ: its title, whom the buyer is, what its total is. */
const DOCUMENT_WORDS = {
  invoice: { title: 'invoice', buyer: 'billTo', total: 'total' },
  creditNote: { title: 'creditNote', buyer: 'customer', total: 'totalCredited' },
} as const

/** An invoice or a credit note on its sheet: seller, number, date, the kind's own fact (`fact`) and order; buyer, what
 * the page puts before the lines (`intro`), lines, totals and `extra` figures, the page's own blocks, the footer. */
export function BillingDocument({
  kind,
  doc,
  fact,
  extra,
  intro,
  footer,
  children,
}: {
  kind: keyof typeof DOCUMENT_WORDS
  doc: DocumentSums & {
    number: string
    issuedAt: string
    order: { number: string }
    seller: PartySnapshot
    buyer: PartySnapshot
    lines: DocumentLineDTO[]
  }
  fact: DocumentFact
  extra?: TotalLine[]
  intro?: React.ReactNode
  footer: React.ReactNode
  children?: React.ReactNode
}) {
  const t = useTranslations('back.document')
  const date = useDocumentDate()
  const words = DOCUMENT_WORDS[kind]
  const facts = [
    { label: t('issuedOn'), value: date(doc.issuedAt) },
    fact,
    { label: t('order'), value: <span className="font-mono">{doc.order.number}</span> },
  ]
  return (
    <DocumentSheet testId={kind === 'invoice' ? 'invoice-document' : 'credit-note-document'}>
      <DocumentHeader seller={doc.seller} title={t(words.title)} number={doc.number} facts={facts} />
      <BuyerBlock buyer={doc.buyer} label={t(words.buyer)} />
      {intro}
      <DocumentLines lines={doc.lines} currency={doc.currency} />
      <DocumentTotals sums={doc} totalLabel={t(words.total)} extra={extra} />
      {children}
      <DocumentFooter>{footer}</DocumentFooter>
    </DocumentSheet>
  )
}

/** Beside the sheet, never printed: a panel to act on the document (take a payment, credit, refund). */
export function DocumentActionPanel({
  id,
  title,
  hint,
  children,
}: {
  id: string
  title: string
  hint?: React.ReactNode
  children: React.ReactNode
}) {
  return (
    <section aria-labelledby={id} className={panelClass}>
      <h2 id={id} className={`${hint ? 'mb-1' : 'mb-3'} text-lg font-semibold`}>
        {title}
      </h2>
      {hint && <p className="mb-3 text-sm text-slate-600">{hint}</p>}
      {children}
    </section>
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

/** A line of the header's facts (date, due date, order). */
type DocumentFact = { label: string; value: React.ReactNode }

export function DocumentHeader({
  seller,
  title,
  number,
  facts,
}: {
  seller: PartySnapshot
  title: string
  number: string
  facts: DocumentFact[]
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

/** A tax rate in basis points as the reader writes a percentage. */
function usePercent() {
  const format = useFormatter()
  return (bp: number) => format.number(bp / 10000, { style: 'percent', maximumFractionDigits: 2 })
}

export function DocumentLines({ lines, currency }: { lines: Array<DocumentLineDTO & { note?: string | null }>; currency: string }) {
  const t = useTranslations('back.document')
  const format = useFormatter()
  const percent = usePercent()
  const figure = 'px-2 py-1.5 text-right tabular-nums'
  return (
    <ColumnGrid
      className="mt-6 w-full border-collapse text-left"
      headRowClassName="border-b-2 border-slate-800 text-xs uppercase tracking-wide text-slate-700"
      rowClassName="break-inside-avoid border-b border-slate-200 align-top"
      rows={lines}
      rowKey={(l) => l.id}
      columns={[
        { label: '#', className: 'py-1.5 pr-2', body: 'py-1.5 pr-2 tabular-nums text-slate-600', cell: (_, i) => i + 1 },
        {
          label: t('description'),
          className: 'py-1.5 pr-2',
          cell: (l) => (
            <>
              {l.description}
              {l.note && <span className="block text-xs text-slate-600">{l.note}</span>}
            </>
          ),
        },
        { label: t('quantity'), className: figure, cell: (l) => format.number(l.quantity) },
        { label: t('unitPrice'), className: figure, cell: (l) => <Money amount={l.unitPrice} currency={currency} /> },
        { label: t('taxRate'), className: figure, cell: (l) => percent(l.taxRateBp) },
        { label: t('net'), className: figure, cell: (l) => <Money amount={l.net} currency={currency} /> },
        { label: t('gross'), className: 'py-1.5 pl-2 text-right', cell: (l) => <Money amount={l.gross} currency={currency} /> },
      ]}
    />
  )
}

/** What both documents add up: the tax per rate and the three totals, in the document's currency. */
export type DocumentSums = { byRate: RateBreakdown[]; subtotal: number; taxTotal: number; total: number; currency: string }

/** A line of the totals: `grand` is the document's total, `strong` a figure under it the reader acts on. */
type TotalLine = { label: string; amount: number; strong?: boolean; grand?: boolean; testId?: string }

const TOTAL_LINE_CLASS = {
  grand: 'border-t-2 border-slate-800 pt-1 text-base font-bold',
  strong: 'border-t border-slate-300 pt-1 font-semibold',
}

export function DocumentTotals({ sums, totalLabel, extra = [] }: { sums: DocumentSums; totalLabel: string; extra?: TotalLine[] }) {
  const t = useTranslations('back.document')
  const percent = usePercent()
  const { currency } = sums
  const lines: TotalLine[] = [
    { label: t('subtotal'), amount: sums.subtotal },
    { label: t('taxTotal'), amount: sums.taxTotal },
    { label: totalLabel, amount: sums.total, grand: true, testId: 'document-total' },
    ...extra,
  ]
  return (
    <div className="mt-5 flex flex-col gap-6 sm:flex-row sm:justify-between print:flex-row print:justify-between">
      <ColumnGrid
        className="self-start text-left text-xs"
        caption={{ text: t('taxBreakdown'), className: 'mb-1 text-left font-semibold uppercase tracking-wide text-slate-600' }}
        headRowClassName="border-b border-slate-300 text-slate-600"
        rows={sums.byRate}
        rowKey={(r) => r.taxRateBp}
        columns={[
          { label: t('taxRate'), className: 'py-1 pr-3', body: 'py-0.5 pr-3 tabular-nums', cell: (r) => percent(r.taxRateBp) },
          {
            label: t('net'),
            className: 'px-3 py-1 text-right',
            body: 'px-3 py-0.5 text-right',
            cell: (r) => <Money amount={r.net} currency={currency} />,
          },
          {
            label: t('tax'),
            className: 'py-1 pl-3 text-right',
            body: 'py-0.5 pl-3 text-right',
            cell: (r) => <Money amount={r.tax} currency={currency} />,
          },
        ]}
      />
      <dl className="grid min-w-64 grid-cols-[1fr_auto] gap-x-6 gap-y-1 self-start">
        {lines.map((l) => {
          const emphasis = l.grand ? TOTAL_LINE_CLASS.grand : l.strong ? TOTAL_LINE_CLASS.strong : ''
          return (
            <div key={l.label} className="contents">
              <dt className={emphasis || 'text-slate-700'}>{l.label}</dt>
              <dd className={`text-right ${emphasis}`} data-testid={l.testId}>
                <Money amount={l.amount} currency={currency} />
              </dd>
            </div>
          )
        })}
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

/** Money that moved for the document (payments on an invoice, refunds of a credit note): one line each. */
export function PaymentList({
  title,
  currency,
  entries,
}: {
  title: string
  currency: string
  entries: Array<{
    id: string
    receivedAt: string
    kind?: 'DEPOSIT' | 'PAYMENT' | 'REFUND'
    method: 'CASH' | 'CARD' | 'TRANSFER'
    amount: number
    reference: string | null
    by?: string
  }>
}) {
  const t = useTranslations('back.document')
  const common = useTranslations('common')
  const date = useDocumentDate()
  if (entries.length === 0) return null
  return (
    <DocumentList title={title} first>
      {entries.map((p) => (
        <li key={p.id} className="flex flex-wrap gap-x-3">
          <span>{date(p.receivedAt)}</span>
          {p.kind && <span>{t(`paymentKind.${p.kind}`)}</span>}
          <span>{common(`paymentMethod.${p.method}`)}</span>
          <Money amount={p.amount} currency={currency} className="font-medium" />
          {p.reference && <span className="text-slate-600">{p.reference}</span>}
          {p.by && <span className="text-slate-600">{p.by}</span>}
        </li>
      ))}
    </DocumentList>
  )
}

/** A date on the sheet (issued, due, received), in the reader's medium style. */
function useDocumentDate() {
  const format = useFormatter()
  return (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' })
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
export function EInvoiceBlock({
  einvoice,
  totalInWords,
  canRetry = false,
}: {
  einvoice: EInvoiceStateDTO | null
  totalInWords: string | null
  /** The reader may invoice: a refused or given-up e-invoice gets its "Try again". */
  canRetry?: boolean
}) {
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
            {einvoice.notSetUp ? (
              <span className="ml-2 text-slate-700" data-testid="einvoice-not-set-up">
                {t('notSetUp')}
              </span>
            ) : (
              einvoice.reason && <span className="ml-2 text-slate-700">{t('reason', { reason: einvoice.reason })}</span>
            )}
          </p>
          {einvoice.providerNumber && <p>{t('number', { symbol: einvoice.symbol, number: einvoice.providerNumber })}</p>}
          {einvoice.taxAuthorityCode && <p>{t('taxAuthorityCode', { code: einvoice.taxAuthorityCode })}</p>}
          {einvoice.lookupCode && (
            <p data-testid="einvoice-lookup">{t('lookup', { code: einvoice.lookupCode, url: einvoice.lookupUrl ?? '' })}</p>
          )}
          {canRetry && einvoice.retryable && <EInvoiceRetry einvoiceId={einvoice.id} />}
        </div>
      )}
    </section>
  )
}
