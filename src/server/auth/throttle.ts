import 'server-only'
import { createHash } from 'node:crypto'
import { pool, sql } from '../db'

// Sign-in throttling, shared by every app instance through the "Throttle" table (docs/decisions/009). Each key counts
// consecutive failures and, past its free attempts, makes the next attempt wait: base·2^(failures − free) seconds, up
// to a maximum. An attempt is *claimed* — counted as a failure and the wait armed — in one transaction BEFORE its
// password is checked, so N parallel guesses can check at most the free number of passwords; a success gives its
// claim back (and clears the account+address streak), so legitimate sign-ins never use up the budget.

export interface ThrottleRule {
  /** Failures allowed before the first wait. */
  free: number
  /** The first wait, in seconds; each further failure doubles it. */
  baseSeconds: number
  maxSeconds: number
  /** A key with no failure for this long starts again from zero; longer than maxSeconds, so waiting out the longest
   * wait does not also erase the count. */
  forgetSeconds: number
}

/** The chosen numbers and why: docs/security.md, "Sign-in, lockout and throttling". */
export const LOGIN_RULES = {
  /** One account from one address: the person mistyping, or one attacker on one account. Cleared by a success. */
  accountAddress: { free: 5, baseSeconds: 30, maxSeconds: 3600, forgetSeconds: 86_400 },
  /** One address, every account (unknown emails too): password spraying and floods. A shop behind one NAT shares it,
   * hence generous; successes do not clear it (an attacker with one valid login must not reset it). */
  address: { free: 20, baseSeconds: 5, maxSeconds: 600, forgetSeconds: 900 },
  /** One account, every address: the account-wide cap, high and slow — only many failures from many addresses reach
   * it, and then it slows the account rather than locking it. */
  account: { free: 100, baseSeconds: 60, maxSeconds: 900, forgetSeconds: 3600 },
} as const satisfies Record<string, ThrottleRule>

export type LoginKeyKind = keyof typeof LOGIN_RULES

export interface ThrottleKey {
  kind: LoginKeyKind
  key: string
}

/** Emails are keyed by a hash: a password typed into the email field is not kept in a second table. */
export function emailKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)
}

export function loginKeys(email: string, address: string): ThrottleKey[] {
  const who = emailKey(email)
  return [
    { kind: 'accountAddress', key: `login:acct-ip:${who}|${address}` },
    { kind: 'address', key: `login:ip:${address}` },
    { kind: 'account', key: `login:acct:${who}` },
  ]
}

// $1 key, $2 now, $3 free, $4 base seconds, $5 max seconds, $6 forget seconds.
const next = `(CASE WHEN t."expiresAt" <= $2::timestamptz THEN 1 ELSE t.count + 1 END)`
const waitFor = (n: string) =>
  `CASE WHEN ${n} >= $3::int THEN $2::timestamptz + LEAST($5::float8, $4::float8 * power(2::float8, LEAST(${n} - $3::int, 30))) * interval '1 second' END`
const CLAIM = `INSERT INTO "Throttle" AS t (key, count, until, "expiresAt")
  VALUES ($1, 1, ${waitFor('1')}, $2::timestamptz + $6::float8 * interval '1 second')
  ON CONFLICT (key) DO UPDATE SET count = ${next}, until = ${waitFor(next)}, "expiresAt" = $2::timestamptz + $6::float8 * interval '1 second'
  WHERE t."expiresAt" <= $2::timestamptz OR t.until IS NULL OR t.until <= $2::timestamptz
  RETURNING count, until`

export interface Claim {
  keys: ThrottleKey[]
  /** Failures counted per key kind, this attempt included. */
  counts: Record<LoginKeyKind, number>
  /** The wait this attempt arms should it fail, in seconds (0: none). */
  armsWait: number
  now: Date
}

export type ClaimResult = { ok: true; claim: Claim } | { ok: false; retryAfter: number; kind: LoginKeyKind }

