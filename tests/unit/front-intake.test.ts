import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { changeDue, defaultDue, isTrackingToken, leftToPay, TRACKING_TOKEN_BYTES } from '@/domain/intake'
import { demoOpeningHours, zonedWallTimeToUtc } from '@/domain/opening-hours'
import { typedAhead } from '@/components/typed-ahead'

const shop = { timeZone: 'Asia/Ho_Chi_Minh', defaultLeadDays: 1, defaultDueTime: '17:00', openingHours: demoOpeningHours() }

describe('defaultDue', () => {
  it('is the lead time in business days at the default time, in the business time zone', () => {
    // Wednesday 2026-11-25 23:30 in Saigon is already Wednesday there although it is 16:30 UTC.
    expect(defaultDue(zonedWallTimeToUtc('2026-11-25', '23:30', 'Asia/Ho_Chi_Minh'), shop)).toEqual({
      dueDate: '2026-11-26',
      dueTime: '17:00',
    })
    // 00:30 on Thursday local time is still Wednesday in UTC: the business day counts.
    expect(defaultDue(new Date('2026-11-25T17:30:00Z'), shop)).toEqual({ dueDate: '2026-11-27', dueTime: '17:00' })
  })

  it('skips days the business is closed', () => {
    // Saturday + 1 day = Sunday, closed: Monday.
    expect(defaultDue(zonedWallTimeToUtc('2026-11-28', '10:00', 'Asia/Ho_Chi_Minh'), shop).dueDate).toBe('2026-11-30')
    expect(defaultDue(zonedWallTimeToUtc('2026-11-27', '10:00', 'Asia/Ho_Chi_Minh'), { ...shop, defaultLeadDays: 2 }).dueDate).toBe(
      '2026-11-30',
    )
  })

  it('uses the plain date when opening hours are missing or unreadable, and a sane lead time', () => {
    const saturday = zonedWallTimeToUtc('2026-11-28', '10:00', 'Asia/Ho_Chi_Minh')
    expect(defaultDue(saturday, { ...shop, openingHours: {} }).dueDate).toBe('2026-11-29')
    expect(defaultDue(saturday, { ...shop, openingHours: null }).dueDate).toBe('2026-11-29')
    expect(defaultDue(saturday, { ...shop, defaultLeadDays: 0 }).dueDate).toBe('2026-11-28')
    expect(defaultDue(saturday, { ...shop, defaultLeadDays: -3, openingHours: {} }).dueDate).toBe('2026-11-29')
  })
})

describe('isTrackingToken', () => {
  it('accepts what the server generates and refuses anything else before a query', () => {
    for (let i = 0; i < 50; i++) expect(isTrackingToken(randomBytes(TRACKING_TOKEN_BYTES).toString('base64url'))).toBe(true)
    for (const bad of [
      '',
      'abc',
      'a'.repeat(31),
      'a'.repeat(65),
      `${'a'.repeat(31)}=`,
      `${'a'.repeat(32)} `,
      '../'.repeat(12),
      null,
      42,
      undefined,
    ]) {
      expect(isTrackingToken(bad)).toBe(false)
    }
  })
})

describe('leftToPay', () => {
  it('counts the whole order until it is invoiced, deposit deducted', () => {
    expect(leftToPay({ total: 100_000, invoicedNet: 0, paidNet: 30_000, cancelled: false })).toBe(70_000)
    expect(leftToPay({ total: 100_000, invoicedNet: 60_000, paidNet: 30_000, cancelled: false })).toBe(70_000)
    expect(leftToPay({ total: 100_000, invoicedNet: 100_000, paidNet: 100_000, cancelled: false })).toBe(0)
  })

  it('owes only what was invoiced once cancelled; negative means money is owed back', () => {
    expect(leftToPay({ total: 100_000, invoicedNet: 0, paidNet: 30_000, cancelled: true })).toBe(-30_000)
    expect(leftToPay({ total: 100_000, invoicedNet: 40_000, paidNet: 0, cancelled: true })).toBe(40_000)
  })
})

describe('changeDue', () => {
  it('is what was tendered beyond the amount, or null when the cash does not cover it', () => {
    expect(changeDue(200_000, 122_800)).toBe(77_200)
    expect(changeDue(122_800, 122_800)).toBe(0)
    expect(changeDue(100_000, 122_800)).toBeNull()
    expect(changeDue(Number.NaN, 1)).toBeNull()
  })
})

describe('typedAhead', () => {
  it('splits keys typed while a lookup was pending into this field and the next', () => {
    expect(typedAhead([])).toEqual({ text: '', enter: false, after: [] })
    expect(typedAhead(['5', '0'])).toEqual({ text: '50', enter: false, after: [] })
    expect(typedAhead(['5', '9', 'Backspace', '0', 'Enter', 'p', 'o', 'Enter', '2'])).toEqual({
      text: '50',
      enter: true,
      after: ['p', 'o', 'Enter', '2'],
    })
    expect(typedAhead(['Enter'])).toEqual({ text: '', enter: true, after: [] })
  })
})
