import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '@/domain/errors'
import { zonedWallTimeToUtc } from '@/domain/opening-hours'
import { checkSchedule, doneRuns, nextRateChange, rateAt, rateOnDay, rateSlices, type RatePeriod } from '@/domain/tax-schedule'

const TZ = 'Asia/Ho_Chi_Minh'
// Decree 174/2025: 8 % until 2026-12-31, then the standard 10 % again.
const STANDARD: RatePeriod[] = [
  { validFrom: '2027-01-01', rateBp: 1000 },
  { validFrom: '2000-01-01', rateBp: 800 },
]
const at = (ymd: string, hhmm = '10:00') => zonedWallTimeToUtc(ymd, hhmm, TZ)

describe('rate on a business day', () => {
  it.each([
    ['2000-01-01', 800],
    ['2026-12-28', 800],
    ['2026-12-31', 800],
    ['2027-01-01', 1000],
    ['2027-01-03', 1000],
    ['2099-12-31', 1000],
  ])('%s is %i bp', (day, bp) => {
    expect(rateOnDay(STANDARD, day)).toBe(bp)
  })

  it('refuses a day before the first period', () => {
    expect(() => rateOnDay(STANDARD, '1999-12-31')).toThrow(DomainError)
  })

  it('reads the instant in the shop time zone: 31 Dec 23:30 in Saigon is 16:30 UTC, still 2026', () => {
    expect(rateAt(STANDARD, at('2026-12-31', '23:30'), TZ)).toBe(800)
    expect(rateAt(STANDARD, at('2027-01-01', '00:00'), TZ)).toBe(1000)
    // 17:00 UTC on 31 Dec is already 1 January in Saigon.
    expect(rateAt(STANDARD, new Date('2026-12-31T17:00:00Z'), TZ)).toBe(1000)
    expect(rateAt(STANDARD, new Date('2026-12-31T17:00:00Z'), 'UTC')).toBe(800)
  })

  it.each([
    [[], 'errors.taxScheduleEmpty'],
    [[{ validFrom: '2026-13-01', rateBp: 800 }], 'errors.invalidDate'],
    [[{ validFrom: '2026-1-01', rateBp: 800 }], 'errors.invalidDate'],
    [[{ validFrom: '2026-01-01', rateBp: -1 }], 'errors.invalidTaxRate'],
    [[{ validFrom: '2026-01-01', rateBp: 10_001 }], 'errors.invalidTaxRate'],
    [[{ validFrom: '2026-01-01', rateBp: 8.5 }], 'errors.invalidTaxRate'],
    [
      [
        { validFrom: '2026-01-01', rateBp: 800 },
        { validFrom: '2026-01-01', rateBp: 1000 },
      ],
      'errors.taxScheduleDuplicate',
    ],
  ] as Array<[RatePeriod[], string]>)('refuses a malformed schedule (%j)', (periods, key) => {
    expect(() => checkSchedule(periods)).toThrow(expect.objectContaining({ code: 'INVALID', messageKey: key }))
  })
})

describe('the coming change', () => {
  it('is 8 % -> 10 % on 2027-01-01 until that day, then none', () => {
    expect(nextRateChange(STANDARD, '2026-12-06')).toEqual({ validFrom: '2027-01-01', fromBp: 800, toBp: 1000 })
    expect(nextRateChange(STANDARD, '2026-12-31')).toEqual({ validFrom: '2027-01-01', fromBp: 800, toBp: 1000 })
    expect(nextRateChange(STANDARD, '2027-01-01')).toBeNull()
  })

  it('ignores a period that repeats the current rate and finds the later real change', () => {
    const periods = [
      { validFrom: '2000-01-01', rateBp: 500 },
      { validFrom: '2027-01-01', rateBp: 500 },
      { validFrom: '2028-01-01', rateBp: 0 },
    ]
    expect(nextRateChange(periods, '2026-01-01')).toEqual({ validFrom: '2028-01-01', fromBp: 500, toBp: 0 })
    expect(nextRateChange([{ validFrom: '2000-01-01', rateBp: 0 }], '2026-01-01')).toBeNull()
  })
})