/** Count this attempt against every key at once, or against none when any of them is still waiting. */
export async function claimAttempt(keys: ThrottleKey[], now = new Date()): Promise<ClaimResult> {
  // A flood on a key that is already waiting is answered by one plain read, without queueing on its row lock while
  // holding a pooled connection (measured: 150 attempts on one waiting address slowed a colleague's API to ~1.4 s).
  const [waiting] = await sql<{ key: string; until: Date }>(
    `SELECT key, until FROM "Throttle" WHERE key = ANY($1::text[]) AND until > $2::timestamptz AND "expiresAt" > $2::timestamptz ORDER BY until DESC LIMIT 1`,
    [keys.map((k) => k.key), now],
  )
  if (waiting) return refused(keys.find((k) => k.key === waiting.key)!.kind, waiting.until, now)
  // One global order of row locks, so two attempts sharing some keys can never deadlock.
  const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const client = await pool().connect()
  try {
    await client.query('BEGIN')
    const counts = {} as Record<LoginKeyKind, number>
    let armsWait = 0
    for (const k of ordered) {
      const rule = LOGIN_RULES[k.kind]
      const result = await client.query<{ count: number; until: Date | null }>(CLAIM, [
        k.key,
        now,
        rule.free,
        rule.baseSeconds,
        rule.maxSeconds,
        rule.forgetSeconds,
      ])
      const row = result.rows[0]
      if (!row) {
        const blocked = await client.query<{ until: Date }>(`SELECT until FROM "Throttle" WHERE key = $1`, [k.key])
        await client.query('ROLLBACK')
        return refused(k.kind, blocked.rows[0]?.until ?? now, now)
      }
      counts[k.kind] = row.count
      if (row.until) armsWait = Math.max(armsWait, Math.ceil((row.until.getTime() - now.getTime()) / 1000))
    }
    await client.query('COMMIT')
    return { ok: true, claim: { keys, counts, armsWait, now } }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

function refused(kind: LoginKeyKind, until: Date, now: Date): ClaimResult {
  return { ok: false, kind, retryAfter: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) }
}

/** A released key's count: 0 for a streak a success ends, one less otherwise. */
const LEFT = `(CASE WHEN k.reset THEN 0 ELSE GREATEST(t.count - 1, 0) END)`

/**
 * Give a claim back: after a success (the account+address streak starts again; the other keys drop this attempt), or
 * when the password was never checked (the server was busy; every key drops it). A key whose count falls below its
 * free attempts no longer waits.
 */
export async function releaseClaim(claim: Claim, outcome: 'success' | 'unchecked'): Promise<void> {
  const keys = claim.keys.map((k) => k.key)
  const free = claim.keys.map((k) => LOGIN_RULES[k.kind].free)
  const reset = claim.keys.map((k) => outcome === 'success' && k.kind === 'accountAddress')
  await sql(
    `UPDATE "Throttle" t SET count = ${LEFT}, until = CASE WHEN ${LEFT} < k.free THEN NULL ELSE t.until END
     FROM unnest($1::text[], $2::int[], $3::bool[]) AS k(key, free, reset)
     WHERE t.key = k.key`,
    [keys, free, reset],
  )
}

/** Forget everything counted against an account (a manager reset its password). */
export async function forgetAccount(email: string): Promise<void> {
  const who = emailKey(email)
  await sql(`DELETE FROM "Throttle" WHERE key = $1 OR key LIKE $2`, [`login:acct:${who}`, `login:acct-ip:${who}|%`])
}

const SWEEP_EVERY_MS = 60_000
const SWEEP_BATCH = 1000
const swept = globalThis as unknown as { handoffThrottleSweptAt?: number }

/** Delete expired rows now and then (at most once a minute per process, in a bounded batch, never awaited by the
 * request that triggers it). */
export function sweepThrottles(now = new Date()): void {
  if (now.getTime() - (swept.handoffThrottleSweptAt ?? 0) < SWEEP_EVERY_MS) return
  swept.handoffThrottleSweptAt = now.getTime()
  sql(`DELETE FROM "Throttle" WHERE key IN (SELECT key FROM "Throttle" WHERE "expiresAt" < $1::timestamptz LIMIT ${SWEEP_BATCH})`, [
    now,
  ]).catch(() => undefined)
}
