import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { db, sql } from '../db'
import { outboxEnv } from '../env'
import { PermanentFailure, TemporaryFailure, failureText } from './failures'
import { outboxHandler, type OutboxOutcome, type OutboxWork } from './registry'

/** What became of one try: `retry` asks the queue to try the job again after its backoff. */
export type TryResult = 'sent' | 'failed' | 'dead' | 'retry' | 'done-already'

interface Claimed {
  kind: string
  key: string
  payload: unknown
  orderId: string | null
  attempts: number
  maxAttempts: number
  resumed: boolean
}

/**
 * Take the entry for one try: only if nobody holds it, or its holder's lease has lapsed (that worker died). The
 * claim is one UPDATE, so of two workers handed the same entry (a job retried while a slow try still runs, a manual
 * retry) exactly one proceeds.
 */
async function claim(id: string, leaseSeconds: number): Promise<Claimed | undefined> {
  const rows = await sql<Claimed>(
    `WITH before AS (SELECT id, status FROM "OutboxEntry" WHERE id = $1 FOR UPDATE)
     UPDATE "OutboxEntry" e SET status = 'SENDING', attempts = e.attempts + 1,
       "claimedUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => $2), "updatedAt" = now() AT TIME ZONE 'UTC'
     FROM before
     WHERE e.id = before.id
       AND (before.status IN ('PENDING', 'RETRYING') OR (before.status = 'SENDING' AND e."claimedUntil" < now() AT TIME ZONE 'UTC'))
     RETURNING e.kind, e.key, e.payload, e."orderId", e.attempts, e."maxAttempts", before.status = 'SENDING' AS "resumed"`,
    [id, leaseSeconds],
  )
  return rows[0]
}

/** Record the outcome, fenced by the attempt number (a try whose lease lapsed and was taken over records nothing),
 * with the handler's own consequences in the same transaction. */
async function settle(work: OutboxWork, outcome: OutboxOutcome): Promise<boolean> {
  const handler = outboxHandler(work.kind)
  return db().$transaction(async (tx) => {
    const done = outcome.status === 'SENT' || outcome.status === 'FAILED' || outcome.status === 'DEAD'
    const updated = await tx.outboxEntry.updateMany({
      where: { id: work.id, status: 'SENDING', attempts: work.attempt },
      data: {
        status: outcome.status,
        claimedUntil: null,
        doneAt: done ? new Date() : null,
        ...(outcome.status === 'SENT'
          ? { result: (outcome.result ?? undefined) as Prisma.InputJsonValue | undefined, lastError: null }
          : { lastError: outcome.error }),
      },
    })
    if (updated.count !== 1) return false
    await handler?.settled?.(tx, work, outcome)
    return true
  })
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TemporaryFailure(`no answer within ${Math.round(ms / 1000)} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function outcomeOf(error: unknown, work: OutboxWork): OutboxOutcome {
  const text = failureText(error)
  if (error instanceof PermanentFailure) return { status: 'FAILED', error: text }
  return { status: work.attempt >= work.maxAttempts ? 'DEAD' : 'RETRYING', error: text }
}

const RESULT_OF: Record<OutboxOutcome['status'], TryResult> = { SENT: 'sent', FAILED: 'failed', DEAD: 'dead', RETRYING: 'retry' }

/**
 * One try of one entry (the worker calls it for each job): claim, run the kind's handler outside any transaction,
 * record the outcome. Between the provider's answer and the record a crash can happen; the next try then runs with
 * `resumed` and the same idempotency key (docs/decisions/019-durable-outbox.md, "Exactly once").
 */
export async function tryOutboxEntry(id: string): Promise<TryResult> {
  const { HANDOFF_OUTBOX_LEASE_SECONDS: lease } = outboxEnv()
  const claimed = await claim(id, lease)
  if (!claimed) {
    const current = await db().outboxEntry.findUnique({ where: { id }, select: { status: true } })
    // Held by a live try elsewhere: look again after the backoff (that try may yet die).
    return current?.status === 'SENDING' ? 'retry' : 'done-already'
  }
  const work: OutboxWork = {
    id,
    kind: claimed.kind,
    key: claimed.key,
    payload: claimed.payload,
    orderId: claimed.orderId,
    attempt: claimed.attempts,
    maxAttempts: claimed.maxAttempts,
    resumed: claimed.resumed,
  }
  const handler = outboxHandler(claimed.kind)
  let outcome: OutboxOutcome
  try {
    if (!handler) throw new PermanentFailure(`no handler for the kind ${claimed.kind}`)
    const parsed = { ...work, payload: parsePayload(handler.parse, claimed.payload) }
    const result = await withTimeout(handler.run(parsed), Math.max(1000, (lease - 1) * 1000))
    outcome = { status: 'SENT', result: result ?? null }
  } catch (error) {
    outcome = outcomeOf(error, work)
  }
  const recorded = await settle(work, outcome)
  return recorded ? RESULT_OF[outcome.status] : 'done-already'
}

function parsePayload(parse: (payload: unknown) => unknown, payload: unknown): unknown {
  try {
    return parse(payload)
  } catch (error) {
    throw new PermanentFailure(`malformed payload: ${failureText(error)}`)
  }
}
