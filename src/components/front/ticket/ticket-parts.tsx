import { getFormatter, getTranslations } from 'next-intl/server'
import { Money, MoneyCell } from '@/components/money'
import type { TicketDTO } from '@/server/orders/get-ticket'
import { SummaryList } from '@/components/ui/figures'

// The printed ticket's parts, each laid out for an 80 mm receipt or an A4 sheet.

/** The shop, and the order's number as the ticket's heading. */
export async function TicketHeader({ ticket, receipt }: { ticket: TicketDTO; receipt: boolean }) {
  const t = await getTranslations('front.ticket')
  return (
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
  )
}

/** Who the order is for, when it is due and who took it. */
export async function TicketFacts({ ticket, receipt }: { ticket: TicketDTO; receipt: boolean }) {
  const [t, common, fmt] = await Promise.all([getTranslations('front.ticket'), getTranslations('common'), getFormatter()])
  const dateTime = (iso: string) => fmt.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <SummaryList
      className={receipt ? 'mt-2 space-y-0.5' : 'mt-6 grid grid-cols-2 gap-x-8 gap-y-2'}
      rowClass={receipt ? 'flex justify-between gap-2' : ''}
      labelClass={receipt ? '' : 'text-xs uppercase text-slate-600'}
      valueClass={receipt ? 'text-right font-bold' : 'font-bold'}
      rows={[
        {
          label: t('customer'),
          value: (
            <>
              {ticket.customer.name}
              {ticket.customer.phone && <span className="block font-normal">{ticket.customer.phone}</span>}
            </>
          ),
        },
        {
          label: t('due'),
          value: (
            <>
              {dateTime(ticket.dueAt)}
              <span className="block font-normal">
                {common(`mode.${ticket.mode}`)}
                {ticket.deliveryAddress && `: ${ticket.deliveryAddress}`}
              </span>
            </>
          ),
        },
        {
          label: t('taken'),
          valueClass: receipt ? 'text-right' : '',
          value: (
            <>
              {receipt ? fmt.dateTime(new Date(ticket.createdAt), { dateStyle: 'short', timeStyle: 'short' }) : dateTime(ticket.createdAt)}
              <span className="block">{ticket.takenBy}</span>
            </>
          ),
        },
      ]}
    />
  )
}

/** The lines ordered (the unit price only on A4). */
export async function TicketLines({ ticket, receipt }: { ticket: TicketDTO; receipt: boolean }) {
  const t = await getTranslations('front.ticket')
  return (
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
            {!receipt && <MoneyCell amount={l.unitPrice} currency={ticket.currency} className="py-0.5 text-right" />}
            <MoneyCell amount={l.gross} currency={ticket.currency} className="whitespace-nowrap py-0.5 pl-1 text-right" />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Subtotal, tax by rate, total, what was paid and what is left to pay. */
export async function TicketTotals({ ticket, receipt }: { ticket: TicketDTO; receipt: boolean }) {
  const t = await getTranslations('front.ticket')
  const money = (amount: number) => <Money amount={amount} currency={ticket.currency} />
  const paidAfterDeposit = ticket.paidNet - ticket.deposit
  return (
    <SummaryList
      className={`${receipt ? 'mt-1 border-t border-dashed border-black pt-1' : 'ml-auto mt-4 w-72 border-t border-slate-300 pt-2'} space-y-0.5`}
      rowClass="flex justify-between"
      rows={[
        { label: t('subtotal'), value: money(ticket.subtotal) },
        ...ticket.byRate.map((r) => ({ label: t('taxAt', { rate: r.taxRateBp / 100 }), value: money(r.tax) })),
        { label: t('total'), value: money(ticket.total), className: `font-bold ${receipt ? 'text-sm' : 'text-base'}` },
        ticket.deposit > 0 && { label: t('deposit'), value: <>−{money(ticket.deposit)}</> },
        paidAfterDeposit > 0 && { label: t('paid'), value: <>−{money(paidAfterDeposit)}</> },
        {
          label: t('leftToPay'),
          value: money(Math.max(0, ticket.leftToPay)),
          testId: 'ticket-left-to-pay',
          className: `font-bold ${receipt ? 'border-t border-dashed border-black pt-0.5 text-sm' : 'border-t border-slate-300 pt-1 text-base'}`,
        },
      ]}
    />
  )
}

/** The order's notes, when there are any. */
export async function TicketNotes({ ticket, receipt }: { ticket: TicketDTO; receipt: boolean }) {
  if (!ticket.notes) return null
  const t = await getTranslations('front.ticket')
  return (
    <p className={`whitespace-pre-line ${receipt ? 'mt-2 border-t border-dashed border-black pt-1' : 'mt-6'}`}>
      <span className="font-bold">{t('notes')}: </span>
      {ticket.notes}
    </p>
  )
}

/** Where the customer follows the order: the QR code and the link it holds. */
export async function TicketTracking({ url, qr, receipt }: { url: string; qr: string; receipt: boolean }) {
  const t = await getTranslations('front.ticket')
  return (
    <div
      className={
        receipt
          ? 'mt-2 border-t border-dashed border-black pt-2 text-center'
          : 'mt-8 flex items-center gap-6 border-t border-slate-300 pt-6'
      }
    >
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
  )
}
