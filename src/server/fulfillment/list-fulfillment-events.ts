import 'server-only'
import { ORDER_READERS } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'

export interface FulfillmentEventDTO {
  id: string
  at: string
  lineId: string
  description: string
  /** Units recorded done (negative: a correction). */
  quantity: number
  by: string
  crossRole: boolean
}

/** Who recorded which work on an order's lines, newest first. */
export async function listFulfillmentEvents(actor: Actor, orderId: string): Promise<FulfillmentEventDTO[]> {
  authorizeAny(actor, ORDER_READERS)
  const rows = await db().fulfillmentEvent.findMany({
    where: { orderId },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    take: 200,
    select: {
      id: true,
      at: true,
      quantity: true,
      crossRole: true,
      orderLine: { select: { id: true, description: true } },
      by: { select: { name: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    lineId: r.orderLine.id,
    description: r.orderLine.description,
    quantity: r.quantity,
    by: r.by.name,
    crossRole: r.crossRole,
  }))
}
