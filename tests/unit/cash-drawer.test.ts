import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cashDifference,
  cashTotals,
  countTotal,
  denominationsFor,
  differenceNeedsNote,
  summariseDifferences,
  type CashEvent,
} from '@/domain/cash-drawer'

const amount = fc.integer({ min: 1, max: 50_000_000 })
const cashEvent: fc.Arbitrary<CashEvent> = fc.oneof(
  fc.record({ kind: fc.constant('PAYMENT' as const), amount: fc.integer({ min: -50_000_000, max: 50_000_000 }) }),
  fc.record({ kind: fc.constantFrom('IN' as const, 'OUT' as const), amount }),
)

describe('expected cash', () => {
  it('is float + Σ in − Σ out for any sequence of cash events', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(cashEvent, { maxLength: 40 }), (float, events) => {
        const ins = events.filter((e) => (e.kind === 'PAYMENT' && e.amount > 0) || e.kind === 'IN').reduce((s, e) => s + e.amount, 0)
        const outs = events
          .filter((e) => (e.kind === 'PAYMENT' && e.amount < 0) || e.kind === 'OUT')
          .reduce((s, e) => s + Math.abs(e.amount), 0)
        const t = cashTotals(float, events)
        expect(t.expected).toBe(float + ins - outs)
        expect(t.taken + t.paidIn).toBe(ins)
        expect(t.givenBack + t.paidOut).toBe(outs)
        // The order of events does not matter.
        expect(cashTotals(float, [...events].reverse()).expected).toBe(t.expected)
      }),
    )
  })

  it('splits a day into what was taken, given back, paid in and out', () => {
    const t = cashTotals(1_000_000, [
      { kind: 'PAYMENT', amount: 502_000 },
      { kind: 'PAYMENT', amount: 100_000 },
      { kind: 'PAYMENT', amount: -50_000 },
      { kind: 'IN', amount: 200_000 },
      { kind: 'OUT', amount: 35_000 },
    ])
    expect(t).toEqual({ float: 1_000_000, taken: 602_000, givenBack: 50_000, paidIn: 200_000, paidOut: 35_000, expected: 1_717_000 })
  })

  it('refuses a negative float, a non-positive movement and amounts that are not integers', () => {
    expect(() => cashTotals(-1, [])).toThrow(RangeError)
    expect(() => cashTotals(0, [{ kind: 'OUT', amount: 0 }])).toThrow(RangeError)
    expect(() => cashTotals(0, [{ kind: 'IN', amount: -5 }])).toThrow(RangeError)
    expect(() => cashTotals(0, [{ kind: 'PAYMENT', amount: 1.5 }])).toThrow(RangeError)
  })
})

describe('counting by denomination', () => {
  it('VND is counted in notes from 500,000 to 1,000, largest first', () => {
    expect(denominationsFor('VND')).toEqual([500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000])
    expect(denominationsFor('XXX')).toEqual([])
  })

  it('totals the pieces of each note', () => {
    expect(countTotal('VND', { '500000': 2, '20000': 3, '1000': 7 })).toBe(1_067_000)
    expect(countTotal('EUR', { '50': 3, '1': 2 })).toBe(152)
  })

  it('is the sum of value × pieces for any count', () => {
    const vnd = denominationsFor('VND')
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: vnd.length, maxLength: vnd.length }), (pieces) => {
        const counts = Object.fromEntries(vnd.map((d, i) => [String(d), pieces[i]!]))
        expect(countTotal('VND', counts)).toBe(vnd.reduce((s, d, i) => s + d * pieces[i]!, 0))
      }),
    )
  })

  it('refuses notes the currency does not have, negative or fractional pieces', () => {
    expect(() => countTotal('VND', { '500': 1 })).toThrow(RangeError)
    expect(() => countTotal('VND', { '1000': -1 })).toThrow(RangeError)
    expect(() => countTotal('VND', { '1000': 1.5 })).toThrow(RangeError)
    expect(() => countTotal('VND', { '500000': 99_999 })).toThrow(RangeError)
  })
})

describe('the difference', () => {
  it('is counted minus expected, and needs a note beyond the threshold either way', () => {
    expect(cashDifference(1_000_000, 980_000)).toBe(-20_000)
    expect(differenceNeedsNote(-20_000, 20_000)).toBe(false)
    expect(differenceNeedsNote(-21_000, 20_000)).toBe(true)
    expect(differenceNeedsNote(21_000, 20_000)).toBe(true)
    expect(differenceNeedsNote(0, 0)).toBe(false)
  })

  it('is summarised per person and day, newest day first, keeping the worst session', () => {
    const rows = [
      { day: '2026-12-04', personId: 'a', personName: 'Hà', difference: -20_000 },
      { day: '2026-12-05', personId: 'a', personName: 'Hà', difference: 5_000 },
      { day: '2026-12-05', personId: 'a', personName: 'Hà', difference: -50_000 },
      { day: '2026-12-05', personId: 'b', personName: 'Anh', difference: 0 },
    ]
    expect(summariseDifferences(rows)).toEqual([
      { day: '2026-12-05', personId: 'b', personName: 'Anh', sessions: 1, total: 0, worst: 0 },
      { day: '2026-12-05', personId: 'a', personName: 'Hà', sessions: 2, total: -45_000, worst: -50_000 },
      { day: '2026-12-04', personId: 'a', personName: 'Hà', sessions: 1, total: -20_000, worst: -20_000 },
    ])
  })
})
