import 'server-only'
import PgBoss from 'pg-boss'
import { pool, type SqlQuery, type Tx } from '../db'

/** The queue every outbox entry goes through (created by the migration *_outbox, with the pg-boss schema). */
export const OUTBOX_QUEUE = 'outbox'
/** The queue of scheduled sweeps (e.g. reminders for orders not collected), also carried by the outbox worker. */
export const OUTBOX_CRON_QUEUE = 'outbox-cron'
export const PGBOSS_SCHEMA = 'pgboss'

/** pg-boss's parameters as PostgreSQL takes them through Prisma: no undefined, objects as JSON text. */
function bindable(values: readonly unknown[]): unknown[] {
  return values.map((value) => {
    if (value === undefined) return null
    if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) return JSON.stringify(value)
    return value
  })
}

/** pg-boss's statements inside the caller's Prisma interactive transaction: a job sent through it commits or rolls
 * back with the business change. */
export function transactionDb(tx: Tx): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe(text, ...bindable(values ?? [])) }) }
}

/** pg-boss's statements inside a plain `sqlTransaction` (the order's insert, create-order.ts). */
export function sqlTransactionDb(query: SqlQuery): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: await query(text, values ?? []) }) }
}

/** pg-boss's statements through the process's one pool (src/server/db.ts): no second pool, no extra server. */
export function poolDb(): PgBoss.Db {
  return { executeSql: async (text, values) => pool().query(text, values as unknown[]) }
}

const globalForBoss = globalThis as unknown as { handoffBossSender?: PgBoss }

/** A pg-boss that is never started: it only writes jobs, always through the `db` of the call (transactionDb). */
export function jobSender(): PgBoss {
  globalForBoss.handoffBossSender ??= new PgBoss({ db: poolDb(), schema: PGBOSS_SCHEMA })
  return globalForBoss.handoffBossSender
}
