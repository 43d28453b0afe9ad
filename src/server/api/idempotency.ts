import 'server-only'
import { createHash } from 'node:crypto'
import { DomainError, isDomainError } from '@/domain/errors'
import { sql, utcRead } from '../db'
import { idempotencyTtlSchema } from '../env'

// `Idempotency-Key` for the API's writes, stored in IdempotencyRecord (userId, key) — one mechanism for every route:
// - the first request with a key binds the key to its request (sha256 of method + path + canonical body) in a
//   pending row (status 0), with one INSERT … ON CONFLICT, so concurrent first requests agree on one binding; the
//   request whose INSERT wrote the row holds the claim;
// - a request that differs from the binding is refused with 409, at once (also while the first is running);
// - requests that match the binding get the stored response once there is one: same status, same bytes (the JSON
//   text is stored as a string, as jsonb would reorder the keys), marked replayed;
// - while the binding is pending, what a matching request does depends on the operation:
//   · `rerunnable` operations are themselves idempotent on `operationKey` (createOrder is, on its unique
//     idempotencyKey): every matching request runs it, so 20 at once still make one order, and a retry after a
//     crash simply completes the binding;
//   · the others (a payment, an invoice, recorded work) run only in the request that holds the claim; the rest wait
//     for its response (polling, at most WAIT_MS, then 409 "still in progress"). A claim pending for longer than
//     LEASE_MS belongs to a request that died mid-way: its outcome is unknown, so a retry is told so (409) rather
//     than run a second payment;
// - a refusal by the use case (a DomainError: invalid, forbidden, stale, …) changes nothing and releases the pending
//   binding, so the caller can correct the request and retry with the same key.
// Retention: a record lives `idempotencyTtlHours()` (HANDOFF_IDEMPOTENCY_TTL_HOURS, default 24). An expired record is
// ignored — the key may be used again, for anything — and expired rows are deleted in bounded batches, at most every
// PURGE_EVERY_MS per process, by the request that binds a key.

export interface StoredResponse {
  status: number
  /** The response body as JSON text. */
  json: string
  /** True when this request did not produce the stored response (a retry, or a concurrent duplicate). */
  replayed: boolean
}

export interface IdempotencyScope {
  userId: string
  /** The Idempotency-Key header. */
  key: string
  /** What the request does, e.g. `POST /api/v1/orders/<id>/payments`: a key reused elsewhere is a mismatch. */
  route: string
  body: unknown
}

export interface Binding {
  /** Derived from (user, key, when the key was bound), fixed length, for rerunnable use cases' own idempotency. */
  operationKey: string
}

export type Operation = (binding: Binding) => Promise<{ status: number; body: unknown }>

interface RecordRow {
  route: string
  requestHash: string
  status: number
  response: unknown
  createdAt: Date
  ageMs: number
}

/** How long a waiting request polls for the claim holder's response before answering "still in progress". */
const WAIT_MS = 15_000
/** Longer than any request may run (billing transactions give up after 50 s): an older pending claim was abandoned. */
const LEASE_MS = 120_000
const PURGE_EVERY_MS = 10 * 60_000
const PURGE_BATCH = 1_000

/** How long idempotency records are kept (hours): HANDOFF_IDEMPOTENCY_TTL_HOURS, 1 to 2160, default 24 — validated
 * with the rest of the environment at start-up (src/server/env.ts), read per request so tests can change it. */
export function idempotencyTtlHours(source: Record<string, string | undefined> = process.env): number {
  const parsed = idempotencyTtlSchema.safeParse(source.HANDOFF_IDEMPOTENCY_TTL_HOURS)
  if (!parsed.success) throw new Error('Invalid environment: HANDOFF_IDEMPOTENCY_TTL_HOURS must be a whole number of hours from 1 to 2160')
  return parsed.data
}

/** JSON with object keys sorted at every level (and undefined members dropped), so key order never matters. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256')
    .update(`${route}\n${canonicalJson(body)}`)
    .digest('hex')
}

/** The key handed to a rerunnable use case: per person (two people's keys never meet) and per binding (a key used
 * again after its record expired is a new request), fixed length, prefixed `api-` so the orders an integration
 * created can be told apart (scripts/crash-test.ts relies on it). */
