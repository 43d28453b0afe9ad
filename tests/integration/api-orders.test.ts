import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays, businessDay } from '@/domain/opening-hours'
import { documentTotals } from '@/domain/tax'
import { POST as recordFulfillmentRoute } from '@/app/api/v1/orders/[id]/fulfillment/route'
import { GET as getOrderRoute } from '@/app/api/v1/orders/[id]/route'
import { GET as listOrdersRoute, POST as createOrderRoute } from '@/app/api/v1/orders/route'
import { revokeApiToken } from '@/server/api-tokens/revoke-api-token'
import { db } from '@/server/db'
import {
  call,
  errorCode,
  errorFields,
  makeProduct,
  operationKeyOf,
  orderAction,
  OVERSIZED_BODY,
  tokenFor,
  withRateLimit,
  type CallResult,
} from '../support/api'
import { makeActor, makeCustomer, makeStaff } from '../support/factories'
import { ensureSettings, makeOrder, orderRow } from './back-support'

const tomorrow = () => addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 1)

let customerId: string
let a4: { id: string; unitPrice: number; taxRateBp: number }
let poster: { id: string; unitPrice: number; taxRateBp: number }
let reception: { id: string }
let receptionToken: string
let backToken: string
let managerToken: string

beforeAll(async () => {
  await ensureSettings()
  customerId = (await makeCustomer({ name: 'Trần Thị API' })).id
  a4 = await makeProduct({ unitPrice: 2_500, taxRateBp: 800 })
  poster = await makeProduct({ unitPrice: 45_000, taxRateBp: 1000 })
  reception = await makeStaff({ homeRole: 'RECEPTIONIST' })
  receptionToken = await tokenFor(reception.id)
  backToken = await tokenFor((await makeStaff({ homeRole: 'BACK_OFFICE' })).id)
  managerToken = await tokenFor((await makeStaff({ homeRole: 'MANAGER' })).id)
})

function orderBody(overrides: Record<string, unknown> = {}) {
  return {
    customerId,
    lines: [
      { productId: a4.id, quantity: 3 },
      { productId: poster.id, quantity: 2, note: 'giấy couche' },
    ],
    dueDate: tomorrow(),
    dueTime: '17:00',
    mode: 'PICKUP',
    ...overrides,
  }
}

function post(options: {
  token?: string | null
  body?: unknown
  key?: string | null
  rawBody?: string
  headers?: Record<string, string>
}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) }
  if (options.key !== null) headers['idempotency-key'] = options.key ?? randomUUID()
  return call(createOrderRoute, {
    method: 'POST',
    path: '/api/v1/orders',
    token: options.token === undefined ? receptionToken : options.token,
    body: options.body,
    rawBody: options.rawBody,
    headers,
  })
}

const orderCount = () => db().order.count()

