// The order factory (seed, tests, benchmarks): totals and statuses come from the domain rules, never from the caller.
import { describe, expect, it } from 'vitest'
import { documentTotals } from '@/domain/tax'
import { buildOrder, type OrderSpec } from '@/server/orders/order-rows'

const base: OrderSpec = {
  customerId: '00000000-0000-4000-c000-000000000001',
  takenById: '00000000-0000-4000-f000-000000000001',
  dueAt: new Date('2026-12-05T10:00:00Z'),
  createdAt: new Date('2026-12-04T09:00:00Z'),
  lines: [
    { description: 'In A4 màu', quantity: 40, unitPrice: 2_500, taxRateBp: 800 },
    { description: 'Ép plastic A4', quantity: 3, unitPrice: 5_001, taxRateBp: 1000 },
  ],
}
const done = (spec: OrderSpec, invoiced: boolean): OrderSpec => ({
  ...spec,
  lines: spec.lines.map((l) => ({ ...l, qtyFulfilled: l.quantity, qtyInvoiced: invoiced ? l.quantity : 0 })),
})

describe('buildOrder', () => {
  it('caches the totals the tax rules compute, and numbers lines in order under the order id', () => {
    const { order, lines } = buildOrder(base)
    const totals = documentTotals(base.lines)
    expect({ subtotal: order.subtotal, taxTotal: order.taxTotal, total: order.total }).toEqual({
      subtotal: totals.subtotal,
      taxTotal: totals.taxTotal,
      total: totals.total,
    })
    expect(order.total).toBe(115_003 + 8_000 + 1_500)
    expect(lines.map((l) => [l.position, l.orderId])).toEqual([
      [0, order.id],
      [1, order.id],
    ])
  })

  it('makes a new order not started, unbilled and unpaid; a deposit makes it partly paid with a DEPOSIT row', () => {
    expect(buildOrder(base).order).toMatchObject({
      fulfillment: 'NOT_STARTED',
      billing: 'UNBILLED',
      payment: 'UNPAID',
      handover: 'WAITING',
      closedAt: null,
    })
    const { order, deposit } = buildOrder({ ...base, deposit: { amount: 50_000 } })
    expect(order.payment).toBe('PARTLY_PAID')
    expect(deposit).toMatchObject({
      kind: 'DEPOSIT',
      method: 'CASH',
      amount: 50_000,
      orderId: order.id,
      receivedById: base.takenById,
      receivedAt: base.createdAt,
    })
  })

  it('derives fulfilment and billing from the lines', () => {
    const partly = { ...base, lines: [{ ...base.lines[0]!, qtyFulfilled: 10 }, base.lines[1]!] }
    expect(buildOrder(partly).order).toMatchObject({ fulfillment: 'PARTLY_FULFILLED', billing: 'UNBILLED' })
    expect(buildOrder(done(base, false)).order).toMatchObject({ fulfillment: 'FULFILLED', billing: 'UNBILLED' })
    expect(buildOrder(done(base, true)).order).toMatchObject({ fulfillment: 'FULFILLED', billing: 'BILLED' })
  })

  it('stamps the close time only when the statuses say closed: handed over, billed and paid in full, not cancelled', () => {
    const at = new Date('2026-12-05T11:00:00Z')
    const settled = { ...done(base, true), handover: { kind: 'COLLECTED' as const, at }, closedIfDoneAt: at }
    expect(buildOrder({ ...settled, money: { invoicedNet: 'total', invoiced: true, paid: 'total' } }).order).toMatchObject({
      payment: 'PAID',
      closedAt: at,
    })
    expect(buildOrder({ ...settled, money: { invoicedNet: 'total', invoiced: true, paid: 1_000 } }).order).toMatchObject({
      payment: 'PARTLY_PAID',
      closedAt: null,
    })
    expect(
      buildOrder({ ...settled, handover: null, money: { invoicedNet: 'total', invoiced: true, paid: 'total' } }).order.closedAt,
    ).toBeNull()
    const cancelled = buildOrder({
      ...settled,
      cancelled: { at, reason: 'Khách đổi ý' },
      money: { invoicedNet: 'total', invoiced: true, paid: 'total' },
    }).order
    expect(cancelled.closedAt).toBeNull()
  })

  it('keeps a close time the caller chose (a test of history), whatever the statuses', () => {
    const at = new Date('2026-12-01T00:00:00Z')
    expect(buildOrder({ ...base, closedAt: at }).order).toMatchObject({ closedAt: at, payment: 'UNPAID' })
  })
})
