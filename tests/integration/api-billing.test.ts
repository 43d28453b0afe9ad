import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as listInvoicesRoute } from '@/app/api/v1/invoices/route'
import { POST as issueInvoiceRoute } from '@/app/api/v1/orders/[id]/invoices/route'
import { POST as recordPaymentRoute } from '@/app/api/v1/orders/[id]/payments/route'
import { db } from '@/server/db'
import { call, errorCode, errorFields, idempotencyRecord, orderAction, OVERSIZED_BODY, tokenFor, withRateLimit } from '../support/api'
import { makeCustomer, makeStaff } from '../support/factories'
import { ensureSettings, makeOrder, orderRow } from './back-support'

let receptionToken: string
let back: { id: string }
let backToken: string
let managerToken: string

beforeAll(async () => {
  await ensureSettings()
  receptionToken = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST' })).id)
  back = await makeStaff({ homeRole: 'BACK_OFFICE' })
  backToken = await tokenFor(back.id)
  managerToken = await tokenFor((await makeStaff({ homeRole: 'MANAGER' })).id)
})

const invoice = orderAction(issueInvoiceRoute, 'invoices', () => backToken)
const pay = orderAction(recordPaymentRoute, 'payments', () => backToken)
const invoices = (query: string, token: string | null = backToken) => call(listInvoicesRoute, { token, path: `/api/v1/invoices${query}` })
const done = (quantity = 10, unitPrice = 1000) => makeOrder({ lines: [{ quantity, unitPrice, taxRateBp: 1000, qtyFulfilled: quantity }] })

describe('POST /api/v1/orders/{id}/invoices', () => {
  it('invoices what is done (201), with or without a body, and 409 when nothing is left', async () => {
    const order = await done()
    const res = await invoice(order.id)
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ total: 11_000, applied: 0 })
    expect((res.json as { number: string }).number).toMatch(/^HD/)
    const again = await invoice(order.id, { body: {} })
    expect([again.status, errorCode(again)]).toEqual([409, 'CONFLICT'])
    expect(await db().invoice.count({ where: { orderId: order.id } })).toBe(1)
    const second = await done()
    expect((await invoice(second.id, { body: { expectedVersion: second.version } })).status).toBe(201)
  })

  it('answers 409 on a stale version, 404 for unknown ids, 422/400/413 for bad bodies — issuing nothing', async () => {
    const order = await done()
    const stale = await invoice(order.id, { body: { expectedVersion: order.version + 3 } })
    expect([stale.status, errorCode(stale)]).toEqual([409, 'STALE'])
    for (const id of [randomUUID(), 'nope']) expect((await invoice(id)).status).toBe(404)
    for (const [body, fields] of [
      [{ total: 1 }, ['_']],
      [{ orderId: order.id }, ['_']],
      [{ expectedVersion: 'x' }, ['expectedVersion']],
      [{ expectedVersion: 0 }, ['expectedVersion']],
    ] as const) {
      const res = await invoice(order.id, { body })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(errorFields(res)).toEqual(fields)
    }
    expect((await invoice(order.id, { rawBody: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400)
    expect((await invoice(order.id, { rawBody: '{}', headers: { 'content-type': 'text/plain' } })).status).toBe(400)
    expect((await invoice(order.id, { rawBody: OVERSIZED_BODY, headers: { 'content-type': 'application/json' } })).status).toBe(413)
    expect(await db().invoice.count({ where: { orderId: order.id } })).toBe(0)
  })

  it('answers 401 without a token and 403 to the counter and to a back-office person without the INVOICE skill', async () => {
    const order = await done()
    expect((await invoice(order.id, { token: null })).status).toBe(401)
    const noInvoice = await tokenFor((await makeStaff({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 0 } })).id)
    for (const token of [receptionToken, noInvoice]) {
      const res = await invoice(order.id, { token })
      expect([res.status, errorCode(res)]).toEqual([403, 'FORBIDDEN'])
    }
    expect(await db().invoice.count({ where: { orderId: order.id } })).toBe(0)
    expect((await invoice(order.id, { token: managerToken })).status).toBe(201)
  })
})

