import { Validator } from '@seriousme/openapi-schema-validator'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { GET as health } from '@/app/api/v1/health/route'
import { GET as getOrderRoute } from '@/app/api/v1/orders/[id]/route'
import { GET as listOrdersRoute } from '@/app/api/v1/orders/route'
import { GET as openapi } from '@/app/api/v1/openapi.json/route'
import { revokeApiToken } from '@/server/api-tokens/revoke-api-token'
import { RateLimiter } from '@/server/api/rate-limit'
import { db, sql } from '@/server/db'
import { buildOrder, insertOrders } from '@/server/orders/order-rows'
import { call, tokenFor } from '../support/api'
import { makeActor, makeCustomer, makeStaff } from '../support/factories'

async function makeOrders(n: number, takenById: string) {
  const customer = await makeCustomer({ name: 'API khách' })
  for (let i = 0; i < n; i++) {
    const order = buildOrder({
      customerId: customer.id,
      dueAt: new Date(Date.now() + 86400_000),
      takenById,
      createdAt: new Date(Date.now() - i * 60_000),
      lines: [],
    })
    await insertOrders(sql, [order])
  }
  return customer
}

describe('API authentication', () => {
  it('refuses missing, malformed, unknown and revoked tokens with 401 and a JSON error', async () => {
    const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const token = await tokenFor(staff.id)
    for (const bad of [null, 'nonsense', 'hof_' + 'x'.repeat(43)]) {
      const res = await call(listOrdersRoute, { token: bad })
      expect(res.status).toBe(401)
      expect(res.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
    }
    expect((await call(listOrdersRoute, { token })).status).toBe(200)
    const row = await db().apiToken.findFirstOrThrow({ where: { userId: staff.id } })
    expect(row.lastUsedAt).not.toBeNull()
    await revokeApiToken(await makeActor({ homeRole: 'MANAGER' }), { tokenId: row.id })
    expect((await call(listOrdersRoute, { token })).status).toBe(401)
  })

  it('stops working when the owner is deactivated', async () => {
    const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const token = await tokenFor(staff.id)
    await db().user.update({ where: { id: staff.id }, data: { active: false } })
    expect((await call(listOrdersRoute, { token })).status).toBe(401)
  })

  it('stores only a hash of the token', async () => {
    const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const token = await tokenFor(staff.id)
    const rows = await db().apiToken.findMany({ where: { userId: staff.id } })
    expect(JSON.stringify(rows)).not.toContain(token.slice(12))
  })
})

describe('GET /api/v1/orders', () => {
  it('pages through orders with a cursor, newest first, without repeats', async () => {
    const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const customer = await makeOrders(7, staff.id)
    const token = await tokenFor(staff.id)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res = await call(listOrdersRoute, {
        token,
        path: `/api/v1/orders?limit=3&customerId=${customer.id}${cursor ? `&cursor=${cursor}` : ''}`,
      })
      expect(res.status).toBe(200)
      const page = res.json as { data: Array<{ id: string; createdAt: string }>; nextCursor: string | null }
      seen.push(...page.data.map((o) => o.createdAt))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(7)
    expect([...seen].sort().reverse()).toEqual(seen)
  })

  it('answers bad queries with 422 and the fields at fault, and nobody without an order task gets 403', async () => {
    const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const token = await tokenFor(staff.id)
    const res = await call(listOrdersRoute, { token, path: '/api/v1/orders?limit=1000&status=weird&extra=1' })
    expect(res.status).toBe(422)
    expect(Object.keys((res.json as { error: { fields: object } }).error.fields).sort()).toEqual(['_', 'limit', 'status'])
    const bad = await call(listOrdersRoute, { token, path: '/api/v1/orders?cursor=garbage' })
    expect(bad.status).toBe(422)
    // A person with no order task at all (home role manager recorded at 0 everywhere is still a manager: use a
    // back-office worker recorded at 0 for every order task).
    const nobody = await makeStaff({ homeRole: 'BACK_OFFICE', skills: { FULFILL: 0, INVOICE: 0, RECORD_PAYMENT: 0 } })
    expect((await call(listOrdersRoute, { token: await tokenFor(nobody.id) })).status).toBe(403)
  })
})

describe('GET /api/v1/orders/{id}', () => {
  it('returns the order, 404 for unknown or malformed ids, never a stack', async () => {
    const staff = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const customer = await makeOrders(1, staff.id)
    const order = await db().order.findFirstOrThrow({ where: { customerId: customer.id } })
    const token = await tokenFor(staff.id)
    const ok = await call(getOrderRoute, { token, params: { id: order.id } })
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ id: order.id, customer: { name: 'API khách' } })
    for (const id of [crypto.randomUUID(), 'not-a-uuid', "1' OR '1'='1"]) {
      const res = await call(getOrderRoute, { token, params: { id } })
      expect(res.status).toBe(404)
      expect(JSON.stringify(res.json)).not.toMatch(/prisma|SELECT|at .*\.ts/i)
    }
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After when a token exceeds its budget', async () => {
    const g = globalThis as unknown as { handoffApiLimiter?: RateLimiter }
    const previous = g.handoffApiLimiter
    g.handoffApiLimiter = new RateLimiter(3, 0.5)
    try {
      const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
      const token = await tokenFor(staff.id)
      const statuses = []
      for (let i = 0; i < 5; i++) statuses.push((await call(listOrdersRoute, { token })).status)
      expect(statuses).toEqual([200, 200, 200, 429, 429])
      const res = await call(listOrdersRoute, { token })
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    } finally {
      g.handoffApiLimiter = previous
    }
  })
})

describe('health and documentation', () => {
  it('says the database is reachable, without a token', async () => {
    const res = await health()
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', database: 'reachable' })
  })

  it('publishes a valid OpenAPI 3.1 document whose every path is a route with those methods', async () => {
    const res = await openapi(new Request('http://localhost/api/v1/openapi.json'))
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> }
    const validator = new Validator()
    const result = await validator.validate(doc)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    for (const [p, methods] of Object.entries(doc.paths)) {
      const file = path.join(import.meta.dirname, '../../src/app', p.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts')
      expect(existsSync(file), `${p} has a route file`).toBe(true)
      const source = readFileSync(file, 'utf8')
      for (const method of Object.keys(methods))
        expect(source, `${p} exports ${method.toUpperCase()}`).toMatch(
          new RegExp(`export (const|async function|function) ${method.toUpperCase()}\\b`),
        )
    }
  })

  it('documents every route file and method under src/app/api/v1 (a new route without an OPERATIONS entry fails)', async () => {
    const doc = (await (await openapi(new Request('http://localhost/api/v1/openapi.json'))).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const root = path.join(import.meta.dirname, '../../src/app/api/v1')
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === 'route.ts')
    expect(files.length).toBeGreaterThanOrEqual(8)
    const found: string[] = []
    for (const file of files) {
      const dir = path.dirname(file)
      const apiPath = `/api/v1${dir === '.' ? '' : `/${dir.split(path.sep).join('/')}`}`.replace(/\[(\w+)\]/g, '{$1}')
      const source = readFileSync(path.join(root, file), 'utf8')
      for (const [, method] of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) {
        found.push(`${method} ${apiPath}`)
        expect(doc.paths[apiPath]?.[method!.toLowerCase()], `${method} ${apiPath} is in the OpenAPI document`).toBeDefined()
      }
    }
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
    expect(found.sort()).toEqual(documented.sort())
  })
})
