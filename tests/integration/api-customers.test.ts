import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { GET as listCustomersRoute, POST as createCustomerRoute } from '@/app/api/v1/customers/route'
import { db } from '@/server/db'
import { call, errorCode, errorFields, OVERSIZED_BODY, tokenFor, withRateLimit } from '../support/api'
import { makeCustomer, makeStaff } from '../support/factories'

let receptionToken: string
let backToken: string
let managerToken: string
let serviceToken: string

beforeAll(async () => {
  receptionToken = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST' })).id)
  backToken = await tokenFor((await makeStaff({ homeRole: 'BACK_OFFICE' })).id)
  managerToken = await tokenFor((await makeStaff({ homeRole: 'MANAGER' })).id)
  // Customer service only (no order taking): may look customers up and create them.
  serviceToken = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST', skills: { TAKE_ORDER: 0, HANDLE_PICKUP: 0 } })).id)
})

type Page = { data: Array<{ id: string; name: string; phone: string | null; email: string | null }>; nextCursor: string | null }
const list = (query: string, token: string | null = receptionToken) =>
  call(listCustomersRoute, { token, path: `/api/v1/customers${query}` })
const create = (body: unknown, token: string | null = receptionToken, extra: { rawBody?: string; headers?: Record<string, string> } = {}) =>
  call(createCustomerRoute, { method: 'POST', path: '/api/v1/customers', token, body, ...extra })
const customerCount = () => db().customer.count()

