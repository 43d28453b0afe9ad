import 'server-only'
import { createHash } from 'node:crypto'
import { DomainError, isDomainError } from '@/domain/errors'
import { db } from '../db'

// `Idempotency-Key` for POST /api/v1/orders, stored in IdempotencyRecord (userId, key):
// - the first request with a key binds the key to its body (sha256 of route + canonical body) in a pending row
//   (status 0), with INSERT … ON CONFLICT DO NOTHING, so concurrent first requests agree on one binding;
// - a request whose body differs from the binding is refused with 409, at once (also while the first is running);
// - requests with the binding's body run the operation — which must itself be idempotent on a key derived from
//   (userId, key) (createOrder is, on its unique idempotencyKey), so 20 of them at once still make one order — and
//   the first to finish stores its status and body; every request then answers with the stored response, byte for
//   byte (the JSON text is stored as a string, as jsonb would reorder the keys);
// - a refusal by the use case (a DomainError: invalid, forbidden, …) releases a pending binding, so the caller can
//   correct the body and retry with the same key; a crash leaves the binding pending, and a retry with the same body
//   simply runs the idempotent operation again and completes it.
// Records are kept (no expiry): a key means one request forever.

export interface StoredResponse {
  status: number
  /** The response body as JSON text. */
  json: string
  /** True when this request did not produce the stored response (a retry, or a concurrent duplicate). */
  replayed: boolean
}

interface RecordRow {
  route: string
  requestHash: string
  status: number
  response: unknown
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
  return createHash('sha256').update(`${route}\n${canonicalJson(body)}`).digest('hex')
}

/** The key handed to the idempotent use case: per person (two people's keys never meet), fixed length, prefixed
 * `api-` so the orders an integration created can be told apart (scripts/crash-test.ts relies on it). */
export function derivedKey(userId: string, key: string): string {
  return `api-${createHash('sha256').update(`${userId}\n${key}`).digest('hex')}`
}

const mismatch = () => new DomainError('CONFLICT', 'api.errors.idempotencyMismatch')

async function readRecord(userId: string, key: string): Promise<RecordRow | null> {
  const rows = await db().$queryRaw<RecordRow[]>`
    SELECT route, "requestHash", status, response FROM "IdempotencyRecord" WHERE "userId" = ${userId}::uuid AND key = ${key}`
  return rows[0] ?? null
}

/** Bind the key to this request (or find the existing binding). Returns the record as it stands. */
async function bind(userId: string, key: string, route: string, hash: string): Promise<RecordRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const inserted = await db().$queryRaw<RecordRow[]>`
      INSERT INTO "IdempotencyRecord" (key, "userId", route, "requestHash", status, response)
      VALUES (${key}, ${userId}::uuid, ${route}, ${hash}, 0, 'null'::jsonb)
      ON CONFLICT ("userId", key) DO NOTHING
      RETURNING route, "requestHash", status, response`
    const row = inserted[0] ?? (await readRecord(userId, key))
    // Missing only if a refused request released its binding between the two statements: bind again.
    if (row) return row
  }
  throw new Error('idempotency record kept disappearing')
}

/** Store this response unless another request of the same binding stored one first; return whichever is stored. */
async function complete(userId: string, key: string, route: string, hash: string, status: number, json: string): Promise<StoredResponse> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const updated = await db().$queryRaw<Array<{ status: number }>>`
      UPDATE "IdempotencyRecord" SET status = ${status}, response = to_jsonb(${json}::text)
      WHERE "userId" = ${userId}::uuid AND key = ${key} AND "requestHash" = ${hash} AND status = 0
      RETURNING status`
    if (updated.length > 0) return { status, json, replayed: false }
    const row = await readRecord(userId, key)
    if (row) {
      if (row.requestHash !== hash || row.route !== route) throw mismatch()
      if (row.status > 0) return { status: row.status, json: String(row.response), replayed: true }
      continue
    }
    // Released by a refused twin meanwhile: store it outright.
    await db().$executeRaw`
      INSERT INTO "IdempotencyRecord" (key, "userId", route, "requestHash", status, response)
      VALUES (${key}, ${userId}::uuid, ${route}, ${hash}, ${status}, to_jsonb(${json}::text))
      ON CONFLICT ("userId", key) DO NOTHING`
  }
  throw new Error('idempotency record could not be completed')
}

/**
 * Run `operation` at most once per (user, key) in effect: see the comment at the top. `route` names the operation
 * (a key reused on another route is a mismatch too). Throws DomainError CONFLICT on a body mismatch; rethrows the
 * operation's errors.
 */
export async function idempotent(
  scope: { userId: string; key: string; route: string; body: unknown },
  operation: () => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  const { userId, key, route } = scope
  const hash = requestHash(route, scope.body)
  const record = await bind(userId, key, route, hash)
  if (record.requestHash !== hash || record.route !== route) throw mismatch()
  if (record.status > 0) return { status: record.status, json: String(record.response), replayed: true }
  let result: { status: number; body: unknown }
  try {
    result = await operation()
  } catch (error) {
    if (isDomainError(error)) {
      await db().$executeRaw`
        DELETE FROM "IdempotencyRecord" WHERE "userId" = ${userId}::uuid AND key = ${key} AND "requestHash" = ${hash} AND status = 0`
    }
    throw error
  }
  return complete(userId, key, route, hash, result.status, JSON.stringify(result.body))
}
