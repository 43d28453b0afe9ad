// The order factory writes what the server's single writer of order state would: after insertOrders, refreshOrderState
// (recomputing from the stored lines and money) changes no status.
import { describe, expect, it } from 'vitest'
import { db, sql } from '@/server/db'
import { buildOrder, insertOrders, type OrderSpec } from '@/server/orders/order-rows'
import { refreshOrderState } from '@/server/orders/order-state'
import { makeCustomer, makeStaff } from '../support/factories'

describe('insertOrders', () => {
  it('writes orders, lines and deposits whose statuses refreshOrderState leaves as they are', async () => {
    const taker = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const customer = await makeCustomer()
    const line = { description: 'Danh thiếp', quantity: 4, unitPrice: 90_000, taxRateBp: 800 }
    const base: OrderSpec = { customerId: customer.id, takenById: taker.id, dueAt: new Date(Date.now() + 86_400_000), lines: [line] }
    const specs: OrderSpec[] = [
      base,
      { ...base, deposit: { amount: 100_000 } },
      {
        ...base,
        lines: [
          { ...line, qtyFulfilled: 1 },
          { ...line, description: 'Tờ rơi' },
        ],
      },
      { ...base, lines: [{ ...line, qtyFulfilled: 4 }], readyAt: new Date(), deposit: { amount: 388_800, method: 'TRANSFER' } },
      { ...base, lines: [] },
    ]
    const built = specs.map(buildOrder)
    await insertOrders(sql, built)

    for (const b of built) {
      const stored = await db().order.findUniqueOrThrow({
        where: { id: b.order.id },
        include: { lines: { orderBy: { position: 'asc' } }, payments: true },
      })
      expect(stored).toMatchObject({
        fulfillment: b.order.fulfillment,
        billing: b.order.billing,
        payment: b.order.payment,
        total: b.order.total,
        subtotal: b.order.subtotal,
        taxTotal: b.order.taxTotal,
      })
      expect(stored.lines.map((l) => [l.position, l.quantity, l.qtyFulfilled])).toEqual(
        b.lines.map((l) => [l.position, l.quantity, l.qtyFulfilled]),
      )
      expect(stored.payments.map((p) => [p.kind, p.amount])).toEqual(b.deposit ? [['DEPOSIT', b.deposit.amount]] : [])
      expect(stored.createdAt.getTime()).toBe(b.order.createdAt.getTime())
      const refreshed = await db().$transaction((tx) => refreshOrderState(tx, b.order.id))
      expect({ fulfillment: refreshed.fulfillment, billing: refreshed.billing, payment: refreshed.payment }).toEqual({
        fulfillment: b.order.fulfillment,
        billing: b.order.billing,
        payment: b.order.payment,
      })
    }
    expect(built.map((b) => b.order.payment)).toEqual(['UNPAID', 'PARTLY_PAID', 'UNPAID', 'PARTLY_PAID', 'UNPAID'])
    expect(built.map((b) => b.order.fulfillment)).toEqual(['NOT_STARTED', 'NOT_STARTED', 'PARTLY_FULFILLED', 'FULFILLED', 'NOT_STARTED'])
  })

  it('numbers orders from the sequence when no number is given, and keeps a chosen one', async () => {
    const taker = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const customer = await makeCustomer()
    const spec: OrderSpec = { customerId: customer.id, takenById: taker.id, dueAt: new Date(), lines: [] }
    const chosen = buildOrder({ ...spec, number: 900_000 })
    const [a, b] = [buildOrder(spec), buildOrder(spec)]
    await insertOrders(sql, [chosen, a!, b!])
    const numbers = await db().order.findMany({
      where: { id: { in: [chosen.order.id, a!.order.id, b!.order.id] } },
      select: { id: true, number: true },
    })
    const byId = new Map(numbers.map((n) => [n.id, n.number]))
    expect(byId.get(chosen.order.id)).toBe(900_000)
    expect(byId.get(b!.order.id)).toBe(byId.get(a!.order.id)! + 1)
  })
})
