// The one Idempotency-Key mechanism (src/server/api/idempotency.ts) beyond orders and payments' own tests: invoices
// and fulfillment, retention (expired records are ignored and purged), an abandoned claim, an unexpected failure.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { POST as recordFulfillmentRoute } from '@/app/api/v1/orders/[id]/fulfillment/route'
import { POST as issueInvoiceRoute } from '@/app/api/v1/orders/[id]/invoices/route'
import { POST as recordPaymentRoute } from '@/app/api/v1/orders/[id]/payments/route'
import { idempotencyTtlHours } from '@/server/api/idempotency'
import { recordPayment } from '@/server/billing/record-payment'
import { db } from '@/server/db'
import { errorCode, idempotencyRecord, orderAction, tokenFor } from '../support/api'
import { makeStaff } from '../support/factories'
import { ensureSettings, makeOrder, orderRow } from './back-support'

vi.mock('@/server/billing/record-payment', async (orig) => {
  const real = (await orig()) as typeof import('@/server/billing/record-payment')
  return { ...real, recordPayment: vi.fn(real.recordPayment) }
})

let back: { id: string }
let backToken: string

beforeAll(async () => {
  await ensureSettings()
  back = await makeStaff({ homeRole: 'BACK_OFFICE' })
  backToken = await tokenFor(back.id)
})

afterEach(() => {
  vi.unstubAllEnvs()
})

const invoice = orderAction(issueInvoiceRoute, 'invoices', () => backToken)
const pay = orderAction(recordPaymentRoute, 'payments', () => backToken)
const fulfill = orderAction(recordFulfillmentRoute, 'fulfillment', () => backToken)
const done = () => makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 1000, qtyFulfilled: 10 }] })
const payments = (orderId: string) => db().payment.count({ where: { orderId } })

/** Move a record's creation back in time, as if it had been stored that long ago. */
const age = (key: string, interval: string) =>
  db()
    .$executeRaw`UPDATE "IdempotencyRecord" SET "createdAt" = "createdAt" - ${interval}::interval WHERE "userId" = ${back.id}::uuid AND key = ${key}`

describe('Idempotency-Key on invoices and fulfillment', () => {
  it('issues one invoice for parallel requests with one key, and a retry answers it instead of "nothing to invoice"', async () => {
    const order = await done()
    const key = randomUUID()
    const results = await Promise.all(Array.from({ length: 10 }, () => invoice(order.id, { key })))
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201))
    expect(new Set(results.map((r) => r.text)).size).toBe(1)
    expect(await db().invoice.count({ where: { orderId: order.id } })).toBe(1)
    // An empty body and {} are the same request.
    const retry = await invoice(order.id, { key, body: {} })
    expect([retry.status, retry.text, retry.headers.get('idempotent-replayed')]).toEqual([201, results[0]!.text, 'true'])
    const withoutKey = await invoice(order.id)
    expect(withoutKey.status).toBe(409)
  })

  it('records work once: a retry with the key answers the first result instead of 409 STALE', async () => {
    const order = await makeOrder({ lines: [{ quantity: 5, unitPrice: 1000 }] })
    const key = randomUUID()
    const body = { expectedVersion: order.version, lines: [{ lineId: order.lines[0]!.id, add: 2 }] }
    const first = await fulfill(order.id, { key, body })
    expect(first.status).toBe(200)
    const again = await fulfill(order.id, { key, body })
    expect([again.status, again.text, again.headers.get('idempotent-replayed')]).toEqual([200, first.text, 'true'])
    expect((await orderRow(order.id)).lines[0]!.qtyFulfilled).toBe(2)
    expect((await fulfill(order.id, { body })).status).toBe(409)
  })
})

