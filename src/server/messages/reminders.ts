import 'server-only'
import { db } from '../db'
import { registerSweep } from '../outbox/schedule'
import { decideCustomerMessage } from './decide'
import { loadProviderConfig } from './settings'

/** Ready orders waiting for pickup longer than the setting, not reminded yet: a bounded batch per sweep. */
const BATCH = 200

/**
 * The "not collected after N days" reminder, decided by a sweep in the outbox's own queue (every 15 minutes, pg-boss
 * cron): one reminder per order (its key), however often the sweep runs or on how many instances.
 */
export async function remindNotCollected(now = new Date()): Promise<number> {
  const config = await loadProviderConfig(db())
  if (!config.enabledEvents.includes('NOT_COLLECTED')) return 0
  const before = new Date(now.getTime() - config.reminderDays * 86_400_000)
  const orders = await db().order.findMany({
    where: {
      readyAt: { lte: before },
      handover: 'WAITING',
      mode: 'PICKUP',
      cancelledAt: null,
      messages: { none: { event: 'NOT_COLLECTED' } },
    },
    orderBy: { readyAt: 'asc' },
    take: BATCH,
    select: { id: true, readyAt: true },
  })
  for (const order of orders) {
    const days = Math.floor((now.getTime() - order.readyAt!.getTime()) / 86_400_000)
    await db().$transaction((tx) => decideCustomerMessage(tx, { event: 'NOT_COLLECTED', orderId: order.id, days }))
  }
  return orders.length
}

registerSweep('not-collected-reminders', async () => {
  await remindNotCollected()
})
