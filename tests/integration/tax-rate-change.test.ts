// Decision 021: the standard rate goes from 8 % to 10 % on 2027-01-01 (Decree 174/2025). An order taken on
// 28 December and invoiced on 3 January carries, per unit, the rate of the day the work was done.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { rateOnDay } from '@/domain/tax-schedule'
import { db, sql } from '@/server/db'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { getInvoice } from '@/server/billing/get-invoice'
import { listTaxCategories } from '@/server/catalog/list-tax-categories'
import { recordFulfillment } from '@/server/fulfillment/record-fulfillment'
import { getKpis } from '@/server/kpis/get-kpis'
import { createOrder } from '@/server/orders/create-order'
import { getTicket } from '@/server/orders/get-ticket'
import { listReceivables } from '@/server/receivables/list-receivables'
import { taxCategoryRow, VN_TAX_CATEGORIES } from '@/server/seed/factories'
import type { Actor } from '@/server/auth/actor'
import { makeActor, makeCustomer } from '../support/factories'
import { ensureSettings } from './back-support'

const saigon = (iso: string) => new Date(`${iso}+07:00`)
let standard = ''
let productId = ''
let counter: Actor
let workshop: Actor
let manager: Actor

beforeAll(async () => {
  await ensureSettings()
  standard = (await taxCategoryRow(VN_TAX_CATEGORIES[0])).id
  productId = (
    await db().product.create({
      data: { sku: `STD-${randomUUID().slice(0, 6)}`, name: 'In A4 màu', unitPrice: 2_500, taxCategoryId: standard },
    })
  ).id
  counter = await makeActor({ homeRole: 'RECEPTIONIST' })
  workshop = await makeActor({ homeRole: 'BACK_OFFICE' })
  manager = await makeActor({ homeRole: 'MANAGER' })
})

afterEach(() => {
  vi.useRealTimers()
})

/** Runs `fn` as if the clock said `at` (only Date is faked: timers and the database keep running). */
async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(saigon(iso))
  try {
    return await fn()
  } finally {
    vi.useRealTimers()
  }
}

async function takeOrder(quantity: number) {
  const customer = await makeCustomer()
  return at('2026-12-28T10:00:00', () =>
    createOrder(
      counter,
      {
        idempotencyKey: randomUUID(),
        customerId: customer.id,
        lines: [{ productId, quantity }],
        dueDate: '2027-01-03',
        dueTime: '17:00',
        mode: 'PICKUP',
      },
      new Date(),
    ),
  )
}

async function recordDone(orderId: string, add: number, when: string) {
  const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } })
  await at(when, () =>
    recordFulfillment(workshop, { orderId, expectedVersion: order.version, lines: [{ lineId: order.lines[0]!.id, add }] }),
  )
}