describe('retention', () => {
  it('reads HANDOFF_IDEMPOTENCY_TTL_HOURS: 24 hours by default, whole hours from 1, anything else refused', () => {
    expect(idempotencyTtlHours({})).toBe(24)
    expect(idempotencyTtlHours({ HANDOFF_IDEMPOTENCY_TTL_HOURS: '' })).toBe(24)
    expect(idempotencyTtlHours({ HANDOFF_IDEMPOTENCY_TTL_HOURS: '48' })).toBe(48)
    for (const bad of ['0', '-1', '1.5', 'a day', '100000']) {
      expect(() => idempotencyTtlHours({ HANDOFF_IDEMPOTENCY_TTL_HOURS: bad }), bad).toThrow(/HANDOFF_IDEMPOTENCY_TTL_HOURS/)
    }
  })

  it('ignores an expired record: the same key no longer replays, it is a new request', async () => {
    const order = await done()
    const key = randomUUID()
    const body = { method: 'CARD', amount: 1_000 }
    const first = await pay(order.id, { key, body })
    expect(first.status).toBe(201)
    await age(key, '24 hours 1 second')
    const later = await pay(order.id, { key, body })
    expect([later.status, later.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect(later.text).not.toBe(first.text)
    expect(await payments(order.id)).toBe(2)
    // The key is bound afresh: within the retention, it replays again.
    expect((await pay(order.id, { key, body })).headers.get('idempotent-replayed')).toBe('true')
    // A shorter retention makes a younger record expire.
    await age(key, '2 hours')
    vi.stubEnv('HANDOFF_IDEMPOTENCY_TTL_HOURS', '1')
    const other = await pay(order.id, { key, body: { method: 'CARD', amount: 500 } })
    expect([other.status, other.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect(await payments(order.id)).toBe(3)
  })

  it('purges expired records, oldest first, when a key is bound (at most every few minutes per process)', async () => {
    const order = await done()
    const keys = Array.from({ length: 3 }, () => randomUUID())
    for (const key of keys) expect((await pay(order.id, { key, body: { method: 'CARD', amount: 100 } })).status).toBe(201)
    await age(keys[0]!, '30 hours')
    await age(keys[1]!, '25 hours')
    await age(keys[2]!, '23 hours')
    const throttle = globalThis as unknown as { handoffIdempotencyPurgedAt?: number }
    // Purged recently: a new key leaves them for later.
    throttle.handoffIdempotencyPurgedAt = Date.now()
    expect((await invoice(order.id, { key: randomUUID() })).status).toBe(201)
    expect(await idempotencyRecord(back.id, keys[0]!)).not.toBeNull()
    throttle.handoffIdempotencyPurgedAt = undefined
    expect((await pay(order.id, { key: randomUUID(), body: { method: 'CARD', amount: 100 } })).status).toBe(201)
    const left = await Promise.all(keys.map((key) => idempotencyRecord(back.id, key)))
    expect(left.map((r) => r !== null)).toEqual([false, false, true])
    expect(await db().idempotencyRecord.count({ where: { createdAt: { lt: new Date(Date.now() - 24 * 3600_000) } } })).toBe(0)
  })
})

describe('when the first request does not finish', () => {
  it('answers 409 for a claim abandoned mid-way (the server died): the outcome is unknown, no second payment', async () => {
    const order = await done()
    const key = randomUUID()
    const body = { method: 'CASH', amount: 2_000 }
    expect((await pay(order.id, { key, body })).status).toBe(201)
    // As if the process had died after the payment committed and before its response was stored.
    await db().$executeRaw`
      UPDATE "IdempotencyRecord" SET status = 0, response = 'null'::jsonb, "createdAt" = now() - interval '3 minutes'
      WHERE "userId" = ${back.id}::uuid AND key = ${key}`
    const retry = await pay(order.id, { key, body })
    expect([retry.status, errorCode(retry)]).toEqual([409, 'CONFLICT'])
    expect((retry.json as { error: { message: string } }).error.message).toMatch(/interrupted/)
    expect(await payments(order.id)).toBe(1)
  })

  it('stores an unexpected failure as the answer (500 with its reference) and never runs the payment again', async () => {
    const logged: unknown[][] = []
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => void logged.push(args))
    const order = await done()
    const key = randomUUID()
    const body = { method: 'CARD', amount: 3_000 }
    vi.mocked(recordPayment).mockClear()
    vi.mocked(recordPayment).mockImplementationOnce(async () => {
      throw new Error('connection lost while committing')
    })
    const first = await pay(order.id, { key, body })
    expect([first.status, errorCode(first), first.headers.get('idempotent-replayed')]).toEqual([500, 'INTERNAL', null])
    const { message, ref } = (first.json as { error: { message: string; ref: string } }).error
    expect(ref).toMatch(/^[0-9a-f]{8}$/)
    expect(message).toContain(ref)
    expect(message).toMatch(/may or may not have taken effect/)
    expect(logged.some((args) => String(args[0]).includes(`ref ${ref}`))).toBe(true)
    const retries = await Promise.all(Array.from({ length: 3 }, () => pay(order.id, { key, body })))
    expect(retries.map((r) => [r.status, r.text, r.headers.get('idempotent-replayed')])).toEqual(Array(3).fill([500, first.text, 'true']))
    expect(vi.mocked(recordPayment)).toHaveBeenCalledTimes(1)
    expect(await payments(order.id)).toBe(0)
  })
})
