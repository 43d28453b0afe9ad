// Races from the outside (#7): the same races the use-case tests run (back-invoice, back-payments, front-intake,
// back-fulfillment), here through the doors an attacker or a flaky network uses — server actions and the API at the
// same time, on many database connections — plus the two money races those files do not cover: refunds and credit
// notes. Nothing may be issued twice, numbered twice, paid twice or done beyond what was ordered, and no racing
// request fails with an internal error.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { addDays, businessDay } from '@/domain/opening-hours'
import { POST as createOrderRoute } from '@/app/api/v1/orders/route'
import { POST as fulfillmentRoute } from '@/app/api/v1/orders/[id]/fulfillment/route'
import { POST as invoiceRoute } from '@/app/api/v1/orders/[id]/invoices/route'
import { POST as paymentRoute } from '@/app/api/v1/orders/[id]/payments/route'
import { issueCreditNoteAction, issueInvoiceAction, recordRefundAction } from '@/actions/billing'
import { recordFulfillmentAction } from '@/actions/fulfillment'
import { recordPaymentAction } from '@/actions/billing'
import { createOrderAction } from '@/actions/counter'
import type { ActionResult } from '@/lib/action-result'
import { issueCreditNote } from '@/server/billing/issue-credit-note'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { recordPayment } from '@/server/billing/record-payment'
import type { Actor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { call, tokenFor } from '../support/api'
import { makeActor, makeCustomer } from '../support/factories'
import { ensureSettings, makeOrder, orderRow } from './back-support'
import { session } from './security-support'
import { fixedRateCategoryId } from '@/server/seed/factories'

vi.hoisted(() => {
  // Many requests per token in a moment: the rate limiter is not what these tests are about.
  process.env.API_RATE_BURST = '100000'
  process.env.API_RATE_PER_SECOND = '100000'
})
vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())

let clerk: Actor
let receptionist: Actor
let clerkToken: string
let receptionToken: string
const year = Number(businessDay(new Date(), 'Asia/Ho_Chi_Minh').slice(0, 4))

const as = (actor: Actor) => {
  session.current = { user: { id: actor.id, sv: actor.sessionVersion } }
}

beforeAll(async () => {
  await ensureSettings()
  clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
  clerkToken = await tokenFor(clerk.id)
  receptionToken = await tokenFor(receptionist.id)
})

function noInternal(results: Array<ActionResult<unknown>>, responses: Array<{ status: number }>) {
  expect(results.filter((r) => !r.ok && r.code === 'INTERNAL')).toEqual([])
  expect(responses.filter((r) => r.status >= 500)).toEqual([])
}

async function held(orderId: string) {
  return (await db().payment.aggregate({ where: { orderId }, _sum: { amount: true } }))._sum.amount ?? 0
}

describe('invoices', () => {
  it('50 requests for one order, half from the back-office screen and half from the API: exactly one invoice', async () => {
    const order = await makeOrder({ lines: [{ quantity: 4, unitPrice: 2500, qtyFulfilled: 4 }] })
    as(clerk)
    const [results, responses] = await Promise.all([
      Promise.all(Array.from({ length: 25 }, () => issueInvoiceAction({ orderId: order.id }))),
      Promise.all(
        Array.from({ length: 25 }, () => call(invoiceRoute, { method: 'POST', token: clerkToken, body: {}, params: { id: order.id } })),
      ),
    ])
    noInternal(results, responses)
    expect(results.filter((r) => r.ok).length + responses.filter((r) => r.status === 201).length).toBe(1)
    expect(await db().invoice.count({ where: { orderId: order.id } })).toBe(1)
    expect((await orderRow(order.id)).lines[0]!.qtyInvoiced).toBe(4)
  }, 60_000)

  it('50 invoices on 50 orders through both doors at once: 50 consecutive numbers, no gap, no duplicate', async () => {
    const orders = await Promise.all(
      Array.from({ length: 50 }, () => makeOrder({ lines: [{ quantity: 1, unitPrice: 1000, qtyFulfilled: 1 }] })),
    )
    const before = (await db().documentCounter.findUnique({ where: { kind_year: { kind: 'INVOICE', year } } }))?.last ?? 0
    as(clerk)
    const [results, responses] = await Promise.all([
      Promise.all(orders.slice(0, 25).map((o) => issueInvoiceAction({ orderId: o.id }))),
      Promise.all(orders.slice(25).map((o) => call(invoiceRoute, { method: 'POST', token: clerkToken, body: {}, params: { id: o.id } }))),
    ])
    noInternal(results, responses)
    expect(results.every((r) => r.ok)).toBe(true)
    expect(responses.every((r) => r.status === 201)).toBe(true)
    const rows = await db().invoice.findMany({ where: { orderId: { in: orders.map((o) => o.id) } }, select: { seq: true } })
    const seqs = rows.map((r) => r.seq).sort((a, b) => a - b)
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i))
  }, 90_000)
})