describe('POST /api/v1/orders/{id}/payments', () => {
  it('records a payment against the invoice (201), at the counter too, and refuses overpayment with 409', async () => {
    const order = await done()
    const issued = (await invoice(order.id)).json as { invoiceId: string; total: number }
    const res = await pay(order.id, { body: { method: 'CASH', amount: 5_000, tendered: 10_000, invoiceId: issued.invoiceId } })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ change: 5_000, balance: 6_000, orderClosed: false })
    // Receptionists take payments at pickup (HANDLE_PICKUP).
    const counter = await pay(order.id, { token: receptionToken, body: { method: 'TRANSFER', amount: 1_000, reference: 'CK 123' } })
    expect([counter.status, (counter.json as { balance: number }).balance]).toEqual([201, 5_000])
    const payments = () => db().payment.count({ where: { orderId: order.id } })
    const before = await payments()
    const over = await pay(order.id, { body: { method: 'CARD', amount: 5_001 } })
    expect([over.status, errorCode(over)]).toEqual([409, 'CONFLICT'])
    expect(await payments()).toBe(before)
    expect((await pay(order.id, { token: managerToken, body: { method: 'CARD', amount: 5_000 } })).status).toBe(201)
    expect((await orderRow(order.id)).payment).toBe('PAID')
  })

  it('answers 422 for bad or extra fields, 404 for unknown orders or invoices, 400/413 — recording nothing', async () => {
    const order = await done()
    await invoice(order.id)
    const count = () => db().payment.count({ where: { orderId: order.id } })
    for (const [body, fields] of [
      [{ method: 'CASH', amount: -5 }, ['amount']],
      [{ method: 'CASH', amount: 1.5 }, ['amount']],
      [{ method: 'BITCOIN', amount: 100 }, ['method']],
      [{ method: 'CASH', amount: 100, status: 'PAID' }, ['_']],
      [{ method: 'CARD', amount: 100, tendered: 200 }, ['tendered']],
      [{ amount: 100 }, ['method']],
    ] as const) {
      const res = await pay(order.id, { body })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(errorFields(res), JSON.stringify(body)).toEqual(fields)
    }
    expect((await pay(randomUUID(), { body: { method: 'CASH', amount: 100 } })).status).toBe(404)
    const otherInvoice = await db().invoice.findFirst({ where: { orderId: { not: order.id } }, select: { id: true } })
    const foreign = await pay(order.id, { body: { method: 'CASH', amount: 100, invoiceId: otherInvoice?.id ?? randomUUID() } })
    expect([foreign.status, errorFields(foreign)]).toEqual([404, ['invoiceId']])
    expect((await pay(order.id, { rawBody: 'amount=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(
      400,
    )
    expect((await pay(order.id, { rawBody: OVERSIZED_BODY, headers: { 'content-type': 'application/json' } })).status).toBe(413)
    expect(await count()).toBe(0)
  })

  it('answers 401 without a token, 403 to a back-office person who takes no money', async () => {
    const order = await done()
    await invoice(order.id)
    expect((await pay(order.id, { token: null, body: { method: 'CASH', amount: 100 } })).status).toBe(401)
    const printer = await tokenFor((await makeStaff({ homeRole: 'BACK_OFFICE', skills: { RECORD_PAYMENT: 0 } })).id)
    expect((await pay(order.id, { token: printer, body: { method: 'CASH', amount: 100 } })).status).toBe(403)
    expect(await db().payment.count({ where: { orderId: order.id } })).toBe(0)
    await withRateLimit(1, async () => {
      expect((await pay(order.id, { body: { method: 'CASH', amount: 100 } })).status).toBe(201)
      const limited = await pay(order.id, { body: { method: 'CASH', amount: 100 } })
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    })
    expect(await db().payment.count({ where: { orderId: order.id } })).toBe(1)
  })
})

describe('POST /api/v1/orders/{id}/payments with an Idempotency-Key', () => {
  const payments = (orderId: string) => db().payment.count({ where: { orderId } })

  it('takes one payment for 20 parallel requests with one key, all answered with the same bytes', async () => {
    const order = await done()
    await invoice(order.id)
    const key = randomUUID()
    const body = { method: 'CASH', amount: 4_000, tendered: 5_000 }
    const results = await Promise.all(Array.from({ length: 20 }, () => pay(order.id, { key, body })))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((r) => r.text)).size).toBe(1)
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1)
    expect(results[0]!.json).toMatchObject({ change: 1_000, balance: 7_000, orderClosed: false })
    expect(await payments(order.id)).toBe(1)
    expect(await db().auditEvent.count({ where: { orderId: order.id, action: 'payment.recorded' } })).toBe(1)
    expect(await idempotencyRecord(back.id, key)).toMatchObject({ status: 201, route: `POST /api/v1/orders/${order.id}/payments` })
    // A retry long after answers the same, and still takes nothing.
    const later = await pay(order.id, { key, body: { amount: 4_000, tendered: 5_000, method: 'CASH' } })
    expect([later.status, later.text, later.headers.get('idempotent-replayed')]).toEqual([201, results[0]!.text, 'true'])
    expect(await payments(order.id)).toBe(1)
  })

  it('refuses the key with another body or for another order with 409, and takes nothing', async () => {
    const order = await done()
    const other = await done()
    const key = randomUUID()
    expect((await pay(order.id, { key, body: { method: 'CARD', amount: 1_000 } })).status).toBe(201)
    for (const [id, body] of [
      [order.id, { method: 'CARD', amount: 1_001 }],
      [order.id, { method: 'CARD', amount: 1_000, reference: 'x' }],
      [other.id, { method: 'CARD', amount: 1_000 }],
    ] as const) {
      const res = await pay(id, { key, body })
      expect([res.status, errorCode(res)], JSON.stringify(body)).toEqual([409, 'CONFLICT'])
      expect((res.json as { error: { message: string } }).error.message).toMatch(/Idempotency-Key/)
    }
    // 20 at once, with two bodies: one payment, every request of the other body refused.
    const race = randomUUID()
    const bodies = [
      { method: 'CARD', amount: 100 },
      { method: 'CARD', amount: 200 },
    ]
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pay(other.id, { key: race, body: bodies[i % 2] })))
    expect(results.filter((r) => r.status === 201)).toHaveLength(10)
    expect(results.filter((r) => r.status === 409)).toHaveLength(10)
    expect(new Set(results.filter((r) => r.status === 201).map((r) => r.text)).size).toBe(1)
    expect([await payments(order.id), await payments(other.id)]).toEqual([1, 1])
  })

  it('does not use up the key on a refusal: an overpayment is 409, the corrected payment with the key is taken', async () => {
    const order = await done(1, 1_000)
    const key = randomUUID()
    const over = await Promise.all(Array.from({ length: 3 }, () => pay(order.id, { key, body: { method: 'CARD', amount: 5_000 } })))
    expect(over.map((r) => [r.status, errorCode(r)])).toEqual(Array(3).fill([409, 'CONFLICT']))
    expect(await idempotencyRecord(back.id, key)).toBeNull()
    const ok = await pay(order.id, { key, body: { method: 'CARD', amount: 1_100 } })
    expect([ok.status, ok.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect(await payments(order.id)).toBe(1)
  })

  it('answers 400 for a malformed key, and keeps working without one', async () => {
    const order = await done()
    for (const key of ['short', 'x'.repeat(101), 'has space in it']) {
      const res = await pay(order.id, { key, body: { method: 'CARD', amount: 100 } })
      expect([res.status, errorCode(res)], key).toEqual([400, 'BAD_REQUEST'])
    }
    expect(await payments(order.id)).toBe(0)
    for (let i = 0; i < 2; i++) expect((await pay(order.id, { body: { method: 'CARD', amount: 100 } })).status).toBe(201)
    expect(await payments(order.id)).toBe(2)
  })
})

