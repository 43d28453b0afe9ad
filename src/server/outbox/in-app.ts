import 'server-only'
import { outboxEnv } from '../env'
import { startOutboxWorker, type OutboxWorker } from './worker'

const globalForWorker = globalThis as unknown as { handoffOutboxWorker?: Promise<OutboxWorker | undefined> }

/** The worker inside the web server's process (instrumentation.ts), once per process, stopped on SIGTERM/SIGINT so
 * the tries in flight record their outcome. A failure to start is logged, not fatal: entries wait in the database
 * for the next start or another instance's worker. */
export function startOutboxInApp(): Promise<OutboxWorker | undefined> {
  if (outboxEnv().HANDOFF_OUTBOX_WORKER !== 'in-app') return Promise.resolve(undefined)
  globalForWorker.handoffOutboxWorker ??= startOutboxWorker().then(
    (worker) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void worker.stop())
      return worker
    },
    (error: unknown) => {
      console.warn(`[handoff] outbox: the worker did not start: ${(error as Error).message}`)
      return undefined
    },
  )
  return globalForWorker.handoffOutboxWorker
}