describe('idempotent intake', () => {
  it('the same key 20 times from the counter form: one order, and every answer names it', async () => {
    const customer = await makeCustomer()
    const product = await db().product.create({
      data: { sku: `R-${randomUUID().slice(0, 6)}`, name: 'Tờ rơi', unitPrice: 800, taxCategoryId: await fixedRateCategoryId(800) },
    })
    const input = {
      idempotencyKey: randomUUID(),
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 100 }],
      dueDate: addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 2),
      dueTime: '17:00',
      mode: 'PICKUP',
    }
    as(receptionist)
    const results = (await Promise.all(Array.from({ length: 20 }, () => createOrderAction(input)))) as Array<ActionResult<{ id: string }>>
    noInternal(results, [])
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => (r.ok ? r.data.id : null))).size).toBe(1)
    expect(await db().order.count({ where: { customerId: customer.id } })).toBe(1)
  })

  it('the same Idempotency-Key 20 times over the API: one order, the same answer every time', async () => {
    const customer = await makeCustomer()
    const product = await db().product.create({
      data: { sku: `R-${randomUUID().slice(0, 6)}`, name: 'Áp phích', unitPrice: 45_000, taxCategoryId: await fixedRateCategoryId(1000) },
    })
    const body = {
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 2 }],
      dueDate: addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 2),
      dueTime: '17:00',
      mode: 'PICKUP',
    }
    const key = randomUUID()
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(createOrderRoute, { method: 'POST', token: receptionToken, body, headers: { 'idempotency-key': key } }),
      ),
    )
    noInternal([], responses)
    expect(responses.every((r) => r.status === 201)).toBe(true)
    expect(new Set(responses.map((r) => (r.json as { id: string }).id)).size).toBe(1)
    expect(await db().order.count({ where: { customerId: customer.id } })).toBe(1)
  })
})

describe('fulfillment', () => {
  it('the workshop screen and the API adding work to one line at once never pass the ordered quantity', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 100, qtyFulfilled: 4 }] })
    const line = order.lines[0]!
    as(clerk)
    for (let round = 0; round < 3; round++) {
      const current = await orderRow(order.id)
      const [results, responses] = await Promise.all([
        Promise.all(
          Array.from({ length: 5 }, () =>
            recordFulfillmentAction({ orderId: order.id, expectedVersion: current.version, lines: [{ lineId: line.id, add: 6 }] }),
          ),
        ),
        Promise.all(
          Array.from({ length: 5 }, () =>
            call(fulfillmentRoute, {
              method: 'POST',
              token: clerkToken,
              body: { expectedVersion: current.version, lines: [{ lineId: line.id, add: 6 }] },
              params: { id: order.id },
            }),
          ),
        ),
      ])
      noInternal(results, responses)
    }
    expect((await orderRow(order.id)).lines[0]!.qtyFulfilled).toBe(10)
  })
})

describe('money', () => {
  it('payments taken at the counter and over the API at once never exceed what is owed', async () => {
    const order = await makeOrder({ lines: [{ quantity: 8, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 8 }] })
    await issueInvoice(clerk, { orderId: order.id })
    as(receptionist)
    const [results, responses] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => recordPaymentAction({ orderId: order.id, method: 'CASH', amount: 8000 }))),
      Promise.all(
        Array.from({ length: 10 }, () =>
          call(paymentRoute, { method: 'POST', token: clerkToken, body: { method: 'TRANSFER', amount: 8000 }, params: { id: order.id } }),
        ),
      ),
    ])
    noInternal(results, responses)
    expect(results.filter((r) => r.ok).length + responses.filter((r) => r.status === 201).length).toBe(1)
    expect(await held(order.id)).toBe(8000)
  })

  it('20 refunds racing against one credit note pay back exactly what was credited, never more', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 10 }] })
    const invoice = await issueInvoice(clerk, { orderId: order.id })
    await recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 10_000 })
    const [line] = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId } })
    const note = await issueCreditNote(clerk, {
      invoiceId: invoice.invoiceId,
      reason: 'Hỏng 4 bản',
      reinvoice: false,
      lines: [{ invoiceLineId: line!.id, quantity: 4 }],
    })
    as(clerk)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => recordRefundAction({ creditNoteId: note.creditNoteId, method: 'CASH', amount: 1000 })),
    )
    noInternal(results, [])
    expect(results.filter((r) => r.ok)).toHaveLength(4)
    const refunded = await db().payment.aggregate({ where: { creditNoteId: note.creditNoteId, kind: 'REFUND' }, _sum: { amount: true } })
    expect(refunded._sum.amount).toBe(-4000)
    expect(await held(order.id)).toBe(6000)
  })

  it('10 credit notes racing on one invoice line never credit more than was invoiced, and are numbered without gaps', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 10 }] })
    const invoice = await issueInvoice(clerk, { orderId: order.id })
    const [line] = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId } })
    as(clerk)
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        issueCreditNoteAction({ invoiceId: invoice.invoiceId, reason: 'Sai màu', lines: [{ invoiceLineId: line!.id, quantity: 4 }] }),
      ),
    )
    noInternal(results, [])
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    const credited = await db().creditNoteLine.aggregate({ where: { invoiceLineId: line!.id }, _sum: { quantity: true } })
    expect(credited._sum.quantity).toBe(8)
    const notes = await db().creditNote.findMany({ where: { invoiceId: invoice.invoiceId }, select: { seq: true } })
    const seqs = notes.map((n) => n.seq).sort((a, b) => a - b)
    expect(seqs[1]! - seqs[0]!).toBe(1)
  })
})