describe('when units were done', () => {
  it('stacks recordings and lets a correction take back the latest units', () => {
    const runs = doneRuns([
      { quantity: 3, at: at('2026-12-30') },
      { quantity: 2, at: at('2027-01-02') },
      { quantity: -3, at: at('2027-01-02', '11:00') },
      { quantity: 4, at: at('2027-01-03') },
    ])
    expect(runs).toEqual([
      { count: 2, at: at('2026-12-30') },
      { count: 4, at: at('2027-01-03') },
    ])
  })

  it('sorts events by time and stops a correction at zero', () => {
    expect(
      doneRuns([
        { quantity: 1, at: at('2026-12-31') },
        { quantity: -5, at: at('2026-12-30') },
      ]),
    ).toEqual([{ count: 1, at: at('2026-12-31') }])
  })
})

describe('the rate of an invoiced slice (the straddling order of decision 021)', () => {
  const base = { periods: STANDARD, timeZone: TZ, fallback: at('2027-01-03') }

  it('taken 28 Dec, done 30 Dec, invoiced 3 Jan: 8 %, the rate on the day the work was done', () => {
    const runs = doneRuns([{ quantity: 5, at: at('2026-12-30') }])
    expect(rateSlices({ ...base, from: 0, quantity: 5, runs })).toEqual([{ from: 0, quantity: 5, taxRateBp: 800, taxDay: '2026-12-30' }])
  })

  it('taken 28 Dec, done 2 Jan, invoiced 3 Jan: 10 %', () => {
    const runs = doneRuns([{ quantity: 5, at: at('2027-01-02') }])
    expect(rateSlices({ ...base, from: 0, quantity: 5, runs })).toEqual([{ from: 0, quantity: 5, taxRateBp: 1000, taxDay: '2027-01-02' }])
  })

  it('part done on each side of the change: two slices at their own rates', () => {
    const runs = doneRuns([
      { quantity: 2, at: at('2026-12-31', '18:00') },
      { quantity: 3, at: at('2027-01-02') },
    ])
    expect(rateSlices({ ...base, from: 0, quantity: 5, runs })).toEqual([
      { from: 0, quantity: 2, taxRateBp: 800, taxDay: '2026-12-31' },
      { from: 2, quantity: 3, taxRateBp: 1000, taxDay: '2027-01-02' },
    ])
    // The second invoice of the same line, after the first took unit 1.
    expect(rateSlices({ ...base, from: 1, quantity: 4, runs })).toEqual([
      { from: 1, quantity: 1, taxRateBp: 800, taxDay: '2026-12-31' },
      { from: 2, quantity: 3, taxRateBp: 1000, taxDay: '2027-01-02' },
    ])
  })

  it('units without a recorded completion take the invoice time', () => {
    expect(rateSlices({ ...base, from: 0, quantity: 2, runs: [] })).toEqual([
      { from: 0, quantity: 2, taxRateBp: 1000, taxDay: '2027-01-03' },
    ])
    expect(rateSlices({ ...base, from: 0, quantity: 0, runs: [] })).toEqual([])
  })

  it('refuses negative positions', () => {
    expect(() => rateSlices({ ...base, from: -1, quantity: 1, runs: [] })).toThrow(DomainError)
    expect(() => rateSlices({ ...base, from: 0, quantity: -1, runs: [] })).toThrow(DomainError)
  })

  it('property: slices tile the range and every unit carries the rate of the day it was last done', () => {
    // 27 Dec .. 5 Jan, 10:00 in Saigon: both sides of the change.
    const stamp = fc.integer({ min: 0, max: 9 }).map((d) => new Date(Date.UTC(2026, 11, 27 + d, 3)))
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: -4, max: 6 }).filter((q) => q !== 0), at: stamp }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (events, from, quantity) => {
          const runs = doneRuns(events)
          const slices = rateSlices({ ...base, from, quantity, runs })
          expect(slices.reduce((s, x) => s + x.quantity, 0)).toBe(quantity)
          let cursor = from
          for (const s of slices) {
            expect(s.from).toBe(cursor)
            expect(s.quantity).toBeGreaterThan(0)
            cursor += s.quantity
          }
          // Unit by unit: unit u (0-based position) is in the run covering it, or takes the fallback.
          const unitTimes: Date[] = runs.flatMap((r) => Array.from({ length: r.count }, () => r.at))
          for (let u = from; u < from + quantity; u++) {
            const expected = rateAt(STANDARD, unitTimes[u] ?? base.fallback, TZ)
            const slice = slices.find((s) => u >= s.from && u < s.from + s.quantity)!
            expect(slice.taxRateBp).toBe(expected)
          }
          // Neighbouring slices differ in rate (otherwise they would be one invoice line).
          for (let i = 1; i < slices.length; i++) expect(slices[i]!.taxRateBp).not.toBe(slices[i - 1]!.taxRateBp)
        },
      ),
    )
  })
})
