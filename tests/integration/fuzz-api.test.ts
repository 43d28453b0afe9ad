// Fuzzing every route handler (#7) with fast-check: hostile query strings, path parameters, JSON bodies (wrong types,
// huge, deeply nested, prototype-pollution keys), bodies that are not JSON, lying Content-Length and Content-Type,
// odd Idempotency-Keys — sent with a manager's token or session, so the request gets past the door. Never a 5xx,
// /api/v1 errors always in the contract `{ error: { code, message } }` without a stack, and a refusal changes no row.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { orderEvents } from '@/server/live/order-events'
import { tokenFor } from '../support/api'
import { makeStaff } from '../support/factories'
import { ensureManagerSettings } from './manager-support'
import { ROUTE_REQUESTS, type RouteRequest } from './security-inputs'
import { businessChecksum, changedTables, discoverRoutes, invokeRoute, session, translations, type RouteHandler } from './security-support'

vi.hoisted(() => {
  const g = globalThis as { AsyncLocalStorage?: unknown }
  g.AsyncLocalStorage ??= process.getBuiltinModule('node:async_hooks').AsyncLocalStorage
  process.env.API_RATE_BURST = '100000'
  process.env.API_RATE_PER_SECOND = '100000'
  delete process.env.HANDOFF_BENCH
})
vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())

const RUNS = Number(process.env.FUZZ_RUNS ?? 20)

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 })
const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u202eRTL',
    'zero\u200bwidth',
    '🙂'.repeat(300),
    '\ud800',
    "' OR 1=1 --",
    '<svg onload=alert(1)>',
    'x'.repeat(20_000),
    '%00',
    '%',
    '../../x',
    'NaN',
    '-1',
    '1e999',
    '__proto__',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
/** JSON-safe hostile values (what a client can actually send in a JSON body). */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(-1, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, 2_147_483_648, null, true, false, [], {}, [[[[[]]]]]),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
)
const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'total',
    'status',
    'role',
    'homeRole',
    'passwordHash',
    'id',
    'limit',
    'cursor',
    '',
  ),
  printable,
)

const RAW_BODIES = [
  '',
  'not json',
  '{"unterminated": ',
  'null',
  '[]',
  '"a string"',
  '1e999',
  '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
  '['.repeat(20_000) + ']'.repeat(20_000),
  JSON.stringify({ big: 'x'.repeat(70 * 1024) }),
  '\u0000\u0001\u0002',
  '{"a":1,"a":2}',
]

function withQuery(path: string, extra: Record<string, string>): string {
  const url = new URL(`http://localhost${path}`)
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v)
  return url.pathname + url.search
}

/** A mutation of a route's well-formed request. */
function requestFor(key: string): fc.Arbitrary<RouteRequest> {
  const base = ROUTE_REQUESTS[key]!.request
  const post = base().method === 'POST'
  const options: Array<fc.Arbitrary<RouteRequest>> = [
    // Query strings: replaced or extra parameters with hostile values.
    fc.dictionary(hostileKey, hostileText.map(String), { maxKeys: 4 }).map((q) => ({ ...base(), path: withQuery(base().path, q) })),
    // Headers that lie or surprise.
    fc
      .record({
        'content-type': fc.constantFrom(
          'application/json',
          'text/plain',
          'application/json; charset=utf-7',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          '',
        ),
        'content-length': fc.constantFrom('-1', 'abc', '99999999999', '0', '1'),
        'idempotency-key': printable,
        'x-middleware-subrequest': fc.constant('src/proxy:src/proxy:src/proxy:src/proxy:src/proxy'),
      })
      .map((headers) => ({ ...base(), headers: { ...base().headers, ...headers } })),
  ]
  const params = base().params
  if (params && 'id' in params) options.push(hostileText.map((id) => ({ ...base(), params: { ...params, id }, path: base().path })))
  if (post) {
    const body = base().body
    if (body && typeof body === 'object' && Object.keys(body).length > 0) {
      const fields = Object.keys(body)
      options.push(
        fc.tuple(fc.constantFrom(...fields), hostileJson).map(([f, v]) => ({ ...base(), body: { ...(body as object), [f]: v } })),
      )
      options.push(
        fc.dictionary(hostileKey, hostileJson, { maxKeys: 3 }).map((extra) => ({ ...base(), body: { ...(body as object), ...extra } })),
      )
    }
    options.push(hostileJson.map((b) => ({ ...base(), body: b })))
    options.push(
      fc
        .constantFrom(...RAW_BODIES)
        .map((rawBody) => ({ ...base(), body: undefined, rawBody, headers: { 'content-type': 'application/json', ...base().headers } })),
    )
  }
  return fc.oneof(...options)
}

let routes: Map<string, RouteHandler>
let managerToken: string
let manager: { id: string }

beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeStaff({ homeRole: 'MANAGER' })
  managerToken = await tokenFor(manager.id)
  routes = await discoverRoutes()
  await translations()
})

afterAll(async () => {
  session.current = null
  await orderEvents().close()
})

describe('fuzzing route handlers', () => {
  it('covers every discovered route', () => {
    expect([...routes.keys()].filter((k) => !(k in ROUTE_REQUESTS))).toEqual([])
  })

  it.each(Object.keys(ROUTE_REQUESTS))(
    '%s',
    async (key) => {
      const handler = routes.get(key)!
      const { auth } = ROUTE_REQUESTS[key]!
      session.current = auth === 'cookie' ? { user: { id: manager.id, sv: 1 } } : null
      let baseline = await businessChecksum()
      await fc.assert(
        fc.asyncProperty(requestFor(key), async (req) => {
          let answer: Awaited<ReturnType<typeof invokeRoute>>
          try {
            answer = await invokeRoute(key, handler, req, auth === 'bearer' ? managerToken : undefined)
          } catch (error) {
            // Only the test's own Request constructor may refuse (e.g. a GET with a body); the handler must answer.
            if (error instanceof TypeError && /Request|header|body/i.test(error.message) && !/at .*src\//.test(String(error.stack))) return
            throw error
          }
          expect(answer.status, `${fc.stringify(req).slice(0, 300)} -> ${answer.text.slice(0, 300)}`).toBeLessThan(500)
          if (key.includes('/api/v1/') && answer.status >= 400) {
            const body = JSON.parse(answer.text) as { error: { code: string; message: string } }
            expect(typeof body.error.code).toBe('string')
            expect(typeof body.error.message).toBe('string')
          }
          expect(answer.text).not.toMatch(/\n\s+at |prisma|P20\d\d|SELECT |node_modules/i)
          const now = await businessChecksum()
          if (answer.status >= 400) expect(changedTables(baseline, now), `refused with ${answer.status} but changed rows`).toEqual([])
          baseline = now
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        }),
        { numRuns: RUNS, endOnFailure: true },
      )
    },
    10_000 + RUNS * 400,
  )

  it('refuses text the database cannot store (a lone surrogate, NUL) in a JSON body with 422, not 500', async () => {
    const handler = routes.get('POST /api/v1/customers')!
    const before = await businessChecksum()
    for (const name of ['\ud800 lone surrogate', 'Lan\u0000']) {
      const answer = await invokeRoute(
        'POST /api/v1/customers',
        handler,
        { method: 'POST', path: '/api/v1/customers', body: { name } },
        managerToken,
      )
      expect(answer.status, answer.text).toBe(422)
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'INVALID' } })
    }
    expect(changedTables(before, await businessChecksum())).toEqual([])
  })
})