describe('the VAT rate change of 1 January 2027', () => {
  it('the SQL rate function says what rateOnDay says, on every day around the change', async () => {
    const periods = VN_TAX_CATEGORIES[0].periods
    for (const day of ['2000-01-01', '2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03', '2030-06-30']) {
      const [row] = await sql<{ rate: number }>(`SELECT handoff_tax_rate($1::uuid, $2::date) AS rate`, [standard, day])
      expect(row!.rate).toBe(rateOnDay(periods, day))
    }
    const [before] = await sql<{ rate: number | null }>(`SELECT handoff_tax_rate($1::uuid, '1999-12-31'::date) AS rate`, [standard])
    expect(before!.rate).toBeNull()
  })

  it('a manager sees the coming change before it happens, and not after', async () => {
    const before = (await listTaxCategories(manager, saigon('2026-12-06T09:00:00'))).find((c) => c.id === standard)!
    expect(before).toMatchObject({ rateBp: 800, next: { validFrom: '2027-01-01', fromBp: 800, toBp: 1000 } })
    const after = (await listTaxCategories(manager, saigon('2027-01-01T00:00:00'))).find((c) => c.id === standard)!
    expect(after).toMatchObject({ rateBp: 1000, next: null })
  })

  it('taken 28 Dec, done 30 Dec and 2 Jan, invoiced 3 Jan: each unit at the rate of the day it was done', async () => {
    const { id: orderId } = await takeOrder(5)
    // The ticket printed on 28 December says 8 %: the rate in force when the order was taken.
    const ticket = await getTicket(counter, orderId)
    expect(ticket.lines[0]).toMatchObject({ taxRateBp: 800 })
    await recordDone(orderId, 3, '2026-12-30T15:00:00')
    await recordDone(orderId, 2, '2027-01-02T09:00:00')

    const issued = await at('2027-01-03T10:00:00', () => issueInvoice(workshop, { orderId }))
    const invoice = await getInvoice(workshop, issued.invoiceId)
    expect(invoice.lines.map((l) => [l.quantity, l.taxRateBp, l.net, l.tax])).toEqual([
      [3, 800, 7_500, 600],
      [2, 1000, 5_000, 500],
    ])
    expect(invoice).toMatchObject({ subtotal: 12_500, taxTotal: 1_100, total: 13_600 })
    expect(invoice.number).toMatch(/2027/)
    const line = await db().orderLine.findFirstOrThrow({ where: { orderId } })
    expect(line.qtyInvoiced).toBe(5)

    // Receivables carry exactly the invoice; nothing is left to invoice on the order.
    const receivables = await listReceivables(manager, saigon('2027-01-03T12:00:00'))
    const open = receivables.customers.flatMap((c) => c.invoices).find((i) => i.id === issued.invoiceId)
    expect(open).toMatchObject({ total: 13_600, open: 13_600 })
    // The manager's KPIs count the same receivables, to the đồng, and nothing of this order as still to bill.
    const kpis = await getKpis(manager, saigon('2027-01-03T12:00:00'))
    expect(kpis.receivables.total).toBe(receivables.aging.total)
    expect((await db().order.findUniqueOrThrow({ where: { id: orderId } })).billing).toBe('BILLED')
  })

  it('done entirely before the change and invoiced after: 8 %; done after: 10 %', async () => {
    const early = await takeOrder(2)
    await recordDone(early.id, 2, '2026-12-31T23:30:00')
    const late = await takeOrder(2)
    await recordDone(late.id, 2, '2027-01-01T00:05:00')
    const [a, b] = await at('2027-01-03T10:00:00', async () => [
      await issueInvoice(workshop, { orderId: early.id }),
      await issueInvoice(workshop, { orderId: late.id }),
    ])
    expect((await getInvoice(workshop, a!.invoiceId)).lines.map((l) => l.taxRateBp)).toEqual([800])
    expect((await getInvoice(workshop, b!.invoiceId)).lines.map((l) => l.taxRateBp)).toEqual([1000])
  })

  it('documents issued before the change never change: not by the new rate, not by editing the schedule', async () => {
    const { id: orderId } = await takeOrder(4)
    await recordDone(orderId, 4, '2026-12-29T10:00:00')
    const issued = await at('2026-12-29T11:00:00', () => issueInvoice(workshop, { orderId }))
    const before = await getInvoice(workshop, issued.invoiceId)
    expect(before.lines.map((l) => l.taxRateBp)).toEqual([800])

    // A later period added to the schedule (say, a correction of the law) changes nothing issued.
    await db().taxRatePeriod.create({ data: { categoryId: standard, validFrom: new Date('2026-12-15T00:00:00Z'), rateBp: 500 } })
    try {
      expect(await getInvoice(workshop, issued.invoiceId)).toEqual(before)
    } finally {
      await db().taxRatePeriod.deleteMany({ where: { categoryId: standard, validFrom: new Date('2026-12-15T00:00:00Z') } })
    }
    // And the database refuses to rewrite an issued line.
    await expect(db().invoiceLine.updateMany({ where: { invoiceId: issued.invoiceId }, data: { taxRateBp: 1000 } })).rejects.toThrow()
  })

  it('a category not subject to VAT cannot be given a rate', async () => {
    const exempt = await taxCategoryRow(VN_TAX_CATEGORIES[3])
    await expect(
      db().taxRatePeriod.create({ data: { categoryId: exempt.id, validFrom: new Date('2030-01-01T00:00:00Z'), rateBp: 500 } }),
    ).rejects.toThrow(/not subject to VAT/)
  })
})
