// The app's connections behind PgBouncer in transaction mode (docs/deployment.md), with Debian's PgBouncer: before
// 1.21 it keeps no prepared statement across server connections, and a LISTEN through it stays on a server
// connection that other clients borrow. The bouncer here has ONE server connection, so every client shares it.
// (npm run test:scale-out runs the whole app this way: two instances, haproxy, live streams.)
import net from 'node:net'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { pool, sql } from '@/server/db'
import { orderEvents, ORDERS_CHANNEL, type OrderEvent } from '@/server/live/order-events'
import { pgBouncerBinary, startPgBouncer, type RunningBouncer } from '../../scripts/lib/pgbouncer'

let bouncer: RunningBouncer | undefined
let directUrl = ''
let pooledUrl = ''

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** The app's pool afresh, with these settings (the pool reads them when it is created). */
async function usePool(settings: Record<string, string | undefined>) {
  const current = pool()
  if (!current.ended) await current.end()
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
}

/** Many sql() calls at once, on as many client connections: every one must answer its own value. */
async function concurrentStatements(): Promise<number[]> {
  const answers: number[] = []
  for (let round = 0; round < 3; round++) {
    const rows = await Promise.all(Array.from({ length: 8 }, (_, i) => sql<{ n: number }>('SELECT $1::int AS n', [round * 10 + i])))
    answers.push(...rows.map((r) => r[0]!.n))
  }
  return answers
}
const expected = [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 25, 26, 27]

describe.skipIf(!pgBouncerBinary())('behind PgBouncer in transaction mode (CI installs pgbouncer)', () => {
  beforeAll(async () => {
    directUrl = process.env.DATABASE_URL!
    // One server connection: every client of the bouncer shares it.
    bouncer = await startPgBouncer({ databaseUrl: directUrl, port: await freePort(), poolSize: 1 })
    pooledUrl = bouncer.url
  })

  afterAll(async () => {
    await orderEvents().close()
    await usePool({ DATABASE_URL: directUrl, DATABASE_DIRECT_URL: undefined, DB_PREPARED_STATEMENTS: undefined, DB_POOL_SIZE: undefined })
    bouncer?.stop()
  })

  beforeEach(async () => {
    await usePool({ DATABASE_URL: pooledUrl, DATABASE_DIRECT_URL: directUrl, DB_POOL_SIZE: '8', DB_PREPARED_STATEMENTS: undefined })
  })

  it('runs sql() with unnamed statements when DB_PREPARED_STATEMENTS=unnamed, leaving none prepared on the server', async () => {
    await usePool({ DB_PREPARED_STATEMENTS: 'unnamed' })
    expect(await concurrentStatements()).toEqual(expected)
    // The bouncer's one server connection served every statement above.
    const [prepared] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements')
    expect(prepared!.n).toBe(0)
  })

  it('falls back to unnamed statements, with one warning, when the setting was forgotten: no request fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      expect(await concurrentStatements()).toEqual(expected)
      expect(await concurrentStatements()).toEqual(expected)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]![0])).toMatch(/DB_PREPARED_STATEMENTS=unnamed/)
    } finally {
      warn.mockRestore()
    }
  })

  it('keeps the live LISTEN on a direct connection, so notifications reach it', async () => {
    const events: OrderEvent[] = []
    const unsubscribe = orderEvents().subscribe((event) => events.push(event))
    try {
      await orderEvents().ensureConnected()
      expect(orderEvents().connected).toBe(true)
      // Another app instance's write: its trigger notifies on the channel.
      const writer = new pg.Client({ connectionString: directUrl })
      await writer.connect()
      const event: OrderEvent = { id: '00000000-0000-4000-8000-000000000001', version: 1, op: 'INSERT' }
      await writer.query('SELECT pg_notify($1, $2)', [ORDERS_CHANNEL, JSON.stringify(event)])
      await writer.end()
      await vi.waitFor(() => expect(events).toEqual([event]), { timeout: 5_000 })
    } finally {
      unsubscribe()
      await orderEvents().close()
    }
  })
})
