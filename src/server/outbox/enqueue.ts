import 'server-only'
import type PgBoss from 'pg-boss'
import type { Prisma } from '@/generated/prisma/client'
import type { Tx } from '../db'
import { outboxEnv } from '../env'
import { OUTBOX_QUEUE, jobSender, transactionDb } from './queue'

export interface OutboxRequest {
  /** A kind registered in handlers.ts. */
  kind: string
  /** The idempotency key, unique per event and target (e.g. `msg:order-ready:<orderId>:email`): deciding the same
   * effect twice writes one entry. At most 200 characters. */
  key: string
  payload: Prisma.InputJsonValue
  /** The order it belongs to, if any (its timeline and the messages list show it). */
  orderId?: string | null
  /** Not before this moment (a reminder). */
  startAfter?: Date
  maxAttempts?: number
}

/** The pg-boss options of one entry's job: the retries outlast the entry's tries (the entry decides when it is dead),
 * the job expires when a try's lease does, so a killed worker's job is taken up again. */
export function jobOptions(maxAttempts: number, startAfter?: Date): PgBoss.SendOptions {
  const env = outboxEnv()
  return {
    retryLimit: maxAttempts + 2,
    retryDelay: env.HANDOFF_OUTBOX_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: env.HANDOFF_OUTBOX_LEASE_SECONDS,
    ...(startAfter ? { startAfter } : {}),
  }
}

/**
 * Decide an effect inside the business transaction `tx`: writes the outbox entry and its pg-boss job, both committed
 * or rolled back with the change. Deciding it again (the same key) changes nothing and returns the first entry.
 */
export async function enqueueOutbox(tx: Tx, request: OutboxRequest): Promise<{ id: string; created: boolean }> {
  const maxAttempts = request.maxAttempts ?? outboxEnv().HANDOFF_OUTBOX_MAX_ATTEMPTS
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutboxEntry" (kind, key, payload, "orderId", "maxAttempts")
    VALUES (${request.kind}, ${request.key}, ${JSON.stringify(request.payload)}::jsonb, ${request.orderId ?? null}::uuid, ${maxAttempts})
    ON CONFLICT (key) DO NOTHING
    RETURNING id`
  const id = inserted[0]?.id
  if (id === undefined) {
    const existing = await tx.outboxEntry.findUniqueOrThrow({ where: { key: request.key }, select: { id: true } })
    return { id: existing.id, created: false }
  }
  await sendJob(tx, id, maxAttempts, request.startAfter)
  return { id, created: true }
}

/** The job that makes a worker carry the entry out; inside `tx`. */
export async function sendJob(tx: Tx, entryId: string, maxAttempts: number, startAfter?: Date): Promise<void> {
  await sendJobThrough(transactionDb(tx), entryId, maxAttempts, startAfter)
}

/** The same through any transaction's pg-boss `db` (a plain `sqlTransaction`: queue.ts sqlTransactionDb). */
export async function sendJobThrough(db: PgBoss.Db, entryId: string, maxAttempts: number, startAfter?: Date): Promise<void> {
  await jobSender().send(OUTBOX_QUEUE, { id: entryId }, { ...jobOptions(maxAttempts, startAfter), db })
}
