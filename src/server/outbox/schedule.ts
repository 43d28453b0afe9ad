import 'server-only'
import type PgBoss from 'pg-boss'
import { OUTBOX_CRON_QUEUE } from './queue'

/** A periodic job that decides outbox entries (e.g. reminders): it must be idempotent (its entries' keys make it so),
 * since two instances may run the same slot's sweep after a crash. */
export type Sweep = () => Promise<void>

const globalForSweeps = globalThis as unknown as { handoffOutboxSweeps?: Map<string, Sweep> }
const sweeps = (globalForSweeps.handoffOutboxSweeps ??= new Map<string, Sweep>())

export function registerSweep(name: string, sweep: Sweep): void {
  sweeps.set(name, sweep)
}

/** Every registered sweep, one after the other (a failing one does not stop the others). */
export async function runSweeps(): Promise<void> {
  for (const [name, sweep] of sweeps) {
    await sweep().catch((error: unknown) => console.warn(`[handoff] outbox: sweep ${name} failed: ${(error as Error).message}`))
  }
}

/** pg-boss's cron sends one job to the sweep queue every 15 minutes, whichever instances are up; one worker runs it. */
export async function scheduledSweeps(boss: PgBoss): Promise<void> {
  await boss.schedule(OUTBOX_CRON_QUEUE, '*/15 * * * *', {}, { retryLimit: 1, expireInSeconds: 600 })
  await boss.work(OUTBOX_CRON_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    await runSweeps()
  })
}
