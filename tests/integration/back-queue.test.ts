import { beforeAll, describe, expect, it } from 'vitest'
import { queueFilterSchema } from '@/lib/schemas/fulfillment'
import type { Actor } from '@/server/auth/actor'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { recordPayment } from '@/server/billing/record-payment'
import { db } from '@/server/db'
import { holdOrder } from '@/server/fulfillment/hold-order'
import { listQueue } from '@/server/fulfillment/list-queue'
import { orderEvents, type OrderEvent } from '@/server/live/order-events'
import { exportBillingCsv } from '@/server/receivables/export-billing-csv'
import { listReceivables } from '@/server/receivables/list-receivables'
import { makeActor, makeCustomer } from '../support/factories'
import { ensureSettings, makeOrder } from './back-support'

let worker: Actor
const HOUR = 3_600_000
const filter = (raw: Record<string, string> = {}) => queueFilterSchema.parse(raw)

beforeAll(async () => {
  await ensureSettings()
  worker = await makeActor({ homeRole: 'BACK_OFFICE' })
})

describe('listQueue', () => {
  it('shows open orders soonest due first, overdue ones flagged, with keyset pages that neither skip nor repeat', async () => {
    const customer = await makeCustomer({ name: 'Trường THCS Queue Test' })
    const base = Date.now() + 1000 * HOUR
    const orders = []
    // Three share a due time: the id breaks the tie, so paging is still exact.
    for (let i = 0; i < 7; i++) orders.push(await makeOrder({ customerId: customer.id, dueAt: new Date(base + Math.min(i, 4) * HOUR) }))
    const late = await makeOrder({ customerId: customer.id, dueAt: new Date(Date.now() - 2 * HOUR) })
    const q = { q: 'queue test', status: 'all' }
    const seen: string[] = []
    let page = await listQueue(worker, filter({ ...q, limit: '3' }))
    expect(page.prev).toBeNull()
    expect(page.rows[0]).toMatchObject({ id: late.id, overdue: true })
    for (;;) {
      seen.push(...page.rows.map((r) => r.id))
      if (!page.next) break
      page = await listQueue(worker, filter({ ...q, limit: '3', after: page.next }))
      expect(page.prev).not.toBeNull()
    }
    expect(seen).toHaveLength(8)
    expect(new Set(seen).size).toBe(8)
    const due = await db().order.findMany({ where: { id: { in: seen } }, select: { id: true, dueAt: true } })
    const sorted = [...due].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id)).map((o) => o.id)
    expect(seen).toEqual(sorted)
    // Walking back from the last page returns the same pages.
    const back = await listQueue(worker, filter({ ...q, limit: '3', before: page.prev! }))
    expect(back.rows.map((r) => r.id)).toEqual(seen.slice(3, 6))
    expect(orders.every((o) => seen.includes(o.id))).toBe(true)
  })

  it('filters by status, due day, assignee and search; hides closed and cancelled orders', async () => {
    const customer = await makeCustomer({ name: 'Nguyễn Filter Văn', phone: '0909111222' })
    const todo = await makeOrder({ customerId: customer.id })
    const ready = await makeOrder({ customerId: customer.id, lines: [{ quantity: 1, unitPrice: 100, qtyFulfilled: 1 }] })
    const onHold = await makeOrder({ customerId: customer.id })
    await holdOrder(worker, { orderId: onHold.id, expectedVersion: onHold.version, reason: 'Chờ' })
    const closed = await makeOrder({ customerId: customer.id })
    await db().order.update({ where: { id: closed.id }, data: { closedAt: new Date() } })
    const cancelled = await makeOrder({ customerId: customer.id })
    await db().order.update({ where: { id: cancelled.id }, data: { cancelledAt: new Date(), cancelReason: 'x' } })
    await db().order.update({ where: { id: todo.id }, data: { assigneeId: worker.id } })

    const ids = async (raw: Record<string, string>) => (await listQueue(worker, filter({ q: 'filter van', ...raw }))).rows.map((r) => r.id)
    expect(await ids({ status: 'all' })).toEqual(expect.arrayContaining([todo.id, ready.id, onHold.id]))
    expect(await ids({ status: 'all' })).not.toContain(closed.id)
    expect(await ids({ status: 'all' })).not.toContain(cancelled.id)
    expect(await ids({})).not.toContain(ready.id) // "to do" by default
    expect(await ids({ status: 'READY' })).toEqual([ready.id])
    expect(await ids({ status: 'ON_HOLD' })).toEqual([onHold.id])
    expect(await ids({ status: 'NOT_STARTED' })).toEqual([todo.id])
    expect(await ids({ assignee: 'me', status: 'all' })).toEqual([todo.id])
    expect(await ids({ assignee: 'none', status: 'all' })).not.toContain(todo.id)
    expect(await ids({ due: 'tomorrow', status: 'all' })).toEqual(expect.arrayContaining([todo.id]))
    expect(await ids({ due: 'overdue', status: 'all' })).toEqual([])
    // By phone digits, and by order number.
    expect((await listQueue(worker, filter({ q: '0909 111', status: 'all' }))).rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([todo.id]),
    )
    const number = (await db().order.findUniqueOrThrow({ where: { id: ready.id } })).number
    expect((await listQueue(worker, filter({ q: `DH-${String(number).padStart(6, '0')}`, status: 'all' }))).rows.map((r) => r.id)).toEqual([
      ready.id,
    ])
    // LIKE wildcards typed by a user match literally.
    expect((await listQueue(worker, filter({ q: '%', status: 'all' }))).rows).toEqual([])
  })

  it('is refused to people outside the back office; a tampered cursor shows the first page', async () => {
    const receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
    await expect(listQueue(receptionist, filter())).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const page = await listQueue(worker, filter({ after: 'not-a-cursor' }))
    expect(page.prev).toBeNull()
  })

  it('walks the open-orders partial index (no sequential scan of the Order table)', async () => {
    const { queueSql } = await import('@/server/fulfillment/queue-query')
    await db().$executeRawUnsafe('SET enable_seqscan = off')
    const sql = queueSql({ status: 'todo', take: 51 })
    const plan = await db().$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${sql.text}`, ...sql.values)
    await db().$executeRawUnsafe('RESET enable_seqscan')
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/Order_open_due/)
  })
})

describe('live order events (LISTEN/NOTIFY)', () => {
  it('fans out an insert and an update of an order to every subscriber within a second, and stops after unsubscribe', async () => {
    const hub = orderEvents()
    const a: OrderEvent[] = []
    const b: OrderEvent[] = []
    const offA = hub.subscribe((e) => a.push(e))
    const offB = hub.subscribe((e) => b.push(e))
    await hub.ensureConnected()
    const order = await makeOrder()
    await db().order.update({ where: { id: order.id }, data: { notes: 'changed' } })
    const deadline = Date.now() + 1000
    while (Date.now() < deadline && (a.filter((e) => e.id === order.id).length < 2 || b.filter((e) => e.id === order.id).length < 2))
      await new Promise((r) => setTimeout(r, 20))
    expect(a.filter((e) => e.id === order.id).map((e) => e.op)).toEqual(['INSERT', 'UPDATE'])
    expect(b.filter((e) => e.id === order.id)).toHaveLength(2)
    offA()
    await db().order.update({ where: { id: order.id }, data: { notes: 'again' } })
    await new Promise((r) => setTimeout(r, 300))
    expect(a.filter((e) => e.id === order.id)).toHaveLength(2)
    expect(b.filter((e) => e.id === order.id)).toHaveLength(3)
    offB()
    await hub.close()
  })
})

describe('receivables and export', () => {
  it('ages open invoices by days since issue, per customer, and lists money owed back', async () => {
    const customer = await makeCustomer({ name: 'Công ty Aging Test' })
    const ages = [5, 40, 75, 120]
    const orders = []
    for (const days of ages) {
      const order = await makeOrder({ customerId: customer.id, lines: [{ quantity: 1, unitPrice: 10_000, taxRateBp: 0, qtyFulfilled: 1 }] })
      const inv = await issueInvoice(worker, { orderId: order.id })
      // Issued invoices are immutable; to backdate these test invoices the guard is lifted in this test's own database.
      await db().$executeRawUnsafe('ALTER TABLE "Invoice" DISABLE TRIGGER "Invoice_immutable"')
      await db().$executeRawUnsafe(
        `UPDATE "Invoice" SET "issuedAt" = now() - interval '${days} days', "dueAt" = now() - interval '${days - 14} days' WHERE id = '${inv.invoiceId}'`,
      )
      await db().$executeRawUnsafe('ALTER TABLE "Invoice" ENABLE TRIGGER "Invoice_immutable"')
      orders.push(order)
    }
    await recordPayment(worker, { orderId: orders[0]!.id, method: 'CASH', amount: 4000 })
    const result = await listReceivables(worker)
    const mine = result.customers.find((c) => c.customerId === customer.id)!
    expect(mine.aging).toEqual({ '0-30': 6000, '31-60': 10_000, '61-90': 10_000, '90+': 10_000, total: 36_000 })
    expect(mine.invoices.map((i) => [i.ageDays, i.bucket, i.open, i.pastDue])).toEqual([
      [120, '90+', 10_000, true],
      [75, '61-90', 10_000, true],
      [40, '31-60', 10_000, true],
      [5, '0-30', 6000, false],
    ])
    // Forty-five days on, the youngest has moved a bucket.
    const later = await listReceivables(worker, new Date(Date.now() + 45 * 86_400_000))
    expect(later.customers.find((c) => c.customerId === customer.id)!.aging).toMatchObject({ '0-30': 0, '31-60': 6000, total: 36_000 })
    // A fully paid invoice leaves the list; an over-paid one (after a credit) shows as owed back.
    await recordPayment(worker, { orderId: orders[1]!.id, method: 'CASH', amount: 10_000 })
    const [line] = await db().invoiceLine.findMany({ where: { invoice: { orderId: orders[1]!.id } } })
    const { issueCreditNote } = await import('@/server/billing/issue-credit-note')
    await issueCreditNote(worker, {
      invoiceId: line!.invoiceId,
      reason: 'Giảm giá',
      reinvoice: false,
      lines: [{ invoiceLineId: line!.id, quantity: 1 }],
    })
    const after = await listReceivables(worker)
    expect(after.customers.find((c) => c.customerId === customer.id)!.invoices).toHaveLength(3)
    expect(after.owedBack).toEqual(expect.arrayContaining([expect.objectContaining({ invoiceId: line!.invoiceId, amount: 10_000 })]))
  })

  it('exports invoices, payments and credit notes of a range as injection-safe CSV, for billing staff only', async () => {
    const customer = await makeCustomer({ name: '=HYPERLINK("http://evil")' })
    const order = await makeOrder({ customerId: customer.id, lines: [{ quantity: 2, unitPrice: 1500, taxRateBp: 0, qtyFulfilled: 2 }] })
    const inv = await issueInvoice(worker, { orderId: order.id })
    await recordPayment(worker, { orderId: order.id, method: 'TRANSFER', amount: 1000, reference: '@ref' })
    const today = new Date().toISOString().slice(0, 10)
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
    const to = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const invoicesCsv = await exportBillingCsv(worker, { kind: 'invoices', from, to })
    expect(invoicesCsv.filename).toBe(`handoff-invoices-${from}-to-${to}.csv`)
    expect(invoicesCsv.body.startsWith('\uFEFFnumber,issued_at,')).toBe(true)
    const line = invoicesCsv.body.split('\r\n').find((l) => l.startsWith(inv.number))!
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(line).toContain(',VND,3000,0,3000,0,1000,2000,')
    const payments = await exportBillingCsv(worker, { kind: 'payments', from, to })
    expect(payments.body).toContain("'@ref")
    expect(payments.body).toContain(inv.number)
    const notes = await exportBillingCsv(worker, { kind: 'credit-notes', from: today, to: today })
    expect(notes.body.split('\r\n')[0]).toContain('number,issued_at,invoice')
    await expect(exportBillingCsv(worker, { kind: 'invoices', from: '2020-01-01', to: '2026-01-01' })).rejects.toMatchObject({
      messageKey: 'back.errors.exportRange',
    })
    const fulfiller = await makeActor({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 0, RECORD_PAYMENT: 0 } })
    await expect(exportBillingCsv(fulfiller, { kind: 'invoices', from, to })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(listReceivables(fulfiller)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
