// The cash drawer against the real database (decisions 017 and 018): expected cash from every kind of cash event,
// differences and their note, who may close, the Z report's immutability in SQL, and the races — two cashiers on one
// drawer, a close while a payment is being recorded, a payment after the close.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/server/auth/actor'
import { issueCreditNote } from '@/server/billing/issue-credit-note'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { recordPayment } from '@/server/billing/record-payment'
import { recordRefund } from '@/server/billing/record-refund'
import { closeCashSession } from '@/server/cash/close-cash-session'
import { createCashDrawer } from '@/server/cash/create-cash-drawer'
import { exportCashCsv } from '@/server/cash/export-cash-csv'
import { getCashSession } from '@/server/cash/get-cash-session'
import { listCashDifferences } from '@/server/cash/list-cash-differences'
import { listCashSessions } from '@/server/cash/list-cash-sessions'
import { listDrawers } from '@/server/cash/list-drawers'
import { openCashSession } from '@/server/cash/open-cash-session'
import { recordCashMovement } from '@/server/cash/record-cash-movement'
import { db } from '@/server/db'
import { createOrder } from '@/server/orders/create-order'
import { businessDay } from '@/domain/opening-hours'
import { makeActor, makeCustomer } from '../support/factories'
import { fixedRateCategoryId } from '@/server/seed/factories'
import { ensureSettings, makeOrder, settleAll } from './back-support'

let ha: Actor
let anh: Actor
let hung: Actor
let ngoc: Actor
let manager: Actor
const today = () => businessDay(new Date(), 'Asia/Ho_Chi_Minh')

beforeAll(async () => {
  await ensureSettings()
  ha = await makeActor({ homeRole: 'RECEPTIONIST', name: 'Nguyễn Thu Hà' })
  anh = await makeActor({ homeRole: 'RECEPTIONIST', name: 'Phạm Minh Anh' })
  hung = await makeActor({ homeRole: 'BACK_OFFICE', name: 'Lê Văn Hùng' }) // RECORD_PAYMENT 3 by home role
  ngoc = await makeActor({ homeRole: 'BACK_OFFICE', name: 'Huỳnh Thị Ngọc', skills: { RECORD_PAYMENT: 2 } })
  manager = await makeActor({ homeRole: 'MANAGER' })
})

/** An order of 10 x 1000 ₫ at 0 % tax, done and invoiced: 10,000 ₫ to pay. */
async function invoiced() {
  const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 10 }] })
  const invoice = await issueInvoice(hung, { orderId: order.id })
  return { order, invoice }
}

async function sessionOf(paymentId: string) {
  return (await db().payment.findUniqueOrThrow({ where: { id: paymentId }, select: { cashSessionId: true } })).cashSessionId
}

const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL })

/** Waits (a condition, not a sleep) until exactly one session of this database is blocked on a lock. */
async function waitForOneLockWaiter(client: pg.Client) {
  await expect
    .poll(async () => {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
      return rows[0]!.n
    })
    .toBe(1)
}

describe('a shop without drawers', () => {
  it('takes cash as before, in no session', async () => {
    expect(await db().cashDrawer.count()).toBe(0)
    const { order } = await invoiced()
    const paid = await recordPayment(ha, { orderId: order.id, method: 'CASH', amount: 10_000 })
    expect(await sessionOf(paid.paymentId)).toBeNull()
  })
})

