import 'server-only'
import { apiRateLimit } from '../env'

/**
 * Token bucket per API token, in this process's memory: `capacity` requests at once, refilled at `perSecond`.
 * With several app instances each enforces its own budget (documented in the API docs); good enough to stop a
 * runaway script, which is what it is for.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>()
  constructor(
    private capacity: number,
    private perSecond: number,
  ) {}

  /** Null when allowed; otherwise the seconds to wait. */
  take(key: string, now = Date.now()): number | null {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond)
    bucket.at = now
    this.buckets.set(key, bucket)
    if (this.buckets.size > 10_000) this.evict(now)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return null
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond))
  }

  private evict(now: number) {
    for (const [key, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(key)
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
