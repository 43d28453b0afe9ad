import { useFormatter, useLocale, useTranslations } from 'next-intl'
import { formatMoney } from '@/domain/money'
import type { TimelineEventDTO } from '@/server/orders/get-order'

const KNOWN = new Set([
  'order.created',
  'order.updated',
  'order.fulfilled',
  'order.assigned',
  'order.held',
  'order.released',
  'order.cancelled',
  'order.collected',
  'order.delivered',
  'order.handed_off',
  'invoice.issued',
  'credit_note.issued',
  'payment.deposit',
  'payment.recorded',
  'payment.refunded',
  'payment.returned',
  'customer.invoice_details_changed',
])

/** A transfer the bank confirmed (or a person assigned): always in đồng, VietQR's only currency. */
const TRANSFERS = new Set(['payment.transfer_confirmed', 'payment.transfer_assigned'])

/** The lines of a "Work recorded" entry: which line, how many more (or taken back), from how many to how many. */
function workLines(data: Record<string, unknown> | null): Array<{ line: string; from: number; to: number }> {
  const lines = data?.lines
  if (!Array.isArray(lines)) return []
  return lines.flatMap((l: unknown) => {
    const { description, position, from, to } = (l ?? {}) as Record<string, unknown>
    if (typeof description !== 'string' || typeof from !== 'number' || typeof to !== 'number' || from === to) return []
    return [{ line: typeof position === 'number' ? `${position + 1}. ${description}` : description, from, to }]
  })
}

const MESSAGE_ACTIONS = new Set(['message.sent', 'message.failed', 'message.dead', 'message.skipped', 'message.retried'])
const CHANNELS = new Set(['EMAIL', 'ZALO', 'SMS'])

/** The order's story: who did what and when, and whether they were covering another role. */
export function OrderTimeline({ events }: { events: TimelineEventDTO[] }) {
  const t = useTranslations('common')
  const format = useFormatter()
  const locale = useLocale()
  const what = (e: TimelineEventDTO) => {
    if (TRANSFERS.has(e.action) && typeof e.data?.amount === 'number') {
      const reference = typeof e.data.reference === 'string' ? e.data.reference : ''
      return t(`timeline.${e.action.replace('.', '_')}`, { amount: formatMoney(e.data.amount, 'VND', locale), reference })
    }
    // A reassignment (break transfer) says who took the order over (and from whom); the actor is whoever reassigned it.
    if (e.action === 'order.handed_off' && typeof e.data?.to === 'string') {
      return typeof e.data.from === 'string'
        ? t('timeline.reassignedFromTo', { from: e.data.from, to: e.data.to })
        : t('timeline.reassignedTo', { to: e.data.to })
    }
    // A message to the customer: "Customer notified by Zalo", "… could not be sent", "… not sent (no consent)".
    if (MESSAGE_ACTIONS.has(e.action)) {
      const channel = typeof e.data?.channel === 'string' && CHANNELS.has(e.data.channel) ? t(`messageChannels.${e.data.channel}`) : '—'
      return t(`timeline.${e.action.replace('.', '_')}`, { channel })
    }
    return KNOWN.has(e.action) ? t(`timeline.${e.action.replace('.', '_')}`) : e.action
  }
  return (
    <ol className="space-y-2" aria-label={t('timeline.title')}>
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <time dateTime={e.at} className="min-w-36 shrink-0 whitespace-nowrap text-slate-500 tabular-nums">
            {format.dateTime(new Date(e.at), { dateStyle: 'short', timeStyle: 'short' })}
          </time>
          <span className="font-medium">{what(e)}</span>
          {typeof e.data?.reason === 'string' && !MESSAGE_ACTIONS.has(e.action) && (
            <span className="text-slate-600">— {e.data.reason}</span>
          )}
          {typeof e.data?.note === 'string' && <span className="text-slate-600">— {e.data.note}</span>}
          {typeof e.data?.number === 'string' && <span className="font-mono text-slate-600">{e.data.number}</span>}
          <span className="text-slate-600">{e.actorName ?? t('timeline.system')}</span>
          {e.crossRole && (
            <span className="rounded bg-violet-100 px-1.5 text-xs font-medium text-violet-800" title={t('crossRoleLong')}>
              {t('crossRole')}
            </span>
          )}
          {e.action === 'order.fulfilled' && workLines(e.data).length > 0 && (
            <ul className="basis-full text-slate-700 sm:pl-38">
              {workLines(e.data).map((w, i) => (
                <li key={i} data-testid="timeline-work-line">
                  {t(w.to > w.from ? 'timeline.workLine' : 'timeline.workLineUndone', {
                    line: w.line,
                    delta: Math.abs(w.to - w.from),
                    from: w.from,
                    to: w.to,
                  })}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  )
}
