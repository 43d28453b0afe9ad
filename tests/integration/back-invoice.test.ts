import { beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '@/domain/errors'
import { isGapless } from '@/domain/numbering'
import { businessDay } from '@/domain/opening-hours'
import type { Actor } from '@/server/auth/actor'
import { getInvoice } from '@/server/billing/get-invoice'
import { getOrderBilling } from '@/server/billing/get-order-billing'
import { issueCreditNote } from '@/server/billing/issue-credit-note'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { listToInvoice } from '@/server/billing/list-to-invoice'
import { db } from '@/server/db'
import { cancelOrder } from '@/server/fulfillment/cancel-order'
import { getKpis } from '@/server/kpis/get-kpis'
import { getOrder } from '@/server/orders/get-order'
import { makeActor } from '../support/factories'
import { ensureSettings, makeOrder, orderRow, settleAll } from './back-support'

let clerk: Actor
const year = Number(businessDay(new Date(), 'Asia/Ho_Chi_Minh').slice(0, 4))

beforeAll(async () => {
  await ensureSettings()
  clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
})

async function counter(kind: 'INVOICE' | 'CREDIT_NOTE' = 'INVOICE') {
  return (await db().documentCounter.findUnique({ where: { kind_year: { kind, year } } }))?.last ?? 0
}

describe('issueInvoice', () => {
  it('invoices exactly the fulfilled, not yet invoiced quantities, with snapshots, lines and audit', async () => {
    const order = await makeOrder({
      lines: [
        { quantity: 10, unitPrice: 1000, taxRateBp: 800, qtyFulfilled: 4 },
        { quantity: 3, unitPrice: 25_000, taxRateBp: 1000, qtyFulfilled: 0 },
        { quantity: 2, unitPrice: 333, taxRateBp: 1000, qtyFulfilled: 2 },
      ],
    })
    const result = await issueInvoice(clerk, { orderId: order.id })
    // 4 x 1000 @ 8 % = 4000 + 320; 2 x 333 @ 10 % = 666 + 67 (66.6 rounded).
    expect(result.total).toBe(4320 + 733)
    expect(result.applied).toBe(0)
    expect(result.number).toMatch(new RegExp(`^HD-${year}-\\d{6}$`))

    const invoice = await db().invoice.findUniqueOrThrow({
      where: { id: result.invoiceId },
      include: { lines: { orderBy: { position: 'asc' } } },
    })
    expect(invoice.lines.map((l) => [l.quantity, l.net, l.tax, l.gross])).toEqual([
      [4, 4000, 320, 4320],
      [2, 666, 67, 733],
    ])
    expect(invoice.subtotal + invoice.taxTotal).toBe(invoice.total)
    expect(invoice.seller).toMatchObject({ name: 'In Nhanh Test', taxId: '0300000000' })
    expect(invoice.buyer).toMatchObject({ name: expect.any(String) })
    expect(invoice.dueAt.getTime() - invoice.issuedAt.getTime()).toBe(14 * 86_400_000)

    const row = await orderRow(order.id)
    expect(row.lines.map((l) => l.qtyInvoiced)).toEqual([4, 0, 2])
    expect(row.billing).toBe('PARTLY_BILLED')
    expect(row.version).toBe(order.version + 1)
    const audit = await db().auditEvent.findFirstOrThrow({ where: { orderId: order.id, action: 'invoice.issued' } })
    expect(audit).toMatchObject({ task: 'INVOICE', crossRole: false, entityId: result.invoiceId })
    expect(audit.data).toMatchObject({ number: result.number, total: result.total })

    // The rest, once done, is a second invoice for exactly the rest.
    await db().orderLine.update({ where: { id: order.lines[0]!.id }, data: { qtyFulfilled: 10 } })
    await db().orderLine.update({ where: { id: order.lines[1]!.id }, data: { qtyFulfilled: 3 } })
    const second = await issueInvoice(clerk, { orderId: order.id })
    expect(second.total).toBe(6 * 1080 + 3 * 27_500)
    const after = await orderRow(order.id)
    expect(after.lines.map((l) => l.qtyInvoiced)).toEqual([10, 3, 2])
    expect(after.billing).toBe('BILLED')
  })

  it('says "nothing to invoice" when everything done is invoiced (and for an order with nothing done)', async () => {
    const order = await makeOrder({ lines: [{ quantity: 5, unitPrice: 100, qtyFulfilled: 0 }] })
    await expect(issueInvoice(clerk, { orderId: order.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'back.errors.nothingToInvoice',
    })
    await db().orderLine.update({ where: { id: order.lines[0]!.id }, data: { qtyFulfilled: 5 } })
    await issueInvoice(clerk, { orderId: order.id })
    await expect(issueInvoice(clerk, { orderId: order.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'back.errors.nothingToInvoice',
    })
  })

  it('applies the deposit taken at the counter to the invoice', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, qtyFulfilled: 10 }], deposit: 5000 })
    const result = await issueInvoice(clerk, { orderId: order.id })
    expect(result.applied).toBe(5000)
    const invoice = await getInvoice(clerk, result.invoiceId)
    expect(invoice.paid).toBe(5000)
    expect(invoice.balance).toBe(10_800 - 5000)
    expect(invoice.payments).toEqual([expect.objectContaining({ kind: 'DEPOSIT', amount: 5000 })])
    expect((await orderRow(order.id)).payment).toBe('PARTLY_PAID')
  })

  it('applies only what the invoice asks from a larger deposit, and the rest to the next invoice', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 2 }], deposit: 5000 })
    const first = await issueInvoice(clerk, { orderId: order.id })
    expect(first).toMatchObject({ total: 2000, applied: 2000 })
    await db().orderLine.update({ where: { id: order.lines[0]!.id }, data: { qtyFulfilled: 10 } })
    const second = await issueInvoice(clerk, { orderId: order.id })
    expect(second).toMatchObject({ total: 8000, applied: 3000 })
  })

  it('refuses a stale version and a cancelled order', async () => {
    const order = await makeOrder({ lines: [{ quantity: 1, unitPrice: 100, qtyFulfilled: 1 }] })
    await expect(issueInvoice(clerk, { orderId: order.id, expectedVersion: order.version + 5 })).rejects.toMatchObject({ code: 'STALE' })
    await cancelOrder(clerk, { orderId: order.id, expectedVersion: order.version, reason: 'Khách đổi ý' })
    await expect(issueInvoice(clerk, { orderId: order.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.orderCancelled',
    })
    expect(await db().invoice.count({ where: { orderId: order.id } })).toBe(0)
  })

  it('issues exactly one invoice when 50 requests race for one order; the others are told why, none fails badly', async () => {
    const order = await makeOrder({ lines: [{ quantity: 7, unitPrice: 12_345, qtyFulfilled: 7 }], deposit: 10_000 })
    const { ok, errors } = await settleAll(Array.from({ length: 50 }, () => issueInvoice(clerk, { orderId: order.id })))
    expect(ok).toHaveLength(1)
    expect(errors).toHaveLength(49)
    for (const e of errors) {
      expect(isDomainError(e)).toBe(true)
      expect(e).toMatchObject({ messageKey: 'back.errors.nothingToInvoice' })
    }
    expect(await db().invoice.count({ where: { orderId: order.id } })).toBe(1)
    const row = await orderRow(order.id)
    expect(row.lines[0]!.qtyInvoiced).toBe(7)
    // The deposit was applied once.
    expect(await db().paymentAllocation.aggregate({ where: { invoiceId: ok[0]!.invoiceId }, _sum: { amount: true } })).toMatchObject({
      _sum: { amount: 10_000 },
    })
  })

  it('with the version they loaded, 50 racing requests also give exactly one invoice (the rest are stale)', async () => {
    const order = await makeOrder({ lines: [{ quantity: 2, unitPrice: 500, qtyFulfilled: 2 }] })
    const { ok, errors } = await settleAll(
      Array.from({ length: 50 }, () => issueInvoice(clerk, { orderId: order.id, expectedVersion: order.version })),
    )
    expect(ok).toHaveLength(1)
    expect(errors.every((e) => isDomainError(e) && e.code === 'STALE')).toBe(true)
  })

  it('numbers 50 concurrent invoices on different orders consecutively, without gaps or duplicates', async () => {
    const orders = await Promise.all(
      Array.from({ length: 50 }, () => makeOrder({ lines: [{ quantity: 1, unitPrice: 1000, qtyFulfilled: 1 }] })),
    )
    const start = await counter()
    const results = await Promise.all(orders.map((o) => issueInvoice(clerk, { orderId: o.id })))
    const seqs = results.map((r) => Number(r.number.split('-')[2]))
    expect(new Set(seqs).size).toBe(50)
    expect(isGapless(seqs, start + 1)).toBe(true)
    expect(await counter()).toBe(start + 50)
    const rows = await db().invoice.findMany({ where: { year }, select: { seq: true } })
    expect(isGapless(rows.map((r) => r.seq))).toBe(true)
  })

  it('gives a number back when the issuing transaction rolls back after taking it', async () => {
    const doomed = await makeOrder({ lines: [{ quantity: 1, unitPrice: 1000, qtyFulfilled: 1 }] })
    const next = await makeOrder({ lines: [{ quantity: 1, unitPrice: 1000, qtyFulfilled: 1 }] })
    // A trigger that fails the invoice insert of one order: issueInvoice has already bumped the counter by then.
    await db().$executeRawUnsafe(`
      CREATE FUNCTION test_fail_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."orderId" = '${doomed.id}'::uuid THEN RAISE EXCEPTION 'forced failure after numbering'; END IF;
        RETURN NEW;
      END $$`)
    await db().$executeRawUnsafe(
      `CREATE TRIGGER test_fail_invoice BEFORE INSERT ON "Invoice" FOR EACH ROW EXECUTE FUNCTION test_fail_invoice()`,
    )
    try {
      const before = await counter()
      await expect(issueInvoice(clerk, { orderId: doomed.id })).rejects.toThrow(/forced failure/)
      expect(await counter()).toBe(before)
      expect((await orderRow(doomed.id)).lines[0]!.qtyInvoiced).toBe(0)
      const result = await issueInvoice(clerk, { orderId: next.id })
      expect(result.number).toBe(`HD-${year}-${String(before + 1).padStart(6, '0')}`)
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_fail_invoice ON "Invoice"`)
      await db().$executeRawUnsafe(`DROP FUNCTION test_fail_invoice()`)
    }
  })

  it('keeps issued invoices immutable (the database refuses edits and deletes)', async () => {
    const order = await makeOrder({ lines: [{ quantity: 1, unitPrice: 1000, qtyFulfilled: 1 }] })
    const { invoiceId } = await issueInvoice(clerk, { orderId: order.id })
    await expect(db().invoice.update({ where: { id: invoiceId }, data: { total: 1 } })).rejects.toThrow(/append-only/)
    await expect(db().invoiceLine.updateMany({ where: { invoiceId }, data: { gross: 1 } })).rejects.toThrow(/append-only/)
    await expect(db().invoice.delete({ where: { id: invoiceId } })).rejects.toThrow(/append-only/)
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } })).total).toBe(1080)
  })

  it('lists orders with work to invoice, with their value', async () => {
    const order = await makeOrder({ lines: [{ quantity: 4, unitPrice: 2500, taxRateBp: 800, qtyFulfilled: 3 }], deposit: 1000 })
    const list = await listToInvoice(clerk)
    const row = list.rows.find((r) => r.orderId === order.id)
    expect(row).toMatchObject({ value: 8100, held: 1000, lines: 1 })
    await issueInvoice(clerk, { orderId: order.id })
    expect((await listToInvoice(clerk)).rows.find((r) => r.orderId === order.id)).toBeUndefined()
  })
})

describe('who may invoice', () => {
  it('refuses a receptionist and a back-office worker recorded at INVOICE 0; allows a covering receptionist at level 2', async () => {
    const order = await makeOrder({ lines: [{ quantity: 1, unitPrice: 100, qtyFulfilled: 1 }] })
    const receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
    const printer = await makeActor({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 0 } })
    const trainee = await makeActor({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 1 } })
    for (const actor of [receptionist, printer, trainee]) {
      await expect(issueInvoice(actor, { orderId: order.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(listToInvoice(actor)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(await db().invoice.count({ where: { orderId: order.id } })).toBe(0)
    const covering = await makeActor({ homeRole: 'RECEPTIONIST', skills: { INVOICE: 2 } })
    const { invoiceId } = await issueInvoice(covering, { orderId: order.id })
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } })).crossRole).toBe(true)
    expect((await db().auditEvent.findFirstOrThrow({ where: { orderId: order.id, action: 'invoice.issued' } })).crossRole).toBe(true)
  })
})

describe('the amount still to invoice: one rule (decision 008)', () => {
  /** Everything that shows "still to invoice" for one order: the order pages (counter and back office, and the API's
   * order), the back office's billing box, the billing desk's to-invoice list. */
  async function shown(orderId: string) {
    const row = (await listToInvoice(clerk)).rows.find((r) => r.orderId === orderId)
    return {
      order: (await getOrder(clerk, orderId)).toInvoice,
      billing: (await getOrderBilling(clerk, orderId)).toInvoice,
      list: row?.value ?? 0,
    }
  }

  async function fulfil(lineId: string, qtyFulfilled: number) {
    await db().orderLine.update({ where: { id: lineId }, data: { qtyFulfilled } })
  }

  it('5 units at 10 %, 2 done, 1 invoiced: every screen shows what the next invoice then charges (5, not 6)', async () => {
    const order = await makeOrder({ lines: [{ quantity: 5, unitPrice: 5, taxRateBp: 1000, qtyFulfilled: 1 }] })
    const first = await issueInvoice(clerk, { orderId: order.id })
    expect(first.total).toBe(6) // 5 + 0.5 rounded away from zero
    await fulfil(order.lines[0]!.id, 2)

    expect(await shown(order.id)).toEqual({ order: 5, billing: 5, list: 5 })
    const second = await issueInvoice(clerk, { orderId: order.id })
    expect(second.total).toBe(5)
    expect(await shown(order.id)).toEqual({ order: 0, billing: 0, list: 0 })
    // The stored line says where it starts on the order line's scale.
    const line = await db().invoiceLine.findFirstOrThrow({ where: { invoiceId: second.invoiceId } })
    expect([line.qtyFrom, line.quantity, line.net, line.tax, line.gross]).toEqual([1, 1, 5, 0, 5])
  })

  it('a line invoiced in three parts totals the line (17), not each part rounded (18)', async () => {
    const order = await makeOrder({ lines: [{ quantity: 3, unitPrice: 5, taxRateBp: 1000 }] })
    const totals: number[] = []
    for (const done of [1, 2, 3]) {
      await fulfil(order.lines[0]!.id, done)
      const before = await shown(order.id)
      const invoice = await issueInvoice(clerk, { orderId: order.id })
      expect(before).toEqual({ order: invoice.total, billing: invoice.total, list: invoice.total })
      totals.push(invoice.total)
    }
    expect(totals).toEqual([6, 5, 6])
    expect(totals.reduce((a, b) => a + b, 0)).toBe(17)
  })

  it('credit notes are slices of the same scale: crediting an invoice back in full leaves it at 0, and re-invoicing charges the same', async () => {
    const order = await makeOrder({ lines: [{ quantity: 3, unitPrice: 5, taxRateBp: 1000, qtyFulfilled: 1 }] })
    await issueInvoice(clerk, { orderId: order.id })
    await fulfil(order.lines[0]!.id, 3)
    const second = await issueInvoice(clerk, { orderId: order.id }) // units 2..3: 17 - 6 = 11
    expect(second.total).toBe(11)
    const lines = await db().invoiceLine.findMany({ where: { invoiceId: second.invoiceId } })
    // One unit at a time, from the top: 6 (unit 3) then 5 (unit 2) — never more than the invoice line.
    const a = await issueCreditNote(clerk, {
      invoiceId: second.invoiceId,
      reason: 'Sai số lượng',
      reinvoice: true,
      lines: [{ invoiceLineId: lines[0]!.id, quantity: 1 }],
    })
    expect(a.total).toBe(6)
    expect(await shown(order.id)).toEqual({ order: 6, billing: 6, list: 6 })
    const b = await issueCreditNote(clerk, {
      invoiceId: second.invoiceId,
      reason: 'Sai số lượng',
      reinvoice: true,
      lines: [{ invoiceLineId: lines[0]!.id, quantity: 1 }],
    })
    expect(a.total + b.total).toBe(second.total)
    expect((await getInvoice(clerk, second.invoiceId)).credited).toBe(second.total)
    expect(await shown(order.id)).toEqual({ order: 11, billing: 11, list: 11 })
    const again = await issueInvoice(clerk, { orderId: order.id })
    expect(again.total).toBe(11)
  })

  it('the KPIs count work done but not invoiced by the same rule', async () => {
    const order = await makeOrder({ lines: [{ quantity: 5, unitPrice: 5, taxRateBp: 1000, qtyFulfilled: 1 }] })
    await issueInvoice(clerk, { orderId: order.id })
    await fulfil(order.lines[0]!.id, 2)
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const list = await listToInvoice(clerk)
    const kpis = await getKpis(manager)
    // Every open order of this file's database with something to invoice is on the list (far fewer than its limit).
    expect(list.truncated).toBe(false)
    expect(kpis.unbilled.gross).toBe(list.total)
    expect(kpis.unbilled.orders).toBe(list.rows.length)
  })
})
