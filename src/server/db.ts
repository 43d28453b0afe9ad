import 'server-only'
import { createHash } from 'node:crypto'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { Prisma, PrismaClient } from '@/generated/prisma/client'
import { databaseEnv } from './env'

export type Db = PrismaClient
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

const globalForDb = globalThis as unknown as { handoffPrisma?: PrismaClient; handoffPool?: pg.Pool; handoffNamedStatements?: boolean }

/**
 * The process's one connection pool, shared by Prisma (through its pg adapter) and `sql()`. Created on first use, so
 * tests can point DATABASE_URL at their own database before anything touches it; created again after
 * `db().$disconnect()` ended it.
 */
export function pool(): pg.Pool {
  const current = globalForDb.handoffPool
  if (current && !current.ended) return current
  const { DATABASE_URL, DB_POOL_SIZE, DB_PREPARED_STATEMENTS } = databaseEnv()
  // allowExitOnIdle: scripts end when their work is done, without waiting for idle connections to time out.
  const created = new pg.Pool({ connectionString: DATABASE_URL, max: DB_POOL_SIZE, allowExitOnIdle: true })
  // A connection that dies while idle (server restart, a test database dropped WITH (FORCE)) is dropped from the
  // pool; without a listener pg would throw it as an uncaught error.
  created.on('error', (error: Error & { code?: string }) => {
    // 57P01: the server is shutting down (Ctrl-C on `npm run dev` stops the database too) — not worth a line.
    if (error.code !== '57P01') console.error('[handoff] idle database connection failed', error.message)
  })
  globalForDb.handoffPool = created
  globalForDb.handoffNamedStatements = DB_PREPARED_STATEMENTS === 'named'
  return created
}

/** One client per process (Next's dev server reloads modules; the pool must survive that). `$disconnect()` ends the
 * shared pool too. */
export function db(): PrismaClient {
  globalForDb.handoffPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool(), { disposeExternalPool: true }) })
  return globalForDb.handoffPrisma
}

/**
 * One SQL statement straight to the pool, for the few hot paths where Prisma's per-query cost dominates (API
 * authentication, taking an order: see docs/decisions/007-hot-paths-in-sql.md). Parameters are always bound
 * ($1, $2, …), never spliced into the text. Timestamps: the columns are `timestamp` in UTC, so write them with
 * `utc($n)` and read them `AS TIME ZONE`-qualified (see `UTC_READ`), whatever the process's time zone.
 */
export async function sql<T extends object>(text: string, values: readonly unknown[] = []): Promise<T[]> {
  const connections = pool()
  if (globalForDb.handoffNamedStatements) {
    try {
      // Named, so each connection parses and plans a statement once and then only executes it (the texts are constants).
      return (await connections.query<T>({ name: statementName(text), text, values: values as unknown[] })).rows
    } catch (error) {
      if (!lostPreparedStatement(error)) throw error
      // Nothing ran (the statement failed at Parse or Bind), so running it again unnamed is safe. Said once, though
      // the statements in flight at that moment all fail alike.
      if (globalForDb.handoffNamedStatements)
        console.warn(
          '[handoff] named prepared statements fail through this pool (a transaction-mode PgBouncer before 1.21?): using unnamed ones from now on; set DB_PREPARED_STATEMENTS=unnamed (docs/deployment.md)',
        )
      globalForDb.handoffNamedStatements = false
    }
  }
  // Unnamed (DB_PREPARED_STATEMENTS=unnamed): parsed and planned on every call, but valid on whichever server
  // connection a transaction-mode bouncer hands out.
  return (await connections.query<T>({ text, values: values as unknown[] })).rows
}

/** The statements of one `sqlTransaction`, all on its connection. */
export type SqlQuery = <T extends object>(text: string, values?: readonly unknown[]) => Promise<T[]>

/**
 * A few plain statements in one transaction on one pooled connection (BEGIN … COMMIT, ROLLBACK when `work` throws),
 * for a hot path that must write something beside its one statement (an outbox job: create-order.ts). Unnamed
 * statements, so a transaction-mode bouncer can run it.
 */
export async function sqlTransaction<T>(work: (query: SqlQuery) => Promise<T>): Promise<T> {
  const client = await pool().connect()
  const query: SqlQuery = async <R extends object>(text: string, values: readonly unknown[] = []) =>
    (await client.query<R>({ text, values: values as unknown[] })).rows
  try {
    await client.query('BEGIN')
    const result = await work(query)
    await client.query('COMMIT')
    client.release()
    return result
  } catch (error) {
    // A connection whose ROLLBACK fails is broken: destroyed rather than handed out again.
    await client.query('ROLLBACK').then(
      () => client.release(),
      (rollback: Error) => client.release(rollback),
    )
    throw error
  }
}

/** What a transaction-mode bouncer does to named statements: the connection that prepared one is not the one that
 * runs it (26000 "does not exist"), or another client prepared the same name there first (42P05 "already exists"). */
function lostPreparedStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '26000' || code === '42P05'
}

const statementNames = new Map<string, string>()
function statementName(text: string): string {
  let name = statementNames.get(text)
  if (name === undefined) {
    name = `handoff_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`
    statementNames.set(text, name)
  }
  return name
}

/** `timestamp` column → a correctly parsed Date: `${utcRead('"createdAt"')} AS "createdAt"`. */
export const utcRead = (column: string) => `(${column} AT TIME ZONE 'UTC')`

/** A Date parameter → the UTC `timestamp` the columns hold: `${utcWrite('$3')}`. */
export const utcWrite = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`

/** The same in Prisma's tagged SQL: a moment (a Date, or an ISO string with its offset) as the UTC `timestamp` the
 * columns hold (Prisma's convention for DateTime), whatever the session's time zone. */
export const utcValue = (at: Date | string): Prisma.Sql =>
  Prisma.sql`(${typeof at === 'string' ? at : at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`