describe('GET /api/v1/invoices', () => {
  type Page = {
    data: Array<{
      id: string
      number: string
      open: number
      paid: number
      credited: number
      total: number
      customer: { id: string }
      order: { id: string; number: string }
    }>
    nextCursor: string | null
  }

  it('lists a customer\u2019s invoices newest first with open amounts, filters by status, order and time, pages with a cursor', async () => {
    const customer = await makeCustomer({ name: 'Công ty Kế Toán' })
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const order = await makeOrder({ customerId: customer.id, lines: [{ quantity: 1, unitPrice: 10_000, taxRateBp: 0, qtyFulfilled: 1 }] })
      ids.push(((await invoice(order.id)).json as { invoiceId: string }).invoiceId)
    }
    const paidOrder = await db().invoice.findUniqueOrThrow({ where: { id: ids[0]! }, select: { orderId: true } })
    expect((await pay(paidOrder.orderId, { body: { method: 'CARD', amount: 10_000 } })).status).toBe(201)

    const seen: Page['data'] = []
    let cursor: string | null = null
    do {
      const res = await invoices(`?customerId=${customer.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      const page = res.json as Page
      seen.push(...page.data)
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.map((i) => i.id).sort()).toEqual([...ids].sort())
    const issued = await db().invoice.findMany({
      where: { id: { in: ids } },
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    })
    expect(seen.map((i) => i.id)).toEqual(issued.map((i) => i.id))
    expect(seen.find((i) => i.id === ids[0])).toMatchObject({
      total: 10_000,
      paid: 10_000,
      credited: 0,
      open: 0,
      customer: { id: customer.id },
    })

    const open = (await invoices(`?customerId=${customer.id}&status=open`)).json as Page
    expect(open.data.map((i) => i.id).sort()).toEqual([ids[1], ids[2]].sort())
    const settled = (await invoices(`?customerId=${customer.id}&status=settled`)).json as Page
    expect(settled.data.map((i) => i.id)).toEqual([ids[0]])
    const byOrder = (await invoices(`?orderId=${paidOrder.orderId}`)).json as Page
    expect(byOrder.data.map((i) => i.id)).toEqual([ids[0]])
    const future = new Date(Date.now() + 3600_000).toISOString()
    const past = new Date(Date.now() - 3600_000).toISOString()
    expect(((await invoices(`?customerId=${customer.id}&issuedFrom=${encodeURIComponent(future)}`)).json as Page).data).toEqual([])
    expect(
      (
        (await invoices(`?customerId=${customer.id}&issuedFrom=${encodeURIComponent(past)}&issuedTo=${encodeURIComponent(future)}`))
          .json as Page
      ).data,
    ).toHaveLength(3)
  })

  it('answers 422 for bad filters, 401 without a token, 403 to the counter; billing roles and managers may', async () => {
    for (const query of ['?status=paid', '?customerId=42', '?issuedFrom=yesterday', '?limit=101', '?cursor=garbage', '?sort=number']) {
      const res = await invoices(query)
      expect([res.status, errorCode(res)], query).toEqual([422, 'INVALID'])
    }
    expect((await invoices('', null)).status).toBe(401)
    expect((await invoices('', receptionToken)).status).toBe(403)
    const cashier = await tokenFor((await makeStaff({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 0 } })).id)
    for (const token of [backToken, cashier, managerToken]) expect((await invoices('?limit=1', token)).status).toBe(200)
  })
})
