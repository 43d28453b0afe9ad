import 'server-only'
import { DESK_TASKS } from '@/domain/permissions'
import { dayBounds, businessDay } from '@/domain/opening-hours'
import { customerStatus, type CustomerStatus } from '@/domain/order-status'
import { formatOrderNumber } from '@/domain/numbering'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

export interface OrderRowDTO {
  id: string
  number: string
  customerName: string
  status: CustomerStatus
  total: number
  dueAt: string
  createdAt: string
  takenBy: string
  takenCovering: boolean
}

/** Orders taken today (business time zone), newest first: the counter's at-a-glance list. */
export async function listTodaysOrders(actor: Actor, now = new Date()): Promise<OrderRowDTO[]> {
  authorizeAny(actor, DESK_TASKS)
  const settings = await getSettings()
  const { start, end } = dayBounds(businessDay(now, settings.timeZone), settings.timeZone)
  const rows = await db().order.findMany({
    where: { createdAt: { gte: start, lt: end } },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      number: true,
      total: true,
      dueAt: true,
      createdAt: true,
      fulfillment: true,
      handover: true,
      heldAt: true,
      cancelledAt: true,
      takenCovering: true,
      customer: { select: { name: true } },
      takenBy: { select: { name: true } },
    },
  })
  return rows.map((o) => ({
    id: o.id,
    number: formatOrderNumber(settings.orderPrefix, o.number),
    customerName: o.customer.name,
    status: customerStatus(o),
    total: o.total,
    dueAt: o.dueAt.toISOString(),
    createdAt: o.createdAt.toISOString(),
    takenBy: o.takenBy.name,
    takenCovering: o.takenCovering,
  }))
}
