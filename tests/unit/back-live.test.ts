import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, queueSql } from '@/server/fulfillment/queue-query'
import { parseOrderEvent } from '@/server/live/order-events'

describe('order event payloads (pg_notify from the Order_notify trigger)', () => {
  it('reads what the trigger sends', () => {
    expect(parseOrderEvent('{"id":"7f1c6a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f","version":3,"op":"UPDATE"}')).toEqual({
      id: '7f1c6a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f',
      version: 3,
      op: 'UPDATE',
    })
    expect(parseOrderEvent('{"id":"x","version":1,"op":"INSERT"}')).toEqual({ id: 'x', version: 1, op: 'INSERT' })
  })

  it('ignores anything else instead of throwing', () => {
    for (const payload of [
      undefined,
      '',
      'not json',
      '[]',
      '{"id":1,"version":1,"op":"INSERT"}',
      '{"id":"x","version":"1","op":"INSERT"}',
      '{"id":"x","version":1,"op":"DELETE"}',
    ]) {
      expect(parseOrderEvent(payload)).toBeNull()
    }
  })
})

describe('queue cursors', () => {
  it('round-trip any position', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.uuid(), (dueAt, id) => {
        expect(decodeCursor(encodeCursor({ dueAt, id }))).toEqual({ dueAt, id })
      }),
    )
  })

  it('refuse tampered or foreign values (the page then starts at the top)', () => {
    for (const value of [
      undefined,
      '',
      'abc',
      Buffer.from('2026-01-01T00:00:00.000Z|not-a-uuid').toString('base64url'),
      Buffer.from('yesterday|7f1c6a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f').toString('base64url'),
    ]) {
      expect(decodeCursor(value)).toBeNull()
    }
  })
})

describe('queue SQL', () => {
  it('pages by keyset on (dueAt, id) over the open-orders predicate, never with OFFSET or COUNT', () => {
    const cursor = { dueAt: new Date('2026-11-27T10:00:00Z'), id: '7f1c6a8e-1d2b-4c3d-8e9f-0a1b2c3d4e5f' }
    const forward = queueSql({ status: 'todo', take: 51, after: cursor })
    expect(forward.text).toContain('o."closedAt" IS NULL AND o."cancelledAt" IS NULL')
    expect(forward.text).toMatch(/\(o\."dueAt", o\.id\) > \(\$\d+, \$\d+::uuid\)/)
    expect(forward.text).toContain('ORDER BY o."dueAt" ASC, o.id ASC')
    expect(forward.text).not.toMatch(/OFFSET|count\(\*\)\s+FROM "Order"/i)
    const backward = queueSql({ status: 'all', take: 51, before: cursor })
    expect(backward.text).toContain('ORDER BY o."dueAt" DESC, o.id DESC')
  })

  it('passes search words as bound parameters with LIKE wildcards escaped', () => {
    const sql = queueSql({ status: 'all', take: 51, terms: ['50%_off', 'nguyen'], number: 12 })
    expect(sql.values).toContain('%50\\%\\_off%')
    expect(sql.values).toContain('%nguyen%')
    expect(sql.values).toContain(12)
    expect(sql.text).not.toContain('nguyen')
  })
})
