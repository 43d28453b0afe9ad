import 'server-only'
import { formatOrderNumber } from '@/domain/numbering'
import type { FulfillmentStatus } from '@/domain/order-status'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

export interface QueueRowDTO {
  id: string
  number: string
  customerName: string
  dueAt: string
  overdue: boolean
  fulfillment: FulfillmentStatus
  onHold: boolean
  lines: number
  assignee: string | null
}

/** Open orders (not cancelled, not closed, not yet ready), soonest due first. */
export async function listQueue(actor: Actor, now = new Date()): Promise<QueueRowDTO[]> {
  authorize(actor, 'FULFILL')
  const settings = await getSettings()
  const rows = await db().order.findMany({
    where: { closedAt: null, cancelledAt: null, fulfillment: { not: 'FULFILLED' } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: 100,
    select: {
      id: true,
      number: true,
      dueAt: true,
      fulfillment: true,
      heldAt: true,
      customer: { select: { name: true } },
      assignee: { select: { name: true } },
      _count: { select: { lines: true } },
    },
  })
  return rows.map((o) => ({
    id: o.id,
    number: formatOrderNumber(settings.orderPrefix, o.number),
    customerName: o.customer.name,
    dueAt: o.dueAt.toISOString(),
    overdue: o.dueAt < now,
    fulfillment: o.fulfillment,
    onHold: o.heldAt !== null,
    lines: o._count.lines,
    assignee: o.assignee?.name ?? null,
  }))
}