export function derivedKey(userId: string, key: string, boundAt: Date): string {
  return `api-${createHash('sha256').update(`${userId}\n${key}\n${boundAt.toISOString()}`).digest('hex')}`
}

const mismatch = () => new DomainError('CONFLICT', 'api.errors.idempotencyMismatch')
const replay = (row: RecordRow): StoredResponse => ({ status: row.status, json: String(row.response), replayed: true })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// Plain SQL over the shared pool (sql()): every API write runs these, and Prisma's per-query cost would be most of
// their time (docs/decisions/007-hot-paths-in-sql.md). "createdAt" is written and compared by the database's clock
// (now()), one for every instance.
const COLUMNS = `route, "requestHash", status, response, ${utcRead('"createdAt"')} AS "createdAt",
  (extract(epoch FROM now() - "createdAt") * 1000)::float8 AS "ageMs"`
/** SQL for "older than the TTL", the hours being parameter `$n`. */
const expiredBefore = (n: number) => `now() - make_interval(hours => $${n}::int)`

async function readRecord(userId: string, key: string, ttlHours: number): Promise<RecordRow | null> {
  const rows = await sql<RecordRow>(
    `SELECT ${COLUMNS} FROM "IdempotencyRecord" WHERE "userId" = $1::uuid AND key = $2 AND "createdAt" >= ${expiredBefore(3)}`,
    [userId, key, ttlHours],
  )
  return rows[0] ?? null
}

/** Bind the key to this request, or find its live binding. `claimed`: this request wrote the row (a new key, or one
 * whose record had expired). */
async function bind(scope: IdempotencyScope, hash: string, ttlHours: number): Promise<{ row: RecordRow; claimed: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    // An expired record is taken over as if it were not there.
    const written = await sql<RecordRow>(
      `INSERT INTO "IdempotencyRecord" AS r (key, "userId", route, "requestHash", status, response)
      VALUES ($1, $2::uuid, $3, $4, 0, 'null'::jsonb)
      ON CONFLICT ("userId", key) DO UPDATE
        SET route = excluded.route, "requestHash" = excluded."requestHash", status = 0, response = 'null'::jsonb, "createdAt" = now()
        WHERE r."createdAt" < ${expiredBefore(5)}
      RETURNING ${COLUMNS}`,
      [scope.key, scope.userId, scope.route, hash, ttlHours],
    )
    if (written[0]) {
      await purgeOccasionally(ttlHours)
      return { row: written[0], claimed: true }
    }
    const row = await readRecord(scope.userId, scope.key, ttlHours)
    // Missing only if a refused request released its binding between the two statements: bind again.
    if (row) return { row, claimed: false }
  }
  throw new Error('idempotency record kept disappearing')
}

/** Store this response unless another request of the same binding stored one first; return whichever is stored. */
async function complete(scope: IdempotencyScope, hash: string, ttlHours: number, status: number, json: string): Promise<StoredResponse> {
  const { userId, key } = scope
  for (let attempt = 0; attempt < 5; attempt++) {
    const updated = await sql<{ status: number }>(
      `UPDATE "IdempotencyRecord" SET status = $1, response = to_jsonb($2::text)
      WHERE "userId" = $3::uuid AND key = $4 AND "requestHash" = $5 AND status = 0
      RETURNING status`,
      [status, json, userId, key, hash],
    )
    if (updated.length > 0) return { status, json, replayed: false }
    const row = await readRecord(userId, key, ttlHours)
    if (row) {
      if (row.requestHash !== hash || row.route !== scope.route) throw mismatch()
      if (row.status > 0) return replay(row)
      continue
    }
    // Released by a refused twin meanwhile (rerunnable operations only): store it outright.
    await sql(
      `INSERT INTO "IdempotencyRecord" (key, "userId", route, "requestHash", status, response)
      VALUES ($1, $2::uuid, $3, $4, $5, to_jsonb($6::text))
      ON CONFLICT ("userId", key) DO NOTHING`,
      [key, userId, scope.route, hash, status, json],
    )
  }
  throw new Error('idempotency record could not be completed')
}