describe('POST /api/v1/orders', () => {
  it('takes the order with catalog prices and server totals: 201, Location, the order summary', async () => {
    const key = randomUUID()
    const res = await post({ body: orderBody(), key })
    expect(res.status).toBe(201)
    const expected = documentTotals([
      { quantity: 3, unitPrice: 2_500, taxRateBp: 800 },
      { quantity: 2, unitPrice: 45_000, taxRateBp: 1000 },
    ])
    const order = res.json as { id: string; number: string; status: string; total: number; customer: { id: string } }
    expect(order).toMatchObject({
      status: 'RECEIVED',
      total: expected.total,
      customer: { id: customerId },
      fulfillment: 'NOT_STARTED',
      billing: 'UNBILLED',
    })
    expect(order.number).toMatch(/^DH-\d{6}$/)
    expect(res.headers.get('location')).toBe(`/api/v1/orders/${order.id}`)
    expect(res.headers.get('idempotent-replayed')).toBeNull()
    const row = await orderRow(order.id)
    expect(row.takenById).toBe(reception.id)
    expect(row.idempotencyKey).toBe(await operationKeyOf(reception.id, key))
    expect(row.idempotencyKey).toMatch(/^api-[0-9a-f]{64}$/)
    expect(row.lines.map((l) => [l.quantity, l.unitPrice])).toEqual([
      [3, 2_500],
      [2, 45_000],
    ])
    expect(await db().auditEvent.count({ where: { orderId: order.id, action: 'order.created' } })).toBe(1)
  })

  it('replays the same key and body with the identical status and bytes, and Idempotent-Replayed', async () => {
    const key = randomUUID()
    const first = await post({ body: orderBody(), key })
    const before = await orderCount()
    // Key order and the JSON's spacing do not make it another request.
    const reordered = Object.fromEntries(Object.entries(orderBody()).reverse())
    const again = await post({ body: reordered, key })
    expect(again.status).toBe(first.status)
    expect(again.text).toBe(first.text)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('location')).toBe(first.headers.get('location'))
    expect(await orderCount()).toBe(before)
  })

  it('refuses the same key with another body with 409, and makes nothing', async () => {
    const key = randomUUID()
    expect((await post({ body: orderBody(), key })).status).toBe(201)
    const before = await orderCount()
    const other = await post({ body: orderBody({ dueTime: '18:00' }), key })
    expect(other.status).toBe(409)
    expect(errorCode(other)).toBe('CONFLICT')
    expect((other.json as { error: { message: string } }).error.message).toMatch(/Idempotency-Key/)
    expect(await orderCount()).toBe(before)
  })

  it('makes exactly one order for 20 parallel requests with one key, all answered identically', async () => {
    const key = randomUUID()
    const before = await orderCount()
    const results = await Promise.all(Array.from({ length: 20 }, () => post({ body: orderBody(), key })))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((r) => r.text)).size).toBe(1)
    expect(await orderCount()).toBe(before + 1)
    expect(await db().order.count({ where: { idempotencyKey: await operationKeyOf(reception.id, key) } })).toBe(1)
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1)
    const id = (results[0]!.json as { id: string }).id
    expect(await db().auditEvent.count({ where: { orderId: id, action: 'order.created' } })).toBe(1)
    const record = await db().idempotencyRecord.findUniqueOrThrow({ where: { userId_key: { userId: reception.id, key } } })
    expect(record).toMatchObject({ status: 201, route: 'POST /api/v1/orders' })
  })

  it('refuses 20 parallel requests with one key but two bodies: one order, the other body always 409', async () => {
    const key = randomUUID()
    const before = await orderCount()
    const bodies = [orderBody(), orderBody({ notes: 'khác' })]
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post({ body: bodies[i % 2], key })))
    expect(await orderCount()).toBe(before + 1)
    const ok = results.filter((r) => r.status === 201)
    expect(new Set(ok.map((r) => r.text)).size).toBe(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(20 - ok.length)
    expect(ok).toHaveLength(10)
  })

  it('takes a new order for a key used again after its record expired, with its own operation key', async () => {
    const key = randomUUID()
    const first = await post({ body: orderBody(), key })
    const firstKey = await operationKeyOf(reception.id, key)
    await db()
      .$executeRaw`UPDATE "IdempotencyRecord" SET "createdAt" = "createdAt" - interval '25 hours' WHERE "userId" = ${reception.id}::uuid AND key = ${key}`
    const again = await post({ body: orderBody({ dueTime: '18:00' }), key })
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, null])
    expect((again.json as { id: string }).id).not.toBe((first.json as { id: string }).id)
    expect(await operationKeyOf(reception.id, key)).not.toBe(firstKey)
    expect((await orderRow((again.json as { id: string }).id)).idempotencyKey).toBe(await operationKeyOf(reception.id, key))
  })

  it('keeps keys per person: the same key from two people is two orders', async () => {
    const key = randomUUID()
    const other = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST' })).id)
    const a = await post({ body: orderBody(), key })
    const b = await post({ body: orderBody(), key, token: other })
    expect([a.status, b.status]).toEqual([201, 201])
    expect((a.json as { id: string }).id).not.toBe((b.json as { id: string }).id)
  })

  it('answers 400 without a valid Idempotency-Key, for a body that is not JSON, or not sent as JSON', async () => {
    const before = await orderCount()
    for (const key of [null, '', 'short', 'x'.repeat(101), 'has space in it']) {
      const res = await post({ body: orderBody(), key })
      expect(res.status, String(key)).toBe(400)
      expect(errorCode(res)).toBe('BAD_REQUEST')
    }
    const notJson = await post({ rawBody: '{"customerId": ', headers: { 'content-type': 'application/json' } })
    expect([notJson.status, errorCode(notJson)]).toEqual([400, 'BAD_REQUEST'])
    const wrongType = await post({ rawBody: JSON.stringify(orderBody()), headers: { 'content-type': 'text/plain' } })
    expect(wrongType.status).toBe(400)
    expect(await orderCount()).toBe(before)
  })

  it('answers 413 for a body over 64 KiB', async () => {
    const res = await post({ rawBody: OVERSIZED_BODY, headers: { 'content-type': 'application/json' } })
    expect([res.status, errorCode(res)]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
  })

  it('answers 422 with the fields at fault, refuses totals/status/idempotencyKey in the body, and changes nothing', async () => {
    const before = await orderCount()
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [orderBody({ total: 1 }), ['_']],
      [orderBody({ status: 'READY' }), ['_']],
      [orderBody({ idempotencyKey: randomUUID() }), ['_']],
      [orderBody({ lines: [{ productId: a4.id, quantity: 1, total: 1 }] }), ['lines.0']],
      [orderBody({ lines: [] }), ['lines']],
      [orderBody({ dueDate: '31/12/2026', lines: [{ productId: a4.id, quantity: -1 }] }), ['dueDate', 'lines.0.quantity']],
      [orderBody({ mode: 'DELIVERY' }), ['deliveryAddress']],
    ]
    for (const [body, fields] of cases) {
      const res = await post({ body })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(errorCode(res)).toBe('INVALID')
      expect(errorFields(res)).toEqual(fields)
    }
    expect(await orderCount()).toBe(before)
  })

  it('answers 422 for a refusal of the use case (unknown customer), and the key can then be used for the corrected order', async () => {
    const key = randomUUID()
    const before = await orderCount()
    const bad = await post({ body: orderBody({ customerId: randomUUID() }), key })
    expect(bad.status).toBe(422)
    expect(errorFields(bad)).toEqual(['customerId'])
    expect(await orderCount()).toBe(before)
    const good = await post({ body: orderBody(), key })
    expect(good.status).toBe(201)
    expect(good.headers.get('idempotent-replayed')).toBeNull()
  })

  it('answers 401 for no, unknown or revoked tokens, and 403 for people without TAKE_ORDER', async () => {
    const before = await orderCount()
    for (const token of [null, 'hof_' + 'x'.repeat(43)]) expect((await post({ token, body: orderBody() })).status).toBe(401)
    const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const revoked = await tokenFor(staff.id)
    const row = await db().apiToken.findFirstOrThrow({ where: { userId: staff.id } })
    await revokeApiToken(await makeActor({ homeRole: 'MANAGER' }), { tokenId: row.id })
    expect((await post({ token: revoked, body: orderBody() })).status).toBe(401)
    // The back office does not take orders; nor does a receptionist still in training (level 1).
    const trainee = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST', skills: { TAKE_ORDER: 1 } })).id)
    for (const token of [backToken, trainee]) {
      const res = await post({ token, body: orderBody() })
      expect([res.status, errorCode(res)]).toEqual([403, 'FORBIDDEN'])
    }
    // A price different from the catalog needs the right to override prices (a level-2 cover may not).
    const cover = await tokenFor((await makeStaff({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 2 } })).id)
    const override = await post({ token: cover, body: orderBody({ lines: [{ productId: a4.id, quantity: 1, unitPrice: 1 }] }) })
    expect(override.status).toBe(403)
    expect(errorFields(override)).toEqual(['lines.0.unitPrice'])
    expect(await orderCount()).toBe(before)
    // A manager may take orders.
    expect((await post({ token: managerToken, body: orderBody() })).status).toBe(201)
  })

  it('answers 429 with Retry-After past the rate limit', async () => {
    await withRateLimit(2, async () => {
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push(await post({ body: orderBody() }))
      expect(statuses.map((r) => r.status)).toEqual([201, 201, 429])
      expect(Number(statuses[2]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    })
  })
})

