// The durable outbox's core (docs/decisions/019-durable-outbox.md), on a generic kind that calls a local HTTP
// endpoint: an entry commits or rolls back with the business transaction, is carried out once after commit, retried
// with backoff on temporary failures, ends FAILED on a permanent one and DEAD after its tries.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { db } from '@/server/db'
import { enqueueOutbox } from '@/server/outbox/enqueue'
import { PermanentFailure, TemporaryFailure } from '@/server/outbox/failures'
import { registerOutboxHandler } from '@/server/outbox/registry'
import { startOutboxWorker, type OutboxWorker } from '@/server/outbox/worker'
import { until } from '../support/wait'

process.env.HANDOFF_OUTBOX_RETRY_DELAY_SECONDS = '1'
process.env.HANDOFF_OUTBOX_POLL_SECONDS = '0.5'

/** A provider that answers each request per its path's script: 200 once up, 503 while down, 400 to refuse. */
const received: Array<{ path: string; key: string | undefined }> = []
const downFor = new Map<string, number>()
let server: Server
let base = ''
let worker: OutboxWorker

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/'
    received.push({ path, key: req.headers['idempotency-key'] as string | undefined })
    const left = downFor.get(path) ?? 0
    if (path.startsWith('/refuse')) return res.writeHead(400).end('{"error":"bad recipient"}')
    if (left > 0) {
      downFor.set(path, left - 1)
      return res.writeHead(503).end()
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `msg-${received.length}` }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  registerOutboxHandler('test.call', {
    parse: (payload) => z.object({ path: z.string() }).strict().parse(payload),
    run: async (work) => {
      const res = await fetch(`${base}${work.payload.path}`, { method: 'POST', headers: { 'idempotency-key': work.key } })
      if (res.status >= 500) throw new TemporaryFailure(`provider answered ${res.status}`)
      if (!res.ok) throw new PermanentFailure(`provider refused: ${res.status}`)
      return (await res.json()) as { id: string }
    },
  })
  worker = await startOutboxWorker({ schedule: false, pollSeconds: 0.5 })
})

afterAll(async () => {
  await worker?.stop()
  await new Promise((resolve) => server.close(resolve))
})

const entry = (key: string) => db().outboxEntry.findUnique({ where: { key } })
const settledEntry = (key: string) =>
  until(
    async () => {
      const row = await entry(key)
      return row && ['SENT', 'FAILED', 'DEAD'].includes(row.status) ? row : undefined
    },
    25_000,
    `entry ${key} to settle`,
  )
const calls = (path: string) => received.filter((r) => r.path === path)

describe('the outbox', () => {
  it('carries out an entry once, after its transaction commits, with its idempotency key', async () => {
    await db().$transaction(async (tx) => {
      const first = await enqueueOutbox(tx, { kind: 'test.call', key: 'k-once', payload: { path: '/once' } })
      const again = await enqueueOutbox(tx, { kind: 'test.call', key: 'k-once', payload: { path: '/once' } })
      expect(first.created).toBe(true)
      expect(again).toEqual({ id: first.id, created: false })
    })
    const row = await settledEntry('k-once')
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, lastError: null })
    expect(row.result).toMatchObject({ id: expect.stringMatching(/^msg-/) })
    expect(calls('/once')).toEqual([{ path: '/once', key: 'k-once' }])
  })

  it('writes nothing when the business transaction rolls back', async () => {
    await expect(
      db().$transaction(async (tx) => {
        await enqueueOutbox(tx, { kind: 'test.call', key: 'k-rollback', payload: { path: '/rollback' } })
        throw new Error('the business change failed')
      }),
    ).rejects.toThrow('the business change failed')
    expect(await entry('k-rollback')).toBeNull()
    // No job without its entry either (the job was written in the same transaction).
    const jobs = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job j WHERE j.name = 'outbox' AND NOT EXISTS (SELECT 1 FROM "OutboxEntry" e WHERE e.id::text = j.data->>'id')`
    expect(Number(jobs[0]!.n)).toBe(0)
  })

  it('retries a temporary failure with backoff and delivers once the provider is back', async () => {
    downFor.set('/flaky', 2)
    await db().$transaction((tx) => enqueueOutbox(tx, { kind: 'test.call', key: 'k-flaky', payload: { path: '/flaky' } }))
    const row = await settledEntry('k-flaky')
    expect(row).toMatchObject({ status: 'SENT', attempts: 3 })
    expect(calls('/flaky').map((c) => c.key)).toEqual(['k-flaky', 'k-flaky', 'k-flaky'])
    // The backoff: the third call came at least 1 + 2 seconds after the first (pg-boss doubles retryDelay).
    expect(row.doneAt!.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(2_000)
  })

  it('ends a permanent failure at once, and a run of temporary ones as dead after maxAttempts', async () => {
    downFor.set('/down', 99)
    await db().$transaction(async (tx) => {
      await enqueueOutbox(tx, { kind: 'test.call', key: 'k-refused', payload: { path: '/refuse' } })
      await enqueueOutbox(tx, { kind: 'test.call', key: 'k-dead', payload: { path: '/down' }, maxAttempts: 2 })
      await enqueueOutbox(tx, { kind: 'no.such.kind', key: 'k-unknown', payload: {} })
    })
    expect(await settledEntry('k-refused')).toMatchObject({ status: 'FAILED', attempts: 1, lastError: expect.stringContaining('400') })
    expect(await settledEntry('k-dead')).toMatchObject({ status: 'DEAD', attempts: 2, lastError: expect.stringContaining('503') })
    expect(await settledEntry('k-unknown')).toMatchObject({ status: 'FAILED', lastError: expect.stringContaining('no handler') })
    expect(calls('/down')).toHaveLength(2)
  })
})
