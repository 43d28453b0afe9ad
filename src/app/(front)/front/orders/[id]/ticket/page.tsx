import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Kbd } from '@/components/front/kbd'
import { PrintButton, ReceiptPageSize } from '@/components/front/print-controls'
import { Money } from '@/components/money'
import { isDomainError } from '@/domain/errors'
import { can } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'
import { getTicket } from '@/server/orders/get-ticket'
import { trackingQrSvg } from '@/server/tracking/tracking-qr'
import { trackingUrl } from '@/server/tracking/tracking-url'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('front.ticket')
  return { title: t('title') }
}

type Format = 'receipt' | 'a4'

// Print rules: the app's chrome carries .no-print; the main area loses its padding so the ticket starts at the paper's
// edge. Receipt: 72 mm of printable width on 80 mm paper, page as long as the ticket (ReceiptPageSize). A4: a normal
// page with margins, the ticket as a wider two-column sheet.
const PRINT_CSS = `
@media print {
  #main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  body { background: #fff !important; }
  .ticket { box-shadow: none !important; border: 0 !important; }
}
`

export default async function TicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await requireArea('front')
  const [{ id }, query] = await Promise.all([params, searchParams])
  let ticket
  try {
    ticket = await getTicket(actor, id)
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
  const format: Format = query.format === 'a4' ? 'a4' : 'receipt'
  const justCreated = query.new === '1'
  const [t, common, fmt, url] = await Promise.all([getTranslations('front.ticket'), getTranslations('common'), getFormatter(), trackingUrl(ticket.trackingToken)])
  const qr = await trackingQrSvg(url)
  const dateTime = (iso: string) => fmt.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' })
  const receipt = format === 'receipt'
  const formatHref = (f: Format) => `/front/orders/${ticket.id}/ticket?format=${f}${justCreated ? '&new=1' : ''}`

  return (
    <div>
      <style>{PRINT_CSS}</style>
      {receipt ? <ReceiptPageSize targetId="ticket" /> : <style>{`@page { size: A4; margin: 12mm; }`}</style>}

      <div className="no-print mb-4 space-y-3">
        {justCreated && (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900" role="status" data-testid="order-created">
            {t('created', { number: ticket.number })}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {/* Enter prints (the button has the focus on arrival), then the focus moves to "Next order": Enter again. */}
          <PrintButton label={t('print')} autoFocus focusAfter={can(actor, 'TAKE_ORDER') ? 'next-order' : undefined} />
          <nav aria-label={t('format')} className="flex rounded-md ring-1 ring-slate-300">
            {(['receipt', 'a4'] as const).map((f) => (
              <Link
                key={f}
                href={formatHref(f)}
                aria-current={format === f ? 'page' : undefined}
                className={`px-3 py-2 text-sm first:rounded-l-md last:rounded-r-md ${format === f ? 'bg-slate-900 text-white' : 'bg-white hover:bg-slate-100'}`}
              >
                {t(`formats.${f}`)}
              </Link>
            ))}
          </nav>
          <Link href={`/front/orders/${ticket.id}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">
            {t('openOrder')}
          </Link>
          {can(actor, 'TAKE_ORDER') && (
            <Link
              id="next-order"
              href="/front/orders/new"
              aria-keyshortcuts="Alt+O"
              className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100"
              data-testid="next-order"
            >
              {t('nextOrder')}
              <Kbd keys={['Alt', 'O']} />
            </Link>
          )}
        </div>
      </div>

      <section
        id="ticket"
        aria-label={t('title')}
        data-format={format}
        className={`ticket mx-auto bg-white text-black shadow-sm ring-1 ring-slate-200 print:ring-0 ${receipt ? 'w-[72mm] p-[3mm] font-mono text-[11px] leading-snug print:m-[4mm]' : 'max-w-[186mm] p-8 text-sm print:p-0'}`}
      >
        <header className={receipt ? 'text-center' : 'flex items-start justify-between gap-6'}>
          <div>
            <p className={receipt ? 'text-sm font-bold' : 'text-xl font-bold'}>{ticket.business.name}</p>
            {ticket.business.address && <p>{ticket.business.address}</p>}
            {ticket.business.phone && <p>{t('phone', { phone: ticket.business.phone })}</p>}
          </div>
          <h1 className={receipt ? 'mt-2 border-y border-dashed border-black py-1' : 'text-right'}>
            <span className="block font-normal uppercase tracking-wide">{t('heading')}</span>
            <span className={`block ${receipt ? 'text-lg font-bold' : 'font-mono text-3xl font-bold'}`} data-testid="ticket-number">
              {ticket.number}
            </span>
          </h1>
        </header>

        <dl className={receipt ? 'mt-2 space-y-0.5' : 'mt-6 grid grid-cols-2 gap-x-8 gap-y-2'}>
          <div className={receipt ? 'flex justify-between gap-2' : ''}>
            <dt className={receipt ? '' : 'text-xs uppercase text-slate-600'}>{t('customer')}</dt>
            <dd className={receipt ? 'text-right font-bold' : 'font-bold'}>
              {ticket.customer.name}
              {ticket.customer.phone && <span className="block font-normal">{ticket.customer.phone}</span>}
            </dd>
          </div>
          <div className={receipt ? 'flex justify-between gap-2' : ''}>
            <dt className={receipt ? '' : 'text-xs uppercase text-slate-600'}>{t('due')}</dt>
            <dd className={receipt ? 'text-right font-bold' : 'font-bold'}>
              {dateTime(ticket.dueAt)}
              <span className="block font-normal">
                {common(`mode.${ticket.mode}`)}
                {ticket.deliveryAddress && `: ${ticket.deliveryAddress}`}
              </span>
            </dd>
          </div>
          <div className={receipt ? 'flex justify-between gap-2' : ''}>
            <dt className={receipt ? '' : 'text-xs uppercase text-slate-600'}>{t('taken')}</dt>
            <dd className={receipt ? 'text-right' : ''}>
              {receipt ? fmt.dateTime(new Date(ticket.createdAt), { dateStyle: 'short', timeStyle: 'short' }) : dateTime(ticket.createdAt)}
              <span className="block">{ticket.takenBy}</span>
            </dd>
          </div>
        </dl>

        <table className={`w-full ${receipt ? 'mt-2 border-t border-dashed border-black' : 'mt-6 border-t border-slate-300'}`}>
          <thead className={receipt ? 'sr-only' : 'text-left text-xs uppercase text-slate-600'}>
            <tr>
              <th className="py-1">{t('item')}</th>
              <th className="py-1 text-right">{t('quantity')}</th>
              {!receipt && <th className="py-1 text-right">{t('unitPrice')}</th>}
              <th className="py-1 text-right">{t('amount')}</th>
            </tr>
          </thead>
          <tbody>
            {ticket.lines.map((l) => (
              <tr key={l.position} className={receipt ? 'align-top' : 'border-t border-slate-200 align-top'}>
                <td className="py-0.5 pr-1">
                  {l.description}
                  {l.note && <span className="block italic">{l.note}</span>}
                </td>
                <td className="whitespace-nowrap py-0.5 text-right tabular-nums">{receipt ? `×${l.quantity}` : l.quantity}</td>
                {!receipt && (
                  <td className="py-0.5 text-right">
                    <Money amount={l.unitPrice} currency={ticket.currency} />
                  </td>
                )}
                <td className="whitespace-nowrap py-0.5 pl-1 text-right">
                  <Money amount={l.gross} currency={ticket.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <dl className={`${receipt ? 'mt-1 border-t border-dashed border-black pt-1' : 'ml-auto mt-4 w-72 border-t border-slate-300 pt-2'} space-y-0.5`}>
          <div className="flex justify-between">
            <dt>{t('subtotal')}</dt>
            <dd>
              <Money amount={ticket.subtotal} currency={ticket.currency} />
            </dd>
          </div>
          {ticket.byRate.map((r) => (
            <div key={r.taxRateBp} className="flex justify-between">
              <dt>{t('taxAt', { rate: r.taxRateBp / 100 })}</dt>
              <dd>
                <Money amount={r.tax} currency={ticket.currency} />
              </dd>
            </div>
          ))}
          <div className={`flex justify-between font-bold ${receipt ? 'text-sm' : 'text-base'}`}>
            <dt>{t('total')}</dt>
            <dd>
              <Money amount={ticket.total} currency={ticket.currency} />
            </dd>
          </div>
          {ticket.deposit > 0 && (
            <div className="flex justify-between">
              <dt>{t('deposit')}</dt>
              <dd>
                −<Money amount={ticket.deposit} currency={ticket.currency} />
              </dd>
            </div>
          )}
          {ticket.paidNet - ticket.deposit > 0 && (
            <div className="flex justify-between">
              <dt>{t('paid')}</dt>
              <dd>
                −<Money amount={ticket.paidNet - ticket.deposit} currency={ticket.currency} />
              </dd>
            </div>
          )}
          <div className={`flex justify-between font-bold ${receipt ? 'border-t border-dashed border-black pt-0.5 text-sm' : 'border-t border-slate-300 pt-1 text-base'}`}>
            <dt>{t('leftToPay')}</dt>
            <dd data-testid="ticket-left-to-pay">
              <Money amount={Math.max(0, ticket.leftToPay)} currency={ticket.currency} />
            </dd>
          </div>
        </dl>

        {ticket.notes && (
          <p className={`whitespace-pre-line ${receipt ? 'mt-2 border-t border-dashed border-black pt-1' : 'mt-6'}`}>
            <span className="font-bold">{t('notes')}: </span>
            {ticket.notes}
          </p>
        )}

        <div className={receipt ? 'mt-2 border-t border-dashed border-black pt-2 text-center' : 'mt-8 flex items-center gap-6 border-t border-slate-300 pt-6'}>
          <div
            className={`[&>svg]:h-full [&>svg]:w-full ${receipt ? 'mx-auto h-[34mm] w-[34mm]' : 'h-[40mm] w-[40mm] shrink-0'}`}
            role="img"
            aria-label={t('qrLabel')}
            data-testid="ticket-qr"
            // The SVG is produced by the qrcode library from our own URL on the server; no user input reaches it.
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <div className={receipt ? 'mt-1' : ''}>
            <p className="font-bold">{t('track')}</p>
            <p className="break-all" data-testid="tracking-link">
              <a href={url} className="underline print:no-underline">
                {url}
              </a>
            </p>
            <p className="mt-1">{t('keep')}</p>
          </div>
        </div>
      </section>
    </div>
  )
}
