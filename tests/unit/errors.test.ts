import { describe, expect, it } from 'vitest'
import { DomainError, ERROR_CODES, HTTP_STATUS, isDomainError } from '@/domain/errors'

describe('DomainError', () => {
  it('carries code, i18n key, params and field', () => {
    const error = new DomainError('INVALID', 'errors.overFulfilled', { max: 2 }, 'quantity')
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(DomainError)
    expect(error.name).toBe('DomainError')
    expect(error.code).toBe('INVALID')
    expect(error.messageKey).toBe('errors.overFulfilled')
    expect(error.params).toEqual({ max: 2 })
    expect(error.field).toBe('quantity')
    expect(error.message).toBe('INVALID: errors.overFulfilled (quantity)')
    expect(error.stack).toContain('DomainError')
  })

  it('defaults to no params and no field', () => {
    const error = new DomainError('NOT_FOUND', 'errors.orderNotFound')
    expect(error.params).toEqual({})
    expect(error.field).toBeUndefined()
    expect(error.message).toBe('NOT_FOUND: errors.orderNotFound')
  })

  it('does not share the default params object between instances', () => {
    const a = new DomainError('CONFLICT', 'errors.a')
    const b = new DomainError('CONFLICT', 'errors.b')
    expect(a.params).not.toBe(b.params)
  })

  it('can be thrown and caught as an Error', () => {
    expect(() => {
      throw new DomainError('FORBIDDEN', 'errors.forbidden')
    }).toThrow(DomainError)
  })
})

describe('isDomainError', () => {
  it('recognises instances and structural look-alikes', () => {
    expect(isDomainError(new DomainError('STALE', 'errors.stale'))).toBe(true)
    expect(isDomainError({ name: 'DomainError', code: 'CONFLICT', messageKey: 'errors.x' })).toBe(true)
  })

  it.each([
    null,
    undefined,
    'DomainError',
    new Error('INVALID: errors.x'),
    new RangeError('x'),
    { name: 'DomainError', code: 'TEAPOT', messageKey: 'errors.x' },
    { name: 'DomainError', code: 'INVALID' },
    { name: 'Error', code: 'INVALID', messageKey: 'errors.x' },
  ])('rejects %o', (value) => {
    expect(isDomainError(value)).toBe(false)
  })
})

describe('HTTP_STATUS', () => {
  it('maps every code to a 4xx status', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort())
    for (const code of ERROR_CODES) {
      expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400)
      expect(HTTP_STATUS[code]).toBeLessThan(500)
    }
  })

  it('uses the conventional statuses', () => {
    expect(HTTP_STATUS.UNAUTHENTICATED).toBe(401)
    expect(HTTP_STATUS.FORBIDDEN).toBe(403)
    expect(HTTP_STATUS.NOT_FOUND).toBe(404)
    expect(HTTP_STATUS.CONFLICT).toBe(409)
    expect(HTTP_STATUS.RATE_LIMITED).toBe(429)
  })
})
