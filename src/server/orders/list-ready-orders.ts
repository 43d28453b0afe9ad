import 'server-only'
import { DESK_TASKS } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import type { Prisma } from '@/generated/prisma/client'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { DESK_ROW_SELECT, toDeskRows, type DeskOrderRowDTO } from './search-orders'

export interface ReadyOrderRowDTO extends DeskOrderRowDTO {
  /** Minutes since the order became ready. */
  waitingMinutes: number
  onHold: boolean
}

/** One group of the ready list: the first READY_LIST_LIMIT rows, longest wait first, and how many there are in all. */
export interface ReadyGroup {
  rows: ReadyOrderRowDTO[]
  total: number
}

export const READY_LIST_LIMIT = 200

/**
 * Orders finished and not handed over, split by what the counter can do with them now: `rows`/`total` are the
 * pickups a customer can collect right now (not on hold); deliveries waiting to go out and orders on hold (pickup or
 * delivery) are listed apart, so they are never mistaken for something to hand over. Each group is oldest first, with
 * how long it has waited; every where clause is the partial index "Order_ready_waiting" (readyAt, id) plus a filter,
 * so this stays an index scan however many orders the shop has made.
 */
export async function listReadyOrders(
  actor: Actor,
  now = new Date(),
): Promise<ReadyGroup & { deliveries: ReadyGroup; onHold: ReadyGroup }> {
  authorizeAny(actor, DESK_TASKS)
  const settings = await getSettings()
  const waiting = { fulfillment: 'FULFILLED' as const, handover: 'WAITING' as const, cancelledAt: null }
  const group = async (where: Prisma.OrderWhereInput): Promise<ReadyGroup> => {
    const [rows, total] = await Promise.all([
      db().order.findMany({
        where: { ...waiting, ...where },
        orderBy: [{ readyAt: 'asc' }, { id: 'asc' }],
        take: READY_LIST_LIMIT,
        select: DESK_ROW_SELECT,
      }),
      db().order.count({ where: { ...waiting, ...where } }),
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
  const [collectable, deliveries, onHold] = await Promise.all([
    group({ mode: 'PICKUP', heldAt: null }),
    group({ mode: 'DELIVERY', heldAt: null }),
    group({ heldAt: { not: null } }),
  ])
  return { ...collectable, deliveries, onHold }
}
