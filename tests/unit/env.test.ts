import { describe, expect, it } from 'vitest'
import { apiRateLimit, benchRoutesEnabled, configuredUrl, databaseEnv, demoLoginsShown, directDatabaseUrl, readEnv } from '@/server/env'

const valid = { DATABASE_URL: 'postgresql://u@localhost:5432/db', NEXTAUTH_SECRET: 'x'.repeat(32) }

describe('the environment, checked once at start-up', () => {
  it('takes a complete one, with defaults for what may be left out', () => {
    expect(readEnv(valid)).toMatchObject({ DB_POOL_SIZE: 10, NODE_ENV: 'development', HANDOFF_IDEMPOTENCY_TTL_HOURS: 24 })
    expect(readEnv({ ...valid, HANDOFF_IDEMPOTENCY_TTL_HOURS: '' }).HANDOFF_IDEMPOTENCY_TTL_HOURS).toBe(24)
    expect(readEnv({ ...valid, HANDOFF_IDEMPOTENCY_TTL_HOURS: '72', DB_POOL_SIZE: '4' })).toMatchObject({
      HANDOFF_IDEMPOTENCY_TTL_HOURS: 72,
      DB_POOL_SIZE: 4,
    })
  })

  it('refuses a broken one with one line naming the variable', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ NEXTAUTH_SECRET: valid.NEXTAUTH_SECRET }, /DATABASE_URL/],
      [{ ...valid, DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
      [{ ...valid, NEXTAUTH_SECRET: 'short' }, /NEXTAUTH_SECRET/],
      [{ ...valid, DB_POOL_SIZE: '0' }, /DB_POOL_SIZE/],
      [{ ...valid, HANDOFF_IDEMPOTENCY_TTL_HOURS: '0' }, /HANDOFF_IDEMPOTENCY_TTL_HOURS/],
      [{ ...valid, HANDOFF_IDEMPOTENCY_TTL_HOURS: '1.5' }, /HANDOFF_IDEMPOTENCY_TTL_HOURS/],
      [{ ...valid, HANDOFF_IDEMPOTENCY_TTL_HOURS: 'a day' }, /HANDOFF_IDEMPOTENCY_TTL_HOURS/],
      [{ ...valid, HANDOFF_IDEMPOTENCY_TTL_HOURS: '2161' }, /HANDOFF_IDEMPOTENCY_TTL_HOURS/],
      [{ ...valid, DATABASE_DIRECT_URL: 'localhost:5432' }, /DATABASE_DIRECT_URL/],
      [{ ...valid, API_RATE_BURST: 'lots' }, /API_RATE_BURST/],
      [{ ...valid, API_RATE_BURST: '0' }, /API_RATE_BURST/],
      [{ ...valid, API_RATE_BURST: '2.5' }, /API_RATE_BURST/],
      [{ ...valid, API_RATE_PER_SECOND: '0' }, /API_RATE_PER_SECOND/],
      [{ ...valid, API_RATE_PER_SECOND: 'fast' }, /API_RATE_PER_SECOND/],
      [{ ...valid, NEXTAUTH_URL: 'example.com' }, /NEXTAUTH_URL/],
      [{ ...valid, DB_PREPARED_STATEMENTS: 'off' }, /DB_PREPARED_STATEMENTS/],
      // Behind a transaction-mode bouncer the live LISTEN needs its own way to PostgreSQL.
      [{ ...valid, DB_PREPARED_STATEMENTS: 'unnamed' }, /DATABASE_DIRECT_URL/],
    ]
    for (const [source, message] of cases) {
      expect(() => readEnv(source), JSON.stringify(source)).toThrow(message)
      expect(() => readEnv(source)).toThrow(/^Invalid environment: [^\n]+$/)
    }
  })

  it('asks scripts that only touch the database for the database alone', () => {
    expect(databaseEnv({ DATABASE_URL: valid.DATABASE_URL })).toEqual({
      DATABASE_URL: valid.DATABASE_URL,
      DB_POOL_SIZE: 10,
      DB_PREPARED_STATEMENTS: 'named',
    })
  })

  it("sends the live LISTEN straight to PostgreSQL when a direct URL is given, else to the pool's server", () => {
    const direct = 'postgresql://u@db.internal:5432/db'
    expect(directDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL })).toBe(valid.DATABASE_URL)
    expect(directDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL, DATABASE_DIRECT_URL: '' })).toBe(valid.DATABASE_URL)
    expect(directDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL, DATABASE_DIRECT_URL: direct })).toBe(direct)
    expect(readEnv({ ...valid, DATABASE_DIRECT_URL: direct, DB_PREPARED_STATEMENTS: 'unnamed' })).toMatchObject({
      DB_PREPARED_STATEMENTS: 'unnamed',
    })
  })

  it('gives the API rate limit its defaults, and the numbers set', () => {
    expect(apiRateLimit({})).toEqual({ burst: 120, perSecond: 20 })
    expect(apiRateLimit({ API_RATE_BURST: '', API_RATE_PER_SECOND: '' })).toEqual({ burst: 120, perSecond: 20 })
    expect(apiRateLimit({ API_RATE_BURST: '1000000', API_RATE_PER_SECOND: '0.5' })).toEqual({ burst: 1_000_000, perSecond: 0.5 })
    expect(() => apiRateLimit({ API_RATE_BURST: 'lots' })).toThrow(/^Invalid environment: API_RATE_BURST/)
  })

  it("turns the demo logins and the benchmark routes on with '1' only", () => {
    expect(demoLoginsShown({ HANDOFF_DEMO: '1' })).toBe(true)
    expect(benchRoutesEnabled({ HANDOFF_BENCH: '1' })).toBe(true)
    for (const v of ['', '0', 'true', 'yes']) {
      expect(demoLoginsShown({ HANDOFF_DEMO: v }), v).toBe(false)
      expect(benchRoutesEnabled({ HANDOFF_BENCH: v }), v).toBe(false)
    }
    expect(demoLoginsShown({})).toBe(false)
    expect(benchRoutesEnabled({})).toBe(false)
  })

  it('reads NEXTAUTH_URL as a URL, or nothing when unset', () => {
    expect(configuredUrl({})).toBeUndefined()
    expect(configuredUrl({ NEXTAUTH_URL: 'https://shop.example:8443/x' })?.origin).toBe('https://shop.example:8443')
    expect(() => configuredUrl({ NEXTAUTH_URL: 'example.com' })).toThrow(/NEXTAUTH_URL/)
  })
})
