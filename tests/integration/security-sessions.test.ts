// What ends access besides signing out (#20): API tokens are bound to their owner's credentials the way sessions are
// (a password reset and a deactivation end them; reactivation does not revive them), open live streams notice a
// deactivation or a change of rights within one re-check, and the API's per-token budget is one budget however
// many app instances serve the token.
import pg from 'pg'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { GET as listOrdersRoute } from '@/app/api/v1/orders/route'
import { GET as liveOrders } from '@/app/api/live/orders/route'
import type { Actor } from '@/server/auth/actor'
import { RateLimiter } from '@/server/api/rate-limit'
import { LIVE_RECHECK_MS } from '@/server/live/live-access'
import { orderEvents } from '@/server/live/order-events'
import { resetPassword } from '@/server/team/reset-password'
import { setSkillLevel } from '@/server/team/set-skill-level'
import { setStaffActive } from '@/server/team/set-staff-active'
import { sql } from '@/server/db'
import { call, tokenFor } from '../support/api'
import { makeActor, makeStaff } from '../support/factories'
import { session } from './security-support'

vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))

let manager: Actor
beforeAll(async () => {
  manager = await makeActor({ homeRole: 'MANAGER' })
})

describe('API tokens follow the account', () => {
  it('a password reset ends the person’s tokens', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const token = await tokenFor(person.id)
    expect((await call(listOrdersRoute, { token })).status).toBe(200)
    await resetPassword(manager, { userId: person.id, password: 'a brand new passphrase 7' })
    expect((await call(listOrdersRoute, { token })).status).toBe(401)
  })

  it('deactivation ends them, and reactivation does not bring them back; a new token works', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const token = await tokenFor(person.id)
    expect((await call(listOrdersRoute, { token })).status).toBe(200)
    await setStaffActive(manager, { userId: person.id, active: false })
    expect((await call(listOrdersRoute, { token })).status).toBe(401)
    await setStaffActive(manager, { userId: person.id, active: true })
    expect((await call(listOrdersRoute, { token })).status).toBe(401)
    expect((await call(listOrdersRoute, { token: await tokenFor(person.id) })).status).toBe(200)
  })

  it('a token written straight into the table is bound to the owner’s credentials as they are then', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    await resetPassword(manager, { userId: person.id, password: 'another fresh passphrase 8' })
    const token = await tokenFor(person.id)
    const [row] = await sql<{ bound: number; current: number }>(
      `SELECT t."credentialVersion" AS bound, u."credentialVersion" AS current FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE t."userId" = $1::uuid`,
      [person.id],
    )
    expect(row).toEqual({ bound: 2, current: 2 })
    expect((await call(listOrdersRoute, { token })).status).toBe(200)
  })

  it('a change of skills does not end a token: it acts with the new rights', async () => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE', skills: { CUSTOMER_SERVICE: 2 } })
    const token = await tokenFor(person.id)
    expect((await call(listOrdersRoute, { token })).status).toBe(200)
    await setSkillLevel(manager, { userId: person.id, task: 'TAKE_ORDER', level: 2 })
    expect((await call(listOrdersRoute, { token })).status).toBe(200)
  })
})

describe('open live streams', () => {
  afterEach(async () => {
    vi.useRealTimers()
    session.current = null
    await orderEvents().close()
  })

  /** Open /api/live/orders as the person and read up to the "ready" event. */
  async function openStream(userId: string) {
    session.current = { user: { id: userId, sv: 1 } }
    const response = await liveOrders(new Request('http://localhost/api/live/orders'))
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    while (!text.includes('event: ready')) {
      const { value, done } = await reader.read()
      if (done) throw new Error(`stream ended before it was ready: ${text}`)
      text += decoder.decode(value)
    }
    /** Everything the stream sends until it closes. */
    const rest = async () => {
      let tail = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return tail
        tail += decoder.decode(value)
      }
    }
    return { rest }
  }

  it.each([
    ['is deactivated', (id: string) => setStaffActive(manager, { userId: id, active: false })],
    ['loses the right to follow orders', (id: string) => setSkillLevel(manager, { userId: id, task: 'FULFILL', level: 0 })],
  ] as const)('closes within one re-check when its person is %s', async (_, change) => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    // Fulfilling is their only right to read orders; the skill change keeps the session but takes that right away.
    const person = await makeStaff({
      homeRole: 'RECEPTIONIST',
      skills: { TAKE_ORDER: 0, HANDLE_PICKUP: 0, CUSTOMER_SERVICE: 0, FULFILL: 2 },
    })
    const stream = await openStream(person.id)
    const closed = stream.rest()
    await change(person.id)
    vi.advanceTimersByTime(LIVE_RECHECK_MS)
    expect(await closed).toContain('event: end')
  })
})

describe('the API rate limit is shared by every instance', () => {
  it('two instances with their own connection pools draw on one budget per token', async () => {
    const other = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 })
    try {
      const query = async <T extends object>(text: string, values: readonly unknown[]) =>
        (await other.query<T>(text, values as unknown[])).rows
      const first = new RateLimiter(10, 0.01)
      const second = new RateLimiter(10, 0.01, query)
      const key = crypto.randomUUID()
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).take(key)))
      expect(answers.filter((a) => a === null)).toHaveLength(10)
      for (const wait of answers.filter((a) => a !== null)) expect(wait).toBeGreaterThanOrEqual(1)
      // Another token has its own budget.
      expect(await second.take(crypto.randomUUID())).toBeNull()
    } finally {
      await other.end()
    }
  })
})
