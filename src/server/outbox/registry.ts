import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Tx } from '../db'

/** One entry as its handler sees it. */
export interface OutboxWork<P = unknown> {
  id: string
  kind: string
  /** The idempotency key (unique per event and target): hand it to any provider that accepts one. */
  key: string
  payload: P
  orderId: string | null
  /** 1 for the first try. */
  attempt: number
  maxAttempts: number
  /** An earlier try was cut off (its worker died) after it may have reached the provider: a handler whose provider
   * can be asked "did you get key X?" should ask before doing it again. */
  resumed: boolean
}

export type OutboxOutcome =
  { status: 'SENT'; result: Prisma.InputJsonValue | null } | { status: 'RETRYING' | 'FAILED' | 'DEAD'; error: string }

export interface OutboxHandler<P = unknown> {
  /** Checks the stored payload (a zod schema's parse): a malformed one is a permanent failure. */
  parse: (payload: unknown) => P
  /** Carries the entry out; throws TemporaryFailure or PermanentFailure (failures.ts). What it returns is kept in
   * OutboxEntry.result (e.g. the provider's message id). Runs outside any transaction. */
  run: (work: OutboxWork<P>) => Promise<Prisma.InputJsonValue | void>
  /** Optional: writes what follows from the outcome (a timeline row, the business record's own state) in the same
   * transaction that records it, so the two never disagree. */
  settled?: (tx: Tx, work: OutboxWork<P>, outcome: OutboxOutcome) => Promise<void>
}

const globalForHandlers = globalThis as unknown as { handoffOutboxHandlers?: Map<string, OutboxHandler> }
const handlers = (globalForHandlers.handoffOutboxHandlers ??= new Map<string, OutboxHandler>())

/** Plugs in a kind of outbox entry. Called at module load by the kinds listed in handlers.ts. */
export function registerOutboxHandler<P>(kind: string, handler: OutboxHandler<P>): void {
  handlers.set(kind, handler as OutboxHandler)
}

export function outboxHandler(kind: string): OutboxHandler | undefined {
  return handlers.get(kind)
}
