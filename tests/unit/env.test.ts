import { describe, expect, it } from 'vitest'
import { databaseEnv, directDatabaseUrl, readEnv } from '@/server/env'

const valid = { DATABASE_URL: 'postgresql://u@localhost:5432/db', NEXTAUTH_SECRET: 'x'.repeat(32) }

describe('the environment, checked once at start-up', () => {
  it('takes a complete one, with defaults for what may be left out', () => {
    expect(readEnv(valid)).toMatchObject({ DB_POOL_SIZE: 10, NODE_ENV: 'development', HANDOFF_IDEMPOTENCY_TTL_HOURS: 24 })
    expect(readEnv({ ...valid, HANDOFF_IDEMPOTENCY_TTL_HOURS: '' }).HANDOFF_IDEMPOTENCY_TTL_HOURS).toBe(24)
    expect(readEnv({ ...valid, HANDOFF_IDEMPOTENCY_TTL_HOURS: '72', DB_POOL_SIZE: '4' })).toMatchObject({ HANDOFF_IDEMPOTENCY_TTL_HOURS: 72, DB_POOL_SIZE: 4 })
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
    expect(databaseEnv({ DATABASE_URL: valid.DATABASE_URL })).toEqual({ DATABASE_URL: valid.DATABASE_URL, DB_POOL_SIZE: 10, DB_PREPARED_STATEMENTS: 'named' })
  })

  it('sends the live LISTEN straight to PostgreSQL when a direct URL is given, else to the pool\'s server', () => {
    const direct = 'postgresql://u@db.internal:5432/db'
    expect(directDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL })).toBe(valid.DATABASE_URL)
    expect(directDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL, DATABASE_DIRECT_URL: '' })).toBe(valid.DATABASE_URL)
    expect(directDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL, DATABASE_DIRECT_URL: direct })).toBe(direct)
    expect(readEnv({ ...valid, DATABASE_DIRECT_URL: direct, DB_PREPARED_STATEMENTS: 'unnamed' })).toMatchObject({ DB_PREPARED_STATEMENTS: 'unnamed' })
  })
})