/** Wait for the claim holder: its stored response, or null when it released the binding (refused). */
async function awaitClaimHolder(scope: IdempotencyScope, hash: string, ttlHours: number, row: RecordRow): Promise<StoredResponse | null> {
  const deadline = Date.now() + WAIT_MS
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    if (row.ageMs > LEASE_MS) throw new DomainError('CONFLICT', 'api.errors.idempotencyInterrupted')
    if (Date.now() > deadline) throw new DomainError('CONFLICT', 'api.errors.idempotencyInProgress')
    await sleep(pause)
    const next = await readRecord(scope.userId, scope.key, ttlHours)
    if (!next) return null
    if (next.requestHash !== hash || next.route !== scope.route) throw mismatch()
    if (next.status > 0) return replay(next)
    row = next
  }
}

/**
 * Run `operation` at most once per (user, key) in effect: see the comment at the top. Throws DomainError CONFLICT on
 * a mismatch (or a claim still running or abandoned); rethrows the operation's errors — a DomainError releases the
 * binding, anything else leaves it pending (the operation may have taken effect: see the handler, which stores an
 * unexpected failure of an operation that is not rerunnable as its response).
 */
export async function idempotent(
  scope: IdempotencyScope,
  operation: Operation,
  options: { rerunnable?: boolean } = {},
): Promise<StoredResponse> {
  const ttlHours = idempotencyTtlHours()
  const hash = requestHash(scope.route, scope.body)
  for (;;) {
    const { row, claimed } = await bind(scope, hash, ttlHours)
    if (row.requestHash !== hash || row.route !== scope.route) throw mismatch()
    if (row.status > 0) return replay(row)
    if (!claimed && !options.rerunnable) {
      const stored = await awaitClaimHolder(scope, hash, ttlHours, row)
      if (stored) return stored
      continue // The holder was refused and released the key: bind it again (this request may now hold the claim).
    }
    let result: { status: number; body: unknown }
    try {
      result = await operation({ operationKey: derivedKey(scope.userId, scope.key, row.createdAt) })
    } catch (error) {
      if (isDomainError(error)) {
        await sql(`DELETE FROM "IdempotencyRecord" WHERE "userId" = $1::uuid AND key = $2 AND "requestHash" = $3 AND status = 0`, [
          scope.userId,
          scope.key,
          hash,
        ])
      }
      throw error
    }
    return complete(scope, hash, ttlHours, result.status, JSON.stringify(result.body))
  }
}

/** Delete up to PURGE_BATCH expired records (oldest first); returns how many. */
export async function purgeExpiredIdempotencyRecords(ttlHours = idempotencyTtlHours()): Promise<number> {
  const deleted = await sql<{ key: string }>(
    `DELETE FROM "IdempotencyRecord" WHERE ("userId", key) IN (
      SELECT "userId", key FROM "IdempotencyRecord" WHERE "createdAt" < ${expiredBefore(1)} ORDER BY "createdAt" LIMIT $2)
    RETURNING key`,
    [ttlHours, PURGE_BATCH],
  )
  return deleted.length
}

const purgeState = globalThis as unknown as { handoffIdempotencyPurgedAt?: number }

/** At most every PURGE_EVERY_MS per process; never fails the request that triggers it. */
async function purgeOccasionally(ttlHours: number): Promise<void> {
  const now = Date.now()
  if (purgeState.handoffIdempotencyPurgedAt !== undefined && now - purgeState.handoffIdempotencyPurgedAt < PURGE_EVERY_MS) return
  purgeState.handoffIdempotencyPurgedAt = now
  try {
    await purgeExpiredIdempotencyRecords(ttlHours)
  } catch (error) {
    console.error('[handoff] purging expired idempotency records failed', error)
  }
}
