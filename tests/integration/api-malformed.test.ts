// Requests the app once could not handle (#20): list cursors that decode to impossible moments or ids, a NUL in a
// search, a client that hangs up while sending its body, and an export asked for by someone who may not export. Each
// is a 4xx in the endpoint's own error format — never a 500, never an internal failure in the log (the suite fails a
// test on console.error).
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { GET as exportRoute } from '@/app/api/back/export/route'
import { GET as queueRoute } from '@/app/api/back/queue/route'
import { GET as listCustomersRoute, POST as createCustomerRoute } from '@/app/api/v1/customers/route'
import { GET as listInvoicesRoute } from '@/app/api/v1/invoices/route'
import { GET as listOrdersRoute } from '@/app/api/v1/orders/route'
import { call, errorCode, errorFields, tokenFor } from '../support/api'
import { makeCustomer, makeStaff } from '../support/factories'
import { ensureSettings, makeOrder } from './back-support'
import { session } from './security-support'

vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())

const cursor = (text: string) => Buffer.from(text).toString('base64url')
const id = randomUUID()
/** Each decodes to `moment|id`, in both spellings the lists write (PostgreSQL's text form and ISO 8601). */
const IMPOSSIBLE = [
  `9999-99-99 99:99:99|${id}`,
  `0000-01-01 00:00:00|${id}`,
  `-271821-04-20 00:00:00|${id}`,
  `2026-02-30 10:00:00|${id}`,
  `2026-01-01 00:00:00|${'-'.repeat(36)}`,
  `2026-01-01 00:00:00|${id}|${id}`,
  `9999-99-99T99:99:99.000Z|${id}`,
  `0000-01-01T00:00:00.000Z|${id}`,
  `-271821-04-20T00:00:00.000Z|${id}`,
  `2026-02-30T10:00:00.000Z|${id}`,
  `2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`,
].map(cursor)

let token: string
let back: { id: string }
beforeAll(async () => {
  await ensureSettings()
  token = await tokenFor((await makeStaff({ homeRole: 'MANAGER' })).id)
  back = await makeStaff({ homeRole: 'BACK_OFFICE' })
})

describe('list cursors', () => {
  it.each([
    ['/api/v1/orders', listOrdersRoute],
    ['/api/v1/customers', listCustomersRoute],
    ['/api/v1/invoices', listInvoicesRoute],
  ] as const)('%s: a cursor naming no real moment or id is 422 on the cursor field', async (path, route) => {
    for (const c of IMPOSSIBLE) {
      const res = await call(route, { token, path: `${path}?cursor=${c}` })
      const label = `${Buffer.from(c, 'base64url').toString()} -> ${res.text.slice(0, 200)}`
      expect([res.status, errorCode(res)], label).toEqual([422, 'INVALID'])
      expect(errorFields(res), label).toEqual(['cursor'])
    }
  })

  it('the cursors the lists hand out still lead to the next page', async () => {
    await makeOrder()
    await makeOrder()
    await makeCustomer()
    await makeCustomer()
    for (const [path, route] of [
      ['/api/v1/orders', listOrdersRoute],
      ['/api/v1/customers', listCustomersRoute],
    ] as const) {
      const first = await call(route, { token, path: `${path}?limit=1` })
      const next = (first.json as { nextCursor: string | null }).nextCursor
      expect(next, path).not.toBeNull()
      const second = await call(route, { token, path: `${path}?limit=1&cursor=${next}` })
      expect(second.status, second.text).toBe(200)
      const [a, b] = [first, second].map((r) => (r.json as { data: Array<{ id: string }> }).data[0]?.id)
      expect(b, path).toBeDefined()
      expect(b).not.toBe(a)
    }
  })

  it('the queue reads an impossible cursor as no cursor (the first page), as it does a tampered link', async () => {
    session.current = { user: { id: back.id, sv: 1 } }
    for (const c of IMPOSSIBLE) {
      for (const key of ['after', 'before']) {
        const res = await call(queueRoute as never, { path: `/api/back/queue?${key}=${c}` })
        expect(res.status, `${key}=${Buffer.from(c, 'base64url').toString()} -> ${res.text.slice(0, 200)}`).toBe(200)
      }
    }
  })
})

describe('numbers in a query string', () => {
  it('limit is read as a plain numeral only: hex, exponents, blanks and booleans are 422, not 16, 10 or 0', async () => {
    for (const limit of ['0x10', '1e1', '%20', '', 'true', '2.5', '-1']) {
      const res = await call(listCustomersRoute, { token, path: `/api/v1/customers?limit=${limit}` })
      expect([res.status, errorFields(res)], `limit=${limit} -> ${res.text.slice(0, 200)}`).toEqual([422, ['limit']])
    }
    for (const limit of ['2', '%202%20']) {
      const res = await call(listCustomersRoute, { token, path: `/api/v1/customers?limit=${limit}` })
      expect(res.status, `limit=${limit}`).toBe(200)
    }
  })
})

describe('a NUL in a search', () => {
  it('GET /api/v1/customers?q=%00 searches (control characters read as spaces), not a 500', async () => {
    const name = `Khách ${randomUUID().slice(0, 8)}`
    await makeCustomer({ name })
    for (const q of ['%00', `${encodeURIComponent(name)}%00`, '%00%01%1f']) {
      const res = await call(listCustomersRoute, { token, path: `/api/v1/customers?q=${q}` })
      expect(res.status, res.text).toBe(200)
    }
    const found = await call(listCustomersRoute, { token, path: `/api/v1/customers?q=${encodeURIComponent(name)}%00` })
    expect((found.json as { data: Array<{ name: string }> }).data.map((c) => c.name)).toEqual([name])
  })

  it('the back-office queue (the page /back reads the same filter) answers a NUL in q', async () => {
    session.current = { user: { id: back.id, sv: 1 } }
    const res = await call(queueRoute as never, { path: '/api/back/queue?q=%00' })
    expect(res.status, res.text).toBe(200)
    const also = await call(queueRoute as never, { path: '/api/back/queue?q=DH%00x' })
    expect(also.status, also.text).toBe(200)
  })
})

describe('a client that hangs up while sending', () => {
  it('is a 400 in the error contract, not an internal failure in the log', async () => {
    let sent = false
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true
          controller.enqueue(new TextEncoder().encode('{"name": "Khách đang gửi'))
          return
        }
        // What Node's request stream reports when the socket closes before the body is complete.
        controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))
      },
    })
    const request = new Request('http://localhost/api/v1/customers', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    const response = await createCustomerRoute(request, { params: Promise.resolve({}) })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST')
    expect(console.error).not.toHaveBeenCalled()
  })
})

describe('the billing export', () => {
  it('checks the permission before the query: someone who may not export hears 403 whatever they send', async () => {
    const reception = await makeStaff({ homeRole: 'RECEPTIONIST', skills: { INVOICE: 0, RECORD_PAYMENT: 0 } })
    session.current = { user: { id: reception.id, sv: 1 } }
    for (const query of ['kind=nope&from=x&to=y', '', 'kind=invoices&from=2026-01-01&to=2026-01-31']) {
      const response = await exportRoute(new Request(`http://localhost/api/back/export?${query}`))
      expect(response.status, query).toBe(403)
    }
    session.current = { user: { id: back.id, sv: 1 } }
    expect((await exportRoute(new Request('http://localhost/api/back/export?kind=nope'))).status).toBe(422)
  })
})
