// Issue 14, "notes are cut silently": the API refuses a note over its limit (422, the limit named beside the field)
// and never stores a shortened one; the counter's form does the same before sending (e2e/front-intake-keys.spec.ts).
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { POST as createOrderRoute } from '@/app/api/v1/orders/route'
import { addDays, businessDay } from '@/domain/opening-hours'
import { db } from '@/server/db'
import { call, errorCode, makeProduct, tokenFor } from '../support/api'
import { makeCustomer, makeStaff } from '../support/factories'
import { ensureSettings } from './back-support'

let customerId: string
let productId: string
let token: string

beforeAll(async () => {
  await ensureSettings()
  customerId = (await makeCustomer({ name: 'Võ Thị Ghi Chú' })).id
  productId = (await makeProduct({ unitPrice: 5_000, taxRateBp: 800 })).id
  token = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST' })).id)
})

const body = (extra: Record<string, unknown>) => ({
  customerId,
  lines: [{ productId, quantity: 1 }],
  dueDate: addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 1),
  dueTime: '17:00',
  mode: 'PICKUP',
  ...extra,
})

const post = (payload: unknown) =>
  call(createOrderRoute, { method: 'POST', path: '/api/v1/orders', token, body: payload, headers: { 'idempotency-key': randomUUID() } })

describe('order notes through the API', () => {
  it('refuses 10,000 characters of notes (limit 2,000) or a 501-character line note, and stores nothing', async () => {
    const before = await db().order.count({ where: { customerId } })
    for (const [payload, field, limit] of [
      [body({ notes: 'x'.repeat(10_000) }), 'notes', '2000'],
      [body({ lines: [{ productId, quantity: 1, note: 'y'.repeat(501) }] }), 'lines.0.note', '500'],
    ] as const) {
      const res = await post(payload)
      expect(res.status).toBe(422)
      expect(errorCode(res)).toBe('INVALID')
      const fields = (res.json as { error: { fields: Record<string, string[]> } }).error.fields
      expect(fields[field]?.join(' ')).toContain(limit)
    }
    expect(await db().order.count({ where: { customerId } })).toBe(before)
  })

  it('keeps a note of exactly the limit whole', async () => {
    const res = await post(body({ notes: 'z'.repeat(2_000) }))
    expect(res.status).toBe(201)
    const stored = await db().order.findFirstOrThrow({ where: { customerId, notes: { not: null } }, select: { notes: true } })
    expect(stored.notes).toHaveLength(2_000)
  })
})
