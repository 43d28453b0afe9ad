import { beforeAll, describe, expect, it } from 'vitest'
import { HOUR_MS } from '@/domain/kpis'
import { DAY_MS } from '@/domain/opening-hours'
import { lineSliceAmounts } from '@/domain/tax'
import { db } from '@/server/db'
import { getKpis, type KpisDTO } from '@/server/kpis/get-kpis'
import { makeActor, makeStaff } from '../support/factories'
import { DAY, OPEN_NOW, at, ensureManagerSettings, makeOrder } from './manager-support'

// This file's database holds exactly the orders below, so every figure is checked exactly.
const now = OPEN_NOW // 2026-11-26 10:00 in Ho Chi Minh City
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR_MS)
let kpis: KpisDTO
let inWindow: number

beforeAll(async () => {
  await ensureManagerSettings()
  const manager = await makeActor({ homeRole: 'MANAGER' })
  const invoicer = await makeStaff({ homeRole: 'BACK_OFFICE' })
  const done = [{ quantity: 1, unitPrice: 10_000, qtyFulfilled: 1, qtyInvoiced: 1 }]

  // Orders per day and stage times. Regular: to ready 2 h, 4 h, 10 h (median 4 h); to collected 1 h, 3 h (median 2 h).
  await makeOrder({ createdAt: at('08:00'), readyAt: at('10:00'), handedOverAt: at('11:00'), dueAt: at('12:00'), lines: done })
  await makeOrder({
    createdAt: at('08:00', '2026-11-25'),
    readyAt: at('12:00', '2026-11-25'),
    handedOverAt: at('15:00', '2026-11-25'),
    dueAt: at('17:00', '2026-11-25'),
    lines: done,
  })
  await makeOrder({
    createdAt: at('08:00', '2026-11-24'),
    readyAt: at('18:00', '2026-11-24'),
    dueAt: at('17:00', '2026-11-24'),
    lines: done,
  }) // ready late
  // Covering: to ready 6 h.
  await makeOrder({
    createdAt: at('09:00', '2026-11-25'),
    readyAt: at('15:00', '2026-11-25'),
    takenCovering: true,
    dueAt: at('09:00', '2026-11-27'),
    lines: done,
  })
  // Not ready, past due: overdue now. Cancelled and not ready: never late.
  await makeOrder({ createdAt: at('08:00', '2026-11-24'), dueAt: at('17:00', '2026-11-25'), takenCovering: true })
  await makeOrder({ createdAt: at('08:00', '2026-11-24'), dueAt: at('17:00', '2026-11-25'), cancelledAt: at('09:00', '2026-11-24') })
  // Outside the 30-day window.
  await makeOrder({
    createdAt: new Date(now.getTime() - 40 * DAY_MS),
    readyAt: new Date(now.getTime() - 39 * DAY_MS),
    handedOverAt: new Date(now.getTime() - 38.5 * DAY_MS),
    dueAt: new Date(now.getTime() - 38 * DAY_MS),
    lines: done,
  })

  // Waiting for collection: ready 2 h, 2 days and 10 days ago (plus the ones above that are ready and not collected).
  for (const hours of [2, 48, 240]) {
    await makeOrder({
      createdAt: ago(hours + 1),
      readyAt: ago(hours),
      dueAt: ago(hours - 1),
      lines: [{ quantity: 2, unitPrice: 1000, qtyFulfilled: 2, qtyInvoiced: 2 }],
    })
  }

  // Fulfilled but not invoiced: 2 of 3 units and 3 of 5 units.
  await makeOrder({
    lines: [
      { quantity: 3, unitPrice: 10_000, taxRateBp: 800, qtyFulfilled: 3, qtyInvoiced: 1 },
      { quantity: 5, unitPrice: 333, taxRateBp: 1000, qtyFulfilled: 5, qtyInvoiced: 2 },
    ],
  })

  // Receivables.
  const invoice = async (total: number, dueAt: Date) => {
    const order = await makeOrder()
    const seq = Math.floor(Math.random() * 1e9)
    return db().invoice.create({
      data: {
        year: 2026,
        seq,
        number: `HD-2026-${seq}`,
        orderId: order.id,
        customerId: order.customerId,
        currency: 'VND',
        subtotal: total,
        taxTotal: 0,
        total,
        dueAt,
        issuedById: invoicer.id,
        seller: {},
        buyer: {},
      },
    })
  }
  await invoice(110_000, new Date(now.getTime() + 5 * DAY_MS)) // not due
  const partlyPaid = await invoice(50_000, new Date(now.getTime() - 10 * DAY_MS)) // 10 days overdue, 20 000 paid
  const payment = await db().payment.create({
    data: {
      orderId: partlyPaid.orderId,
      customerId: partlyPaid.customerId,
      invoiceId: partlyPaid.id,
      kind: 'PAYMENT',
      method: 'CASH',
      amount: 20_000,
      receivedById: invoicer.id,
    },
  })
  await db().paymentAllocation.create({ data: { paymentId: payment.id, invoiceId: partlyPaid.id, amount: 20_000 } })
  const credited = await invoice(40_000, new Date(now.getTime() - 45 * DAY_MS)) // fully credited: nothing open
  await db().creditNote.create({
    data: {
      year: 2026,
      seq: 1,
      number: 'GG-2026-000001',
      invoiceId: credited.id,
      orderId: credited.orderId,
      customerId: credited.customerId,
      currency: 'VND',
      reason: 'test',
      subtotal: 40_000,
      taxTotal: 0,
      total: 40_000,
      issuedById: invoicer.id,
    },
  })
  await invoice(70_000, new Date(now.getTime() - 100 * DAY_MS)) // over 90 days
  // An order whose payments cover what was invoiced owes nothing, however the payments were allocated.
  const settled = await invoice(33_000, new Date(now.getTime() - 10 * DAY_MS))
  await db().order.update({ where: { id: settled.orderId }, data: { payment: 'PAID' } })

  kpis = await getKpis(manager, now)
  inWindow = await db().order.count({ where: { createdAt: { gte: new Date(kpis.from), lte: now } } })
})