describe('the cash drawer', () => {
  let counter1: string
  let counter2: string

  beforeAll(async () => {
    counter1 = (await createCashDrawer(manager, { name: 'Quầy 1' })).drawerId
    counter2 = (await createCashDrawer(manager, { name: 'Quầy 2' })).drawerId
  })

  it('refuses cash while no drawer is open, but not card', async () => {
    const { order } = await invoiced()
    await expect(recordPayment(ha, { orderId: order.id, method: 'CASH', amount: 1000 })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'cash.errors.noOpenDrawer',
      field: 'drawerId',
    })
    const card = await recordPayment(ha, { orderId: order.id, method: 'CARD', amount: 1000 })
    expect(await sessionOf(card.paymentId)).toBeNull()
    await expect(createCashDrawer(manager, { name: 'Quầy 1' })).rejects.toMatchObject({ messageKey: 'cash.errors.drawerNameTaken' })
  })

  it('balances a day: float + cash taken − given back ± cash in/out, then the count, the difference and its note', async () => {
    const { sessionId } = await openCashSession(ha, { drawerId: counter1, float: 1_000_000 })
    await expect(openCashSession(anh, { drawerId: counter1, float: 0 })).rejects.toMatchObject({ messageKey: 'cash.errors.alreadyOpen' })

    // A cash deposit at intake, a payment with change, a card payment (not in the drawer), a cash refund.
    const product = await db().product.create({
      data: { sku: `P-${randomUUID().slice(0, 8)}`, name: 'In A4', unitPrice: 50_000, taxCategoryId: await fixedRateCategoryId(0) },
    })
    const customer = await makeCustomer()
    const taken = await createOrder(ha, {
      idempotencyKey: randomUUID(),
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 2 }],
      dueDate: today(),
      dueTime: '23:59',
      mode: 'PICKUP',
      deposit: { amount: 30_000, method: 'CASH', tendered: 50_000 },
    })
    const deposit = await db().payment.findFirstOrThrow({ where: { orderId: taken.id } })
    expect(deposit.cashSessionId).toBe(sessionId)

    const { order, invoice } = await invoiced()
    const paid = await recordPayment(ha, { orderId: order.id, method: 'CASH', amount: 10_000, tendered: 20_000 })
    expect(paid.change).toBe(10_000)
    expect(await sessionOf(paid.paymentId)).toBe(sessionId)
    const other = await invoiced()
    await recordPayment(ha, { orderId: other.order.id, method: 'CARD', amount: 10_000 })
    const note = await issueCreditNote(hung, {
      invoiceId: invoice.invoiceId,
      reason: 'misprint',
      reinvoice: false,
      lines: [{ invoiceLineId: (await db().invoiceLine.findFirstOrThrow({ where: { invoiceId: invoice.invoiceId } })).id, quantity: 2 }],
    })
    const refund = await recordRefund(hung, { creditNoteId: note.creditNoteId, method: 'CASH', amount: 2000 })
    expect(await sessionOf(refund.paymentId)).toBe(sessionId)

    await recordCashMovement(ha, { sessionId, kind: 'OUT', amount: 35_000, reason: 'Mua giấy in' })
    await recordCashMovement(ha, { sessionId, kind: 'IN', amount: 200_000, reason: 'Đổi tiền lẻ' })

    const live = await getCashSession(ha, sessionId)
    expect(live.figures).toEqual({
      float: 1_000_000,
      taken: 40_000,
      givenBack: 2000,
      paidIn: 200_000,
      paidOut: 35_000,
      expected: 1_203_000,
      byMethod: { CASH: 38_000, CARD: 10_000, TRANSFER: 0 },
    })
    expect(live.mayClose).toBe(true)
    expect((await listDrawers(anh)).drawers.find((d) => d.id === counter1)?.open).toMatchObject({ expected: 1_203_000, mine: false })

    // 1,203,000 expected; 1,150,000 counted: 53,000 short, beyond the 20,000 threshold: a note is needed.
    const counts = { '500000': 2, '100000': 1, '50000': 1 }
    await expect(closeCashSession(anh, { sessionId, counts })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'cash.errors.notYours',
    })
    await expect(closeCashSession(ha, { sessionId, counts })).rejects.toMatchObject({
      messageKey: 'cash.errors.noteRequired',
      field: 'note',
    })
    await expect(closeCashSession(ha, { sessionId, counts: { '500': 1 } })).rejects.toMatchObject({ messageKey: 'cash.errors.badCount' })
    const closed = await closeCashSession(ha, { sessionId, counts, note: 'Thiếu tiền, đang kiểm tra' })
    expect(closed).toEqual({ sessionId, expected: 1_203_000, counted: 1_150_000, difference: -53_000 })
    await expect(closeCashSession(ha, { sessionId, counts })).rejects.toMatchObject({ messageKey: 'cash.errors.alreadyClosed' })
    await expect(recordCashMovement(ha, { sessionId, kind: 'OUT', amount: 1, reason: 'late' })).rejects.toMatchObject({
      messageKey: 'cash.errors.drawerClosed',
    })

    // The Z report.
    const z = await getCashSession(manager, sessionId)
    expect(z).toMatchObject({ counted: 1_150_000, difference: -53_000, note: 'Thiếu tiền, đang kiểm tra', mayClose: false })
    expect(z.closedBy?.id).toBe(ha.id)
    expect(z.counts?.[0]).toEqual({ value: 500_000, pieces: 2 })
    expect(z.movements.map((m) => m.reason)).toEqual(['Mua giấy in', 'Đổi tiền lẻ'])
    expect(z.payments.map((p) => p.amount)).toEqual([30_000, 10_000, -2000])

    // The manager's differences and CSV; the API's list.
    const diff = await listCashDifferences(manager, { from: today(), to: today() })
    expect(diff.summaries).toContainEqual({
      day: today(),
      personId: ha.id,
      personName: 'Nguyễn Thu Hà',
      sessions: 1,
      total: -53_000,
      worst: -53_000,
    })
    const csv = await exportCashCsv(manager, { from: today(), to: today() })
    expect(csv.rows).toBe(1)
    expect(csv.body).toContain('Quầy 1,Nguyễn Thu Hà')
    expect(csv.body).toContain(',1203000,1150000,-53000,')
    const api = await listCashSessions(hung, { limit: 10, state: 'closed' })
    expect(api.data[0]).toMatchObject({ id: sessionId, expected: 1_203_000, difference: -53_000, drawer: { name: 'Quầy 1' } })
  })

  it('keeps a closed session (the Z report) and its cash as they are, in the database itself', async () => {
    const { sessionId } = await openCashSession(ha, { drawerId: counter1, float: 0 })
    const { order } = await invoiced()
    await recordPayment(ha, { orderId: order.id, method: 'CASH', amount: 1000 })
    await closeCashSession(ha, { sessionId, counts: { '1000': 1 } })
    await expect(db().$executeRaw`UPDATE "CashSession" SET counted = 0, difference = -1 WHERE id = ${sessionId}::uuid`).rejects.toThrow(
      /closed/,
    )
    await expect(db().$executeRaw`UPDATE "CashSession" SET note = 'changed' WHERE id = ${sessionId}::uuid`).rejects.toThrow(/closed/)
    await expect(db().$executeRaw`DELETE FROM "CashSession" WHERE id = ${sessionId}::uuid`).rejects.toThrow(/not allowed/)
    await expect(
      db().cashMovement.create({ data: { sessionId, kind: 'OUT', amount: 5, reason: 'behind the back', byId: ha.id } }),
    ).rejects.toThrow()
    await expect(
      db().payment.create({
        data: {
          orderId: order.id,
          customerId: order.customerId,
          kind: 'PAYMENT',
          method: 'CASH',
          amount: 1,
          receivedById: ha.id,
          cashSessionId: sessionId,
        },
      }),
    ).rejects.toThrow()
    expect(await db().payment.count({ where: { cashSessionId: sessionId } })).toBe(1)
  })

  it('lets an expert at RECORD_PAYMENT or a manager close someone else’s drawer, not someone at level 2', async () => {
    const first = await openCashSession(ha, { drawerId: counter1, float: 0 })
    await expect(closeCashSession(ngoc, { sessionId: first.sessionId, counts: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(closeCashSession(hung, { sessionId: first.sessionId, counts: {} })).resolves.toMatchObject({ difference: 0 })
    const second = await openCashSession(ha, { drawerId: counter1, float: 0 })
    await expect(closeCashSession(manager, { sessionId: second.sessionId, counts: {} })).resolves.toMatchObject({ difference: 0 })
  })

  it('asks which drawer when several are open and the cashier opened none of them', async () => {
    const one = await openCashSession(ha, { drawerId: counter1, float: 0 })
    const two = await openCashSession(anh, { drawerId: counter2, float: 0 })
    const { order } = await invoiced()
    await expect(recordPayment(ngoc, { orderId: order.id, method: 'CASH', amount: 1000 })).rejects.toMatchObject({
      code: 'INVALID',
      messageKey: 'cash.errors.chooseDrawer',
    })
    const own = await recordPayment(anh, { orderId: order.id, method: 'CASH', amount: 1000 })
    expect(await sessionOf(own.paymentId)).toBe(two.sessionId)
    const named = await recordPayment(ngoc, { orderId: order.id, method: 'CASH', amount: 1000, drawerId: counter1 })
    expect(await sessionOf(named.paymentId)).toBe(one.sessionId)
    await closeCashSession(ha, { sessionId: one.sessionId, counts: { '1000': 1 } })
    await closeCashSession(anh, { sessionId: two.sessionId, counts: { '1000': 1 } })
  })
})

describe('races on one drawer', () => {
  let drawerId: string
  beforeAll(async () => {
    drawerId = (await createCashDrawer(manager, { name: `Race ${randomUUID().slice(0, 6)}` })).drawerId
  })

  it('two receptionists taking cash at once: every payment lands in the session and in its expected cash', async () => {
    const { sessionId } = await openCashSession(ha, { drawerId, float: 100_000 })
    const orders = await Promise.all(Array.from({ length: 12 }, () => invoiced()))
    const { ok, errors } = await settleAll(
      orders.map(({ order }, i) => recordPayment(i % 2 ? ha : anh, { orderId: order.id, method: 'CASH', amount: 10_000, drawerId })),
    )
    expect(errors).toEqual([])
    expect(ok).toHaveLength(12)
    const closed = await closeCashSession(ha, { sessionId, counts: { '100000': 2, '20000': 1 } })
    expect(closed).toMatchObject({ expected: 220_000, difference: 0 })
  })

  it('closing waits for a payment being recorded (its row lock), and counts it', async () => {
    const { sessionId } = await openCashSession(ha, { drawerId, float: 0 })
    const { order } = await invoiced()
    const client = admin()
    await client.connect()
    try {
      // A payment mid-way: inserted (the trigger holds the session FOR SHARE), not yet committed.
      await client.query('BEGIN')
      await client.query(
        `INSERT INTO "Payment" (id, "orderId", "customerId", kind, method, amount, "receivedById", "cashSessionId")
         VALUES (gen_random_uuid(), $1, $2, 'PAYMENT', 'CASH', 7000, $3, $4)`,
        [order.id, order.customerId, anh.id, sessionId],
      )
      const closing = closeCashSession(ha, { sessionId, counts: { '5000': 1, '2000': 1 } })
      // The close is blocked on the payment's row lock.
      await waitForOneLockWaiter(client)
      await client.query('COMMIT')
      await expect(closing).resolves.toMatchObject({ expected: 7000, counted: 7000, difference: 0 })
    } finally {
      await client.end()
    }
  })

  it('a payment arriving after the close belongs to the next session, never to the closed one', async () => {
    const first = await openCashSession(ha, { drawerId, float: 0 })
    const { order } = await invoiced()
    const client = admin()
    await client.connect()
    try {
      // The close holds the row (FOR UPDATE) while the payment arrives: the payment waits, then finds it closed.
      await client.query('BEGIN')
      await client.query(`SELECT id FROM "CashSession" WHERE id = $1 FOR UPDATE`, [first.sessionId])
      // Its refusal is caught at once: it can arrive before our COMMIT's answer does.
      const paying = recordPayment(anh, { orderId: order.id, method: 'CASH', amount: 3000, drawerId }).then(
        () => null,
        (error: unknown) => error,
      )
      await waitForOneLockWaiter(client)
      await client.query(
        `UPDATE "CashSession" SET "closedAt" = now(), "closedById" = $2, counts = '{}', counted = 0, expected = 0, difference = 0,
           totals = '{}' WHERE id = $1`,
        [first.sessionId, ha.id],
      )
      await client.query('COMMIT')
      expect(await paying).toMatchObject({ code: 'CONFLICT', messageKey: 'cash.errors.drawerClosed' })
    } finally {
      await client.end()
    }
    expect(await db().payment.count({ where: { cashSessionId: first.sessionId } })).toBe(0)
    const next = await openCashSession(anh, { drawerId, float: 0 })
    const paid = await recordPayment(anh, { orderId: order.id, method: 'CASH', amount: 3000, drawerId })
    expect(await sessionOf(paid.paymentId)).toBe(next.sessionId)
    await closeCashSession(anh, { sessionId: next.sessionId, counts: { '2000': 1, '1000': 1 } })
  })

  it('closes and pays in parallel many times: nothing lands in a closed session unless it was counted', async () => {
    for (let round = 0; round < 5; round++) {
      const { sessionId } = await openCashSession(ha, { drawerId, float: 0 })
      const orders = await Promise.all(Array.from({ length: 4 }, () => invoiced()))
      const payments = orders.map(({ order }) => recordPayment(anh, { orderId: order.id, method: 'CASH', amount: 1000, drawerId }))
      const closing = closeCashSession(ha, { sessionId, counts: {}, note: 'race' })
      const [{ ok }, closed] = await Promise.all([settleAll(payments), closing])
      const linked = await db().payment.aggregate({ where: { cashSessionId: sessionId }, _sum: { amount: true }, _count: true })
      expect(closed.expected).toBe(linked._sum.amount ?? 0)
      expect(linked._count).toBe(ok.length)
    }
  })
})