describe('GET /api/v1/customers', () => {
  it('pages through the matches newest first with a cursor, ignoring case and diacritics', async () => {
    const tag = randomBytes(3).toString('hex')
    const made = []
    for (let i = 0; i < 5; i++) made.push(await makeCustomer({ name: `Nguyễn Văn ${tag} ${i}` }))
    await makeCustomer({ name: `Lê Thị ${tag}` })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res = await list(`?q=${encodeURIComponent(`NGUYEN ${tag}`)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      const page = res.json as Page
      expect(page.data.length).toBeLessThanOrEqual(2)
      seen.push(...page.data.map((c) => c.id))
      cursor = page.nextCursor
    } while (cursor)
    // Newest first; rows created within the same millisecond come in descending id order.
    const expected = await db().customer.findMany({
      where: { id: { in: made.map((c) => c.id) } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    })
    expect(seen).toEqual(expected.map((c) => c.id))
    expect(Object.keys((await list(`?q=${tag}&limit=1`)).json as Page)).toEqual(['data', 'nextCursor'])
    expect(Object.keys(((await list(`?q=${tag}&limit=1`)).json as Page).data[0]!).sort()).toEqual([
      'email',
      'id',
      'invoiceDetails',
      'name',
      'phone',
    ])
  })

  it('finds a phone typed with separators, and lists everyone without q', async () => {
    const c = await makeCustomer({ name: 'Phạm Điện Thoại', phone: '0987654321' })
    const res = await list(`?q=${encodeURIComponent('098 765 4321')}`)
    expect((res.json as Page).data.map((x) => x.id)).toContain(c.id)
    const all = await list('?limit=100')
    expect((all.json as Page).data.length).toBeGreaterThan(1)
  })

  it('treats LIKE wildcards as text', async () => {
    const res = await list(`?q=${encodeURIComponent('%_%')}`)
    expect(res.status).toBe(200)
    expect((res.json as Page).data).toEqual([])
  })

  it('answers 422 for bad queries, 401 without a token, 403 to people who do not work at the counter', async () => {
    for (const query of ['?limit=0', '?limit=abc', '?cursor=garbage', '?extra=1', `?q=${'x'.repeat(101)}`]) {
      const res = await list(query)
      expect([res.status, errorCode(res)], query).toEqual([422, 'INVALID'])
    }
    expect(errorFields(await list('?cursor=Zm9v'))).toEqual(['cursor'])
    expect((await list('', null)).status).toBe(401)
    expect((await list('', backToken)).status).toBe(403)
    for (const token of [managerToken, serviceToken]) expect((await list('', token)).status).toBe(200)
  })
})

describe('POST /api/v1/customers', () => {
  it('creates a customer (201) with the phone and email normalised', async () => {
    const res = await create({ name: '  Võ Thị Sáu ', phone: '+84 90-111-2222', email: ' Sau.Vo@Example.COM ' })
    expect(res.status).toBe(201)
    const body = res.json as { id: string }
    expect(res.json).toEqual({ id: body.id, name: 'Võ Thị Sáu', phone: '+84901112222', email: 'sau.vo@example.com', invoiceDetails: null })
    const row = await db().customer.findUniqueOrThrow({ where: { id: body.id } })
    expect(row.searchText).toContain('vo thi sau')
    expect(await db().auditEvent.count({ where: { entityId: body.id, action: 'customer.created' } })).toBe(1)
  })

  it('answers 409 with the likely duplicates, and creates anyway with ignoreDuplicates', async () => {
    const existing = await makeCustomer({ name: 'Đỗ Văn Trùng', phone: '0912000111' })
    const before = await customerCount()
    const dup = await create({ name: 'Do Van Trung', phone: '0912 000 111' })
    expect([dup.status, errorCode(dup)]).toEqual([409, 'CONFLICT'])
    expect((dup.json as { error: { duplicates: Array<{ id: string }> } }).error.duplicates.map((d) => d.id)).toEqual([existing.id])
    expect(await customerCount()).toBe(before)
    expect((await create({ name: 'Do Van Trung', phone: '0912 000 111', ignoreDuplicates: true })).status).toBe(201)
  })

  it('answers 422 for bad or extra fields, 400 for non-JSON, 413 when too large — creating nothing', async () => {
    const before = await customerCount()
    const cases: Array<[unknown, string[]]> = [
      [{}, ['name']],
      [{ name: '   ' }, ['name']],
      [{ name: 'A', phone: 'call me' }, ['phone']],
      [{ name: 'A', email: 'not-an-email' }, ['email']],
      [{ name: 'A', id: '00000000-0000-4000-8000-000000000000' }, ['_']],
      [{ name: 'A\u0000B' }, ['name']],
      [{ name: 'x'.repeat(121) }, ['name']],
    ]
    for (const [body, fields] of cases) {
      const res = await create(body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(errorFields(res), JSON.stringify(body)).toEqual(fields)
    }
    expect(
      (await create(undefined, receptionToken, { rawBody: 'name=A', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
        .status,
    ).toBe(400)
    expect((await create(undefined, receptionToken, { rawBody: '{"name":', headers: { 'content-type': 'application/json' } })).status).toBe(
      400,
    )
    expect(
      (await create(undefined, receptionToken, { rawBody: OVERSIZED_BODY, headers: { 'content-type': 'application/json' } })).status,
    ).toBe(413)
    expect(await customerCount()).toBe(before)
  })

  it('answers 401 without a token, 403 to the back office and to a trainee; counter, service and manager may', async () => {
    const before = await customerCount()
    const trainee = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST', skills: { TAKE_ORDER: 1, CUSTOMER_SERVICE: 1 } })).id)
    expect((await create({ name: 'Không Token' }, null)).status).toBe(401)
    for (const token of [backToken, trainee]) {
      const res = await create({ name: 'Không Được' }, token)
      expect([res.status, errorCode(res)]).toEqual([403, 'FORBIDDEN'])
    }
    expect(await customerCount()).toBe(before)
    for (const token of [receptionToken, serviceToken, managerToken])
      expect((await create({ name: `Khách ${randomBytes(2).toString('hex')}` }, token)).status).toBe(201)
  })

  it('answers 429 with Retry-After past the rate limit', async () => {
    await withRateLimit(1, async () => {
      expect((await list('?limit=1')).status).toBe(200)
      const res = await create({ name: 'Quá Nhanh' })
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    })
  })
})
