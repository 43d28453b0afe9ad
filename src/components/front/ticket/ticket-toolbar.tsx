import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { NewOrderLink } from '@/components/front/new-order-link'
import { PrintButton } from '@/components/front/print-controls'
import type { TicketDTO } from '@/server/orders/get-ticket'

export type TicketFormat = 'receipt' | 'a4'

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
  const formatHref = (f: TicketFormat) => `/front/orders/${ticket.id}/ticket?format=${f}${justCreated ? '&new=1' : ''}`
  return (
    <div className="no-print mb-4 space-y-3">
      {justCreated && (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900" role="status" data-testid="order-created">
          {t('created', { number: ticket.number })}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {/* Enter prints (the button has the focus on arrival), then the focus moves to "Next order": Enter again. */}
        <PrintButton label={t('print')} autoFocus focusAfter={canTakeOrder ? 'next-order' : undefined} />
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
      </div>
    </div>
  )
}