describe('KPIs', () => {
  it('counts orders per business day for 30 days, regular and covering, zeros included', () => {
    expect(kpis.ordersPerDay).toHaveLength(30)
    expect(kpis.ordersPerDay.at(-1)!.day).toBe(DAY)
    const day = (d: string) => kpis.ordersPerDay.find((x) => x.day === d)!
    expect(day('2026-11-25')).toEqual({ day: '2026-11-25', regular: 1, covering: 1 })
    // The late one, the cancelled one (orders taken count, whatever became of them) and one of the waiting ones.
    expect(day('2026-11-24')).toEqual({ day: '2026-11-24', regular: 3, covering: 1 })
    expect(day('2026-11-20')).toEqual({ day: '2026-11-20', regular: 0, covering: 0 })
    const total = kpis.ordersPerDay.reduce((s, d) => s + d.regular + d.covering, 0)
    expect(total).toBe(inWindow)
  })

  it('gives median hours per stage for regular and covering staff', () => {
    const regular = kpis.stageMedians.find((m) => m.group === 'regular')!
    const covering = kpis.stageMedians.find((m) => m.group === 'covering')!
    // Regular orders that became ready in the window: 2 h, 4 h, 10 h and the three waiting ones (1 h each).
    expect(regular.toReadyCount).toBe(6)
    expect(regular.toReadyHours).toBeCloseTo(1.5)
    expect(regular.toCollectCount).toBe(2)
    expect(regular.toCollectHours).toBeCloseTo(2)
    expect(covering).toEqual({ group: 'covering', toReadyHours: 6, toReadyCount: 1, toCollectHours: null, toCollectCount: 0 })
  })

  it('finds late orders: ready after due, or not ready past due; never cancelled ones', () => {
    expect(kpis.late.totals.readyLate).toBe(1)
    expect(kpis.late.totals.overdue).toBe(1)
    expect(kpis.late.perDay.find((d) => d.day === '2026-11-24')).toEqual({ day: '2026-11-24', onTime: 1, readyLate: 1, overdue: 0 })
    expect(kpis.late.overdueNowCount).toBe(1)
    expect(kpis.late.overdueNow).toHaveLength(1)
    expect(kpis.late.overdueNow[0]).toMatchObject({ fulfillment: 'NOT_STARTED', dueAt: at('17:00', '2026-11-25').toISOString() })
  })

  it('ages finished orders waiting for collection', () => {
    const bucket = (b: string) => kpis.waiting.buckets.find((x) => x.bucket === b)!
    // Under a day: the 2-hour one and the covering order ready yesterday 15:00 (19 h).
    expect(bucket('under1d').count).toBe(2)
    // 1–3 days: 48 h, and the one ready 2026-11-24 18:00 (40 h).
    expect(bucket('d1to3').count).toBe(2)
    expect(bucket('d3to7').count).toBe(0)
    expect(bucket('over7d')).toMatchObject({ count: 1, value: 2160 })
    expect(kpis.waiting.oldest[0]!.readyAt).toBe(ago(240).toISOString())
  })

  it('values work done but not invoiced with the same tax rounding as invoices', () => {
    const a = lineSliceAmounts({ from: 1, quantity: 2, unitPrice: 10_000, taxRateBp: 800 })
    const b = lineSliceAmounts({ from: 2, quantity: 3, unitPrice: 333, taxRateBp: 1000 })
    expect(kpis.unbilled).toEqual({ orders: 1, net: a.net + b.net, tax: a.tax + b.tax, gross: a.gross + b.gross })
  })

  it('ages receivables by days overdue, net of credit notes and payments', () => {
    const bucket = (b: string) => kpis.receivables.buckets.find((x) => x.bucket === b)!
    expect(bucket('notDue')).toEqual({ bucket: 'notDue', count: 1, amount: 110_000 })
    expect(bucket('d1to30')).toEqual({ bucket: 'd1to30', count: 1, amount: 30_000 })
    expect(bucket('d31to60')).toEqual({ bucket: 'd31to60', count: 0, amount: 0 })
    expect(bucket('over90')).toEqual({ bucket: 'over90', count: 1, amount: 70_000 })
    expect(kpis.receivables.total).toBe(210_000)
  })
})
