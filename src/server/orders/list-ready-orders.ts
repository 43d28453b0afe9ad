import 'server-only'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { DESK_ROW_SELECT, DESK_TASKS, toDeskRows, type DeskOrderRowDTO } from './search-orders'

export interface ReadyOrderRowDTO extends DeskOrderRowDTO {
  /** Minutes since the order became ready. */
  waitingMinutes: number
  onHold: boolean
}

export const READY_LIST_LIMIT = 200

/**
 * Orders waiting at the counter: fulfilled, not handed over, not cancelled — oldest first, with how long each has
 * waited. The where clause is exactly the partial index "Order_ready_waiting" (readyAt, id), so this stays an index
 * scan however many orders the shop has made.
 */
export async function listReadyOrders(actor: Actor, now = new Date()): Promise<{ rows: ReadyOrderRowDTO[]; total: number }> {
  authorizeAny(actor, DESK_TASKS)
  const settings = await getSettings()
  const where = { fulfillment: 'FULFILLED' as const, handover: 'WAITING' as const, cancelledAt: null }
  const [rows, total] = await Promise.all([
    db().order.findMany({
      where,
      orderBy: [{ readyAt: 'asc' }, { id: 'asc' }],
      take: READY_LIST_LIMIT,
      select: DESK_ROW_SELECT,
    }),
    db().order.count({ where }),
  ])
  const desk = await toDeskRows(rows, settings.orderPrefix, now)
  return {
    total,
    rows: desk.map((row, i) => {
      const readyAt = rows[i]!.readyAt
      return {
        ...row,
        waitingMinutes: readyAt ? Math.max(0, Math.floor((now.getTime() - readyAt.getTime()) / 60_000)) : 0,
        onHold: rows[i]!.heldAt !== null,
      }
    }),
  }
}
