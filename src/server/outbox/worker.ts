import 'server-only'
import PgBoss from 'pg-boss'
import { outboxEnv } from '../env'
import { tryOutboxEntry } from './deliver'
import './handlers'
import { OUTBOX_CRON_QUEUE, OUTBOX_QUEUE, PGBOSS_SCHEMA, poolDb } from './queue'
import { scheduledSweeps } from './schedule'

export interface OutboxWorker {
  stop: () => Promise<void>
}

export interface WorkerOptions {
  /** Entries carried out at once (default HANDOFF_OUTBOX_CONCURRENCY). */
  concurrency?: number
  /** Seconds between looks for work when idle (default HANDOFF_OUTBOX_POLL_SECONDS). */
  pollSeconds?: number
  /** Run the scheduled sweeps (default true). */
  schedule?: boolean
}

const log = (line: string) => console.warn(`[handoff] outbox: ${line}`)

/**
 * Start delivering outbox entries in this process: a pg-boss worker over the process's pool, any number of them on
 * one database (pg-boss hands each job to one of them: SELECT … FOR UPDATE SKIP LOCKED). Its supervisor expires the
 * jobs of a worker that died, so they are tried again once the lease lapses.
 */
export async function startOutboxWorker(options: WorkerOptions = {}): Promise<OutboxWorker> {
  const env = outboxEnv()
  const concurrency = options.concurrency ?? env.HANDOFF_OUTBOX_CONCURRENCY
  const boss = new PgBoss({
    db: poolDb(),
    schema: PGBOSS_SCHEMA,
    supervise: true,
    // Expired jobs (a killed worker's) are found by the maintenance pass: often enough that a lease is the delay.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(env.HANDOFF_OUTBOX_LEASE_SECONDS / 2))),
    schedule: options.schedule ?? true,
    // The schema is created by the app's migrations (prisma/migrations/*_outbox); a later pg-boss migrates its own.
    migrate: true,
  })
  boss.on('error', (error: Error) => log(`queue error: ${error.message}`))
  await boss.start()
  const workerId = await boss.work<{ id: string }>(
    OUTBOX_QUEUE,
    { batchSize: concurrency, pollingIntervalSeconds: options.pollSeconds ?? env.HANDOFF_OUTBOX_POLL_SECONDS },
    async (jobs) => {
      const results = await Promise.all(jobs.map((job) => tryOutboxEntry(job.data.id).catch(() => 'retry' as const)))
      const retry = jobs.filter((_, i) => results[i] === 'retry').map((job) => job.id)
      // The others complete when this returns; these go back to the queue for their backoff.
      if (retry.length > 0) await boss.fail(OUTBOX_QUEUE, retry)
      // A full batch: there is probably more waiting, so look again at once rather than after the poll interval.
      if (jobs.length === concurrency) boss.notifyWorker(workerId)
    },
  )
  if (options.schedule ?? true) await scheduledSweeps(boss)
  let stopped = false
  return {
    stop: async () => {
      if (stopped) return
      stopped = true
      // Graceful: the tries in flight finish and record; nothing new is fetched.
      await boss.stop({ graceful: true, wait: true, timeout: 30_000, close: false })
    },
  }
}

export { OUTBOX_CRON_QUEUE }
