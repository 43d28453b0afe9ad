import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { NewOrderLink } from '@/components/front/new-order-link'
import { PrintButton } from '@/components/front/print-controls'
import { PrintToolbar, type PrintFormat } from '@/components/front/print-sheet'
import type { TicketDTO } from '@/server/orders/get-ticket'

export type TicketFormat = PrintFormat

/** Above the ticket, never printed: "order created", print, receipt or A4, back to the order, the next order. */
export async function TicketToolbar({
  ticket,
  format,
  justCreated,
  canTakeOrder,
}: {
  ticket: TicketDTO
  format: TicketFormat
  justCreated: boolean
  canTakeOrder: boolean
}) {
  const t = await getTranslations('front.ticket')
  return (
    <PrintToolbar
      done={justCreated ? { text: t('created', { number: ticket.number }), testId: 'order-created' } : null}
      // Enter prints (the button has the focus on arrival), then the focus moves to "Next order": Enter again.
      print={<PrintButton label={t('print')} autoFocus focusAfter={canTakeOrder ? 'next-order' : undefined} />}
      formats={{
        label: t('format'),
        current: format,
        href: (f) => `/front/orders/${ticket.id}/ticket?format=${f}${justCreated ? '&new=1' : ''}`,
        names: { receipt: t('formats.receipt'), a4: t('formats.a4') },
      }}
    >
      <Link
        href={`/front/orders/${ticket.id}`}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100"
      >
        {t('openOrder')}
      </Link>
      {canTakeOrder && (
        <NewOrderLink
          id="next-order"
          label={t('nextOrder')}
          testId="next-order"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100"
        />
      )}
    </PrintToolbar>
  )
}
