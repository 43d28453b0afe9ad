import { getFormatter, getTranslations } from 'next-intl/server'
import { FulfillmentForm } from '@/components/back/fulfillment-form'
import { Panel } from '@/components/ui/section'
import type { FulfillmentEventDTO } from '@/server/fulfillment/list-fulfillment-events'
import type { OrderDetailDTO } from '@/server/orders/get-order'

/** The work on the order's lines, and what was recorded so far. */
export async function WorkSection({
  order,
  events,
  blockedReason,
}: {
  order: OrderDetailDTO
  events: FulfillmentEventDTO[]
  blockedReason: string | null
}) {
  const [t, common, format] = await Promise.all([getTranslations('back.order'), getTranslations('common'), getFormatter()])
  return (
    <Panel id="work-title" title={t('work')}>
      <FulfillmentForm orderId={order.id} version={order.version} lines={order.lines} blockedReason={blockedReason} />
      {events.length > 0 && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">{t('history', { count: events.length })}</summary>
          <ul className="mt-2 space-y-1 text-sm" data-testid="fulfillment-events">
            {events.map((e) => (
              <li key={e.id} className="flex flex-wrap gap-x-2">
                <time dateTime={e.at} className="w-40 shrink-0 tabular-nums text-slate-500">
                  {format.dateTime(new Date(e.at), { dateStyle: 'short', timeStyle: 'short' })}
                </time>
                <span className="tabular-nums font-medium">{e.quantity > 0 ? `+${e.quantity}` : e.quantity}</span>
                <span>{e.description}</span>
                <span className="text-slate-600">{e.by}</span>
                {e.crossRole && (
                  <span className="rounded bg-violet-100 px-1.5 text-xs font-medium text-violet-800">{common('crossRole')}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Panel>
  )
}
