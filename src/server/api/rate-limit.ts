import 'server-only'
import { sweepThrottles } from '../auth/throttle'
import { sql } from '../db'
import { apiRateLimit } from '../env'

type Query = <T extends object>(text: string, values: readonly unknown[]) => Promise<T[]>

// $1 key, $2 now, $3 seconds per request (T), $4 burst tolerance ((capacity − 1)·T): GCRA — the row keeps only the
// theoretical arrival time of the next request ("until"); a request is let through when that is at most the burst
// tolerance ahead of now, and moves it on by T. One atomic statement, no row when refused.
const TAKE = `INSERT INTO "Throttle" AS t (key, count, until, "expiresAt")
  VALUES ($1, 0, $2::timestamptz + $3::float8 * interval '1 second', $2::timestamptz + $3::float8 * interval '1 second')
  ON CONFLICT (key) DO UPDATE
    SET until = GREATEST(t.until, $2::timestamptz) + $3::float8 * interval '1 second',
        "expiresAt" = GREATEST(t.until, $2::timestamptz) + $3::float8 * interval '1 second'
    WHERE GREATEST(t.until, $2::timestamptz) <= $2::timestamptz + $4::float8 * interval '1 second'
  RETURNING until`

/**
 * The API's request budget per token: `capacity` requests at once, refilled at `perSecond`, kept in PostgreSQL so
 * that every app instance draws on the same budget (issue 20: one token got twice the requests through two
 * instances when each process kept its own). Same table as sign-in throttling (docs/decisions/009).
 */
export class RateLimiter {
  constructor(
    private capacity: number,
    private perSecond: number,
    /** Where the state lives; another pool stands for another app instance in tests. */
    private query: Query = sql,
  ) {}

  /** Null when allowed; otherwise the seconds to wait. */
  async take(key: string, now = new Date()): Promise<number | null> {
    sweepThrottles(now)
    const interval = 1 / this.perSecond
    const tolerance = (this.capacity - 1) * interval
    // A stored arrival time means something only under the budget that wrote it, so the key names the budget: every
    // instance with the same settings shares one state, and a change of settings starts afresh.
    const stateKey = `api:${this.capacity}/${this.perSecond}:${key}`
    const rows = await this.query<{ until: Date }>(TAKE, [stateKey, now, interval, tolerance])
    if (rows.length > 0) return null
    const [row] = await this.query<{ until: Date }>(`SELECT until FROM "Throttle" WHERE key = $1`, [stateKey])
    const allowedAt = (row?.until.getTime() ?? now.getTime()) - tolerance * 1000
    return Math.max(1, Math.ceil((allowedAt - now.getTime()) / 1000))
  }
}

const g = globalThis as unknown as { handoffApiLimiter?: RateLimiter }
export function apiLimiter(): RateLimiter {
  if (!g.handoffApiLimiter) {
    const { burst, perSecond } = apiRateLimit()
    g.handoffApiLimiter = new RateLimiter(burst, perSecond)
  }
  return g.handoffApiLimiter
}
