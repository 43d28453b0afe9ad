import { describe, expect, it, vi } from 'vitest'
import { DomainError } from '@/domain/errors'
import { isUniqueViolation, toKnownFailure } from '@/server/errors'

describe('isUniqueViolation', () => {
  const prisma = { code: 'P2002', meta: { target: ['email'] } }
  const pg = { code: '23505', constraint: 'Order_idempotencyKey_key', detail: 'Key ("idempotencyKey")=(k) already exists.' }

  it('recognises a duplicate from Prisma and from PostgreSQL itself', () => {
    expect(isUniqueViolation(prisma)).toBe(true)
    expect(isUniqueViolation(pg)).toBe(true)
  })

  it('with a constraint, only a violation of that unique index counts', () => {
    expect(isUniqueViolation(pg, 'Order_idempotencyKey_key')).toBe(true)
    expect(isUniqueViolation({ ...pg, constraint: 'Order_trackingToken_key' }, 'Order_idempotencyKey_key')).toBe(false)
    expect(isUniqueViolation(prisma, 'Order_idempotencyKey_key')).toBe(false)
  })

  it('is false for anything else', () => {
    for (const other of [null, undefined, 'P2002', new Error('23505'), { code: '23503' }, { code: 'P2025' }])
      expect(isUniqueViolation(other)).toBe(false)
  })
})

describe('toKnownFailure', () => {
  it('shows a duplicate from either source as a conflict, and nothing of the database', () => {
    for (const error of [
      { code: 'P2002' },
      { code: '23505', constraint: 'User_email_key', detail: 'Key (email)=(a@b.c) already exists.' },
    ]) {
      const failure = toKnownFailure(error, 'test')
      expect(failure).toEqual({ code: 'CONFLICT', messageKey: 'errors.duplicate', params: {} })
    }
  })

  it('keeps a domain error as it is, and hides anything unexpected behind a reference', () => {
    expect(toKnownFailure(new DomainError('STALE', 'errors.stale', { by: 'Hà' }, 'version'), 'test')).toEqual({
      code: 'STALE',
      messageKey: 'errors.stale',
      params: { by: 'Hà' },
      field: 'version',
    })
    // The suite fails a test on any console.error; here the log line is the point, so collect it instead.
    const logged: unknown[][] = []
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => void logged.push(args))
    const failure = toKnownFailure(Object.assign(new Error('relation "Order" does not exist'), { code: '42P01' }), 'test')
    expect(failure.code).toBe('INTERNAL')
    expect(failure.ref).toMatch(/^[0-9a-f]{8}$/)
    expect(JSON.stringify(failure)).not.toMatch(/relation|Order|42P01/)
    expect(logged).toHaveLength(1)
    expect(String(logged[0]![0])).toContain(failure.ref!)
  })
})
