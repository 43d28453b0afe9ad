import { describe, expect, it } from 'vitest'
import type { StaffMember } from '@/domain/coverage'
import {
  HOUR_MS,
  RECEIVABLE_BUCKETS,
  WAITING_BUCKETS,
  dailyCoverTrend,
  daysOverdue,
  fillDays,
  lastDays,
  lateness,
  percentChange,
  receivableBucket,
  seriesSummary,
  splitDuration,
  waitingBucket,
  weekStart,
} from '@/domain/kpis'
import { DAY_MS, demoOpeningHours, zonedWallTimeToUtc } from '@/domain/opening-hours'
import { homeRoleSkills } from '@/domain/permissions'

const HCM = 'Asia/Ho_Chi_Minh'

describe('receivable buckets', () => {
  it('counts whole days overdue, a partial day as one', () => {
    const due = new Date('2026-11-20T10:00:00Z')
    expect(daysOverdue(due, new Date('2026-11-19T10:00:00Z'))).toBe(0)
    expect(daysOverdue(due, due)).toBe(0)
    expect(daysOverdue(due, new Date('2026-11-20T10:00:01Z'))).toBe(1)
    expect(daysOverdue(due, new Date(due.getTime() + DAY_MS))).toBe(1)
    expect(daysOverdue(due, new Date(due.getTime() + DAY_MS + 1))).toBe(2)
  })

  it('puts the edges in the lower bucket', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 10_000].map(receivableBucket)).toEqual([
      'notDue',
      'd1to30',
      'd1to30',
      'd31to60',
      'd31to60',
      'd61to90',
      'd61to90',
      'over90',
      'over90',
    ])
    expect(RECEIVABLE_BUCKETS.map((b) => b.key)).toHaveLength(5)
    expect(() => receivableBucket(Number.NaN)).toThrow(RangeError)
  })

  it('waiting buckets have exclusive upper bounds', () => {
    expect([0, 23.9, 24, 71.9, 72, 167, 168, 1000].map(waitingBucket)).toEqual([
      'under1d',
      'under1d',
      'd1to3',
      'd1to3',
      'd3to7',
      'd3to7',
      'over7d',
      'over7d',
    ])
    expect(WAITING_BUCKETS.at(-1)?.maxHours).toBeNull()
  })
})

describe('lateness', () => {
  const dueAt = new Date('2026-11-20T10:00:00Z')
  const now = new Date('2026-11-21T00:00:00Z')
  it('is late when ready after due, on time when ready before or at due', () => {
    expect(
      lateness({ dueAt, readyAt: new Date(dueAt.getTime() + 1), fulfillment: 'FULFILLED', handover: 'WAITING', cancelled: false }, now),
    ).toBe('readyLate')
    expect(lateness({ dueAt, readyAt: dueAt, fulfillment: 'FULFILLED', handover: 'WAITING', cancelled: false }, now)).toBeNull()
  })
  it('is overdue when not ready past due, not before', () => {
    expect(lateness({ dueAt, readyAt: null, fulfillment: 'PARTLY_FULFILLED', handover: 'WAITING', cancelled: false }, now)).toBe('overdue')
    expect(lateness({ dueAt, readyAt: null, fulfillment: 'PARTLY_FULFILLED', handover: 'WAITING', cancelled: false }, dueAt)).toBeNull()
  })
  it('never counts cancelled orders', () => {
    expect(lateness({ dueAt, readyAt: null, fulfillment: 'PARTLY_FULFILLED', handover: 'WAITING', cancelled: true }, now)).toBeNull()
  })
})

describe('day series', () => {
  it('lists consecutive days ending with the last one, across month ends', () => {
    expect(lastDays('2026-03-02', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
    expect(lastDays('2026-03-02', 0)).toEqual([])
    expect(() => lastDays('2026-03-02', -1)).toThrow(RangeError)
  })

  it('fills missing days and ignores rows outside the range', () => {
    const rows = [
      { day: '2026-11-02', n: 5 },
      { day: '2026-10-01', n: 99 },
    ]
    expect(fillDays(['2026-11-01', '2026-11-02', '2026-11-03'], rows, (day) => ({ day, n: 0 }))).toEqual([
      { day: '2026-11-01', n: 0 },
      { day: '2026-11-02', n: 5 },
      { day: '2026-11-03', n: 0 },
    ])
  })

  it('summarises a series by total, average and first peak', () => {
    expect(seriesSummary([])).toEqual({ total: 0, average: 0, peak: null })
    expect(seriesSummary([{ label: 'a', value: 0 }])).toEqual({ total: 0, average: 0, peak: null })
    expect(
      seriesSummary([
        { label: 'a', value: 2 },
        { label: 'b', value: 5 },
        { label: 'c', value: 5 },
      ]),
    ).toEqual({ total: 12, average: 4, peak: { label: 'b', value: 5 } })
  })

  it('computes relative change, null without a base', () => {
    expect(percentChange(15, 10)).toBeCloseTo(0.5)
    expect(percentChange(5, 10)).toBeCloseTo(-0.5)
    expect(percentChange(5, 0)).toBeNull()
  })

  it('finds the Monday of the ISO week', () => {
    expect(weekStart('2026-11-26')).toBe('2026-11-23') // Thursday
    expect(weekStart('2026-11-23')).toBe('2026-11-23') // Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23') // Sunday belongs to the week that began on Monday
    expect(weekStart('2027-01-01')).toBe('2026-12-28')
  })

  it('splits durations for display', () => {
    expect(splitDuration(30.5 * HOUR_MS)).toEqual({ days: 1, hours: 6, minutes: 30 })
    expect(splitDuration(59_000)).toEqual({ days: 0, hours: 0, minutes: 1 })
    expect(splitDuration(-5)).toEqual({ days: 0, hours: 0, minutes: 0 })
  })
})

describe('dailyCoverTrend', () => {
  const member = (id: string, skills: StaffMember['skills'] = {}): StaffMember => ({
    id,
    name: id,
    homeRole: 'BACK_OFFICE',
    active: true,
    skills: { ...homeRoleSkills('BACK_OFFICE'), ...skills },
  })
  // Two back-office people: every back-office task covered, everything else never (3 of 8 tasks covered).
  const staff = [member('a'), member('b')]

  it('gives each open day its own index, and null for closed days', () => {
    // 2026-11-23 is a Monday; the demo shop is closed on Sundays (2026-11-29).
    const trend = dailyCoverTrend(staff, [], demoOpeningHours(), HCM, '2026-11-23', 7)
    expect(trend.map((d) => d.day)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
    for (const d of trend.slice(0, 6)) {
      expect(d.slots).toBe(46 * 8) // 07:30–19:00 is 46 quarter-hours, for 8 tasks
      expect(d.index).toBeCloseTo(3 / 8)
    }
    expect(trend[6]).toEqual({ day: '2026-11-29', index: null, slots: 0, uncovered: null, grade: null })
  })

  it('lowers only the day an absence falls on', () => {
    const absences = [
      {
        userId: 'a',
        kind: 'SICK' as const,
        startsAt: zonedWallTimeToUtc('2026-11-24', '00:00', HCM),
        endsAt: zonedWallTimeToUtc('2026-11-25', '00:00', HCM),
      },
    ]
    const trend = dailyCoverTrend(staff, absences, demoOpeningHours(), HCM, '2026-11-23', 3)
    expect(trend[0]!.index).toBeCloseTo(3 / 8)
    expect(trend[1]!.index).toBe(0)
    expect(trend[2]!.index).toBeCloseTo(3 / 8)
  })
})