describe('GET /api/v1/orders and /orders/{id} by role', () => {
  it('lets every order role read, and nobody without an order task', async () => {
    const order = await makeOrder()
    const nobody = await tokenFor((await makeStaff({ homeRole: 'BACK_OFFICE', skills: { FULFILL: 0, INVOICE: 0, RECORD_PAYMENT: 0 } })).id)
    for (const [token, expected] of [
      [receptionToken, 200],
      [backToken, 200],
      [managerToken, 200],
      [nobody, 403],
    ] as const) {
      expect((await call(listOrdersRoute, { token, path: '/api/v1/orders?limit=1' })).status).toBe(expected)
      expect((await call(getOrderRoute, { token, params: { id: order.id } })).status).toBe(expected)
    }
  })
})

describe('POST /api/v1/orders/{id}/fulfillment', () => {
  const fulfill = orderAction(recordFulfillmentRoute, 'fulfillment', () => backToken)

  it('records fulfilled quantities per line and bumps the version', async () => {
    const order = await makeOrder({
      lines: [
        { quantity: 10, unitPrice: 1000 },
        { quantity: 4, unitPrice: 500 },
      ],
    })
    const [l1, l2] = order.lines
    const res = await fulfill(order.id, {
      body: {
        expectedVersion: order.version,
        lines: [
          { lineId: l1!.id, set: 10 },
          { lineId: l2!.id, add: 1 },
        ],
      },
    })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      version: order.version + 1,
      fulfillment: 'PARTLY_FULFILLED',
      changed: [
        { lineId: l1!.id, from: 0, to: 10 },
        { lineId: l2!.id, from: 0, to: 1 },
      ],
    })
    const row = await orderRow(order.id)
    expect(row.lines.map((l) => l.qtyFulfilled)).toEqual([10, 1])
    // A manager and a receptionist covering the workshop (level 2) may too.
    const cover = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST', skills: { FULFILL: 2 } })).id)
    expect(
      (await fulfill(order.id, { token: cover, body: { expectedVersion: row.version, lines: [{ lineId: l2!.id, add: 1 }] } })).status,
    ).toBe(200)
    expect(
      (await fulfill(order.id, { token: managerToken, body: { expectedVersion: row.version + 1, lines: [{ lineId: l2!.id, add: 1 }] } }))
        .status,
    ).toBe(200)
  })

  it('answers 409 on a stale version, 404 for unknown or malformed ids, 422 past the ordered quantity — changing nothing', async () => {
    const order = await makeOrder({ lines: [{ quantity: 5, unitPrice: 1000 }] })
    const lineId = order.lines[0]!.id
    const stale = await fulfill(order.id, { body: { expectedVersion: order.version + 7, lines: [{ lineId, set: 1 }] } })
    expect([stale.status, errorCode(stale)]).toEqual([409, 'STALE'])
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await fulfill(id, { body: { expectedVersion: 1, lines: [{ lineId, set: 1 }] } })
      expect([res.status, errorCode(res)]).toEqual([404, 'NOT_FOUND'])
    }
    const tooMany = await fulfill(order.id, { body: { expectedVersion: order.version, lines: [{ lineId, set: 6 }] } })
    expect(tooMany.status).toBe(422)
    expect(errorFields(tooMany)).toEqual(['lines.0'])
    for (const body of [
      { expectedVersion: order.version, lines: [{ lineId, set: 1 }], orderId: order.id },
      { expectedVersion: order.version, lines: [{ lineId, set: 1, status: 'FULFILLED' }] },
      { expectedVersion: order.version, lines: [] },
      { lines: [{ lineId, set: 1 }] },
    ]) {
      expect((await fulfill(order.id, { body })).status, JSON.stringify(body)).toBe(422)
    }
    expect((await fulfill(order.id, { rawBody: 'lines=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(
      400,
    )
    expect((await fulfill(order.id, { rawBody: OVERSIZED_BODY, headers: { 'content-type': 'application/json' } })).status).toBe(413)
    const row = await orderRow(order.id)
    expect([row.version, row.lines[0]!.qtyFulfilled]).toEqual([order.version, 0])
  })

  it('answers 401 without a token and 403 to the counter and to a back-office person who does not fulfil', async () => {
    const order = await makeOrder()
    const body = { expectedVersion: order.version, lines: [{ lineId: order.lines[0]!.id, set: 1 }] }
    expect((await fulfill(order.id, { token: null, body })).status).toBe(401)
    const invoicer = await tokenFor((await makeStaff({ homeRole: 'BACK_OFFICE', skills: { FULFILL: 0 } })).id)
    for (const token of [receptionToken, invoicer]) expect((await fulfill(order.id, { token, body })).status).toBe(403)
    expect((await orderRow(order.id)).lines[0]!.qtyFulfilled).toBe(0)
    await withRateLimit(1, async () => {
      expect((await fulfill(order.id, { body })).status).toBe(200)
      const limited = await fulfill(order.id, { body })
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    })
  })
})
