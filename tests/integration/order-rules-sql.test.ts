// "Overdue" has one definition (isOverdue in src/domain/order-status.ts) and one SQL spelling of it (overdueWhere).
// Orders in every state that matters, and every place that says "overdue" — the SQL fragment, the queue (its rows
// and its count, and its "overdue" filter), the desk search, the order page's data and the manager's KPIs — must
// agree with the predicate on them.
import { beforeAll, describe, expect, it } from 'vitest'
import { FULFILLMENT_STATUSES, isOverdue, type FulfillmentStatus } from '@/domain/order-status'
import { queueFilterSchema } from '@/lib/schemas/fulfillment'
import type { Actor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { listQueue } from '@/server/fulfillment/list-queue'
import { getKpis } from '@/server/kpis/get-kpis'
import { getOrder } from '@/server/orders/get-order'
import { overdueWhere } from '@/server/orders/overdue-sql'
import { searchOrders } from '@/server/orders/search-orders'
import { makeActor, makeCustomer } from '../support/factories'
import { makeOrder } from './back-support'

const HOUR = 3_600_000
let now: Date
let reception: Actor
let manager: Actor
const orders: Array<{ id: string; number: number; customerId: string; expected: boolean }> = []

beforeAll(async () => {
  now = new Date()
  reception = await makeActor({ homeRole: 'RECEPTIONIST' })
  manager = await makeActor({ homeRole: 'MANAGER' })
  const states: Array<{ fulfillment: FulfillmentStatus; handedOver: boolean; cancelled: boolean; held: boolean; dueIn: number }> = []
  for (const fulfillment of FULFILLMENT_STATUSES)
    for (const cancelled of [false, true])
      for (const held of [false, true])
        for (const dueIn of [-30 * HOUR, -1000, 2 * HOUR])
          states.push({ fulfillment, handedOver: false, cancelled, held: held && !cancelled, dueIn })
  for (const dueIn of [-30 * HOUR, 2 * HOUR])
    states.push({ fulfillment: 'FULFILLED', handedOver: true, cancelled: false, held: false, dueIn })
  // Six customers, so a desk search by name stays under its row limit.
  const customers = await Promise.all(Array.from({ length: 6 }, (_, i) => makeCustomer({ name: `Overdue Probe ${i}` })))
  for (const [i, s] of states.entries()) {
    const qty = s.fulfillment === 'FULFILLED' ? 2 : s.fulfillment === 'PARTLY_FULFILLED' ? 1 : 0
    const customerId = customers[i % customers.length]!.id
    const order = await makeOrder({
      customerId,
      dueAt: new Date(now.getTime() + s.dueIn),
      lines: [{ quantity: 2, unitPrice: 1000, qtyFulfilled: qty }],
    })
    await db().order.update({
      where: { id: order.id },
      data: {
        fulfillment: s.fulfillment,
        readyAt: s.fulfillment === 'FULFILLED' ? new Date(now.getTime() - 40 * HOUR) : null,
        ...(s.handedOver ? { handover: 'COLLECTED' as const, handedOverAt: new Date(now.getTime() - HOUR) } : {}),
        ...(s.cancelled ? { cancelledAt: new Date(now.getTime() - HOUR), cancelReason: 'Test' } : {}),
        ...(s.held ? { heldAt: new Date(now.getTime() - HOUR), holdReason: 'Test' } : {}),
      },
    })
    const expected = isOverdue(
      { dueAt: order.dueAt, fulfillment: s.fulfillment, handover: s.handedOver ? 'COLLECTED' : 'WAITING', cancelled: s.cancelled },
      now,
    )
    orders.push({ id: order.id, number: order.number, customerId, expected })
  }
})

const expectedIds = () =>
  orders
    .filter((o) => o.expected)
    .map((o) => o.id)
    .sort()

describe('overdue: one definition everywhere', () => {
  it('the states cover both answers', () => {
    expect(orders.filter((o) => o.expected).length).toBeGreaterThan(3)
    expect(orders.filter((o) => !o.expected).length).toBeGreaterThan(10)
  })

  it('the SQL fragment selects exactly the orders the predicate calls overdue', async () => {
    const rows = await db().$queryRaw<Array<{ id: string }>>`SELECT o.id FROM "Order" o WHERE ${overdueWhere('o', now)} ORDER BY o.id`
    expect(rows.map((r) => r.id).sort()).toEqual(expectedIds())
  })

  it('the queue: flags on every row, the count, and the "overdue" filter', async () => {
    const all = await listQueue(manager, queueFilterSchema.parse({ status: 'all', limit: '200' }), now)
    for (const row of all.rows) expect(row.overdue, row.number).toBe(orders.find((o) => o.id === row.id)!.expected)
    expect(all.overdue).toBe(expectedIds().length)
    for (const status of ['all', 'todo', 'READY']) {
      const filtered = await listQueue(manager, queueFilterSchema.parse({ status, due: 'overdue', limit: '200' }), now)
      expect(filtered.rows.every((r) => r.overdue)).toBe(true)
      if (status !== 'READY') expect(filtered.rows.map((r) => r.id).sort()).toEqual(expectedIds())
      else expect(filtered.rows).toEqual([])
    }
  })

  it('the desk search and the order page', async () => {
    for (let i = 0; i < 6; i++) {
      const rows = await searchOrders(reception, { q: `Overdue Probe ${i}` }, now)
      for (const row of rows) expect(row.overdue, row.number).toBe(orders.find((o) => o.id === row.id)!.expected)
      expect(rows.length).toBe(orders.filter((o) => o.customerId === orders[i]!.customerId).length)
    }
    for (const o of orders) expect((await getOrder(manager, o.id, now)).overdue).toBe(o.expected)
  })

  it('the KPIs: overdue now, and the late-per-day count', async () => {
    const kpis = await getKpis(manager, now)
    expect(kpis.late.overdueNowCount).toBe(expectedIds().length)
    expect(kpis.late.overdueNow.map((o) => o.id).sort()).toEqual(expectedIds())
    expect(kpis.late.totals.overdue).toBe(expectedIds().length)
  })
})
