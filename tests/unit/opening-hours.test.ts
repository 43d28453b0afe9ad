import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DAY_MS,
  DEMO_TIME_ZONE,
  OpeningHoursError,
  addDays,
  businessDay,
  dayBounds,
  demoOpeningHours,
  formatHhmm,
  isOpen,
  isoWeekday,
  openIntervals,
  openIntervalsOnDay,
  openingQuarterHours,
  parseHhmm,
  parseOpeningHours,
  utcOffsetMs,
  wallClock,
  zonedWallTimeToUtc,
  type OpeningHours,
} from '@/domain/opening-hours'

const HCM = 'Asia/Ho_Chi_Minh'
const BERLIN = 'Europe/Berlin'
const HOUR = 3_600_000
const iso = (d: Date): string => d.toISOString()
const closedWeek = (): OpeningHours => ({ '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] })
const everyDay = (from: string, to: string): OpeningHours => {
  const h = closedWeek()
  for (const k of Object.keys(h) as Array<keyof OpeningHours>) h[k] = [[from, to]]
  return h
}

describe('wall-clock strings and calendar days', () => {
  it('parses and formats HH:mm, including 24:00 as an end', () => {
    expect(parseHhmm('00:00')).toBe(0)
    expect(parseHhmm('07:30')).toBe(450)
    expect(parseHhmm('23:59')).toBe(1439)
    expect(parseHhmm('24:00')).toBe(1440)
    expect(formatHhmm(450)).toBe('07:30')
    expect(formatHhmm(1440)).toBe('24:00')
    for (const bad of ['7:30', '24:01', '25:00', '12:60', '12:3', '', 'noon', '12:30:00']) {
      expect(() => parseHhmm(bad), bad).toThrow(RangeError)
    }
    expect(() => formatHhmm(1441)).toThrow(RangeError)
    expect(() => formatHhmm(1.5)).toThrow(RangeError)
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-03-02', 7)).toBe('2026-03-09')
    expect(() => addDays('2026-02-29', 1)).toThrow(RangeError)
    expect(() => addDays('2026-3-1', 1)).toThrow(RangeError)
  })

  it('gives ISO weekdays with Monday = 1 and Sunday = 7', () => {
    expect(isoWeekday('2026-03-02')).toBe('1')
    expect(isoWeekday('2026-03-07')).toBe('6')
    expect(isoWeekday('2026-03-29')).toBe('7')
    expect(isoWeekday('2024-02-29')).toBe('4')
  })
})

describe('zone arithmetic', () => {
  it('reads the wall clock in a fixed-offset zone', () => {
    const w = wallClock(new Date('2026-03-02T00:30:00Z'), HCM)
    expect(w).toEqual({ ymd: '2026-03-02', year: 2026, month: 3, day: 2, hour: 7, minute: 30, second: 0, weekday: '1' })
    // Midnight must read as hour 0, not 24 (the reason for hourCycle h23).
    expect(wallClock(new Date('2026-03-01T17:00:00Z'), HCM).hour).toBe(0)
    expect(utcOffsetMs(new Date('2026-07-01T00:00:00Z'), HCM)).toBe(7 * HOUR)
  })

  it('knows the Berlin offset on both sides of the DST switch', () => {
    expect(utcOffsetMs(new Date('2026-03-29T00:59:59Z'), BERLIN)).toBe(1 * HOUR)
    expect(utcOffsetMs(new Date('2026-03-29T01:00:00Z'), BERLIN)).toBe(2 * HOUR)
    expect(utcOffsetMs(new Date('2026-10-25T00:59:59Z'), BERLIN)).toBe(2 * HOUR)
    expect(utcOffsetMs(new Date('2026-10-25T01:00:00Z'), BERLIN)).toBe(1 * HOUR)
  })

  it('converts wall time to UTC in a fixed zone and in a DST zone', () => {
    expect(iso(zonedWallTimeToUtc('2026-03-02', '07:30', HCM))).toBe('2026-03-02T00:30:00.000Z')
    expect(iso(zonedWallTimeToUtc('2026-03-02', '00:00', HCM))).toBe('2026-03-01T17:00:00.000Z')
    expect(iso(zonedWallTimeToUtc('2026-03-02', '24:00', HCM))).toBe('2026-03-02T17:00:00.000Z')
    expect(iso(zonedWallTimeToUtc('2026-03-28', '07:30', BERLIN))).toBe('2026-03-28T06:30:00.000Z')
    expect(iso(zonedWallTimeToUtc('2026-03-30', '07:30', BERLIN))).toBe('2026-03-30T05:30:00.000Z')
    expect(iso(zonedWallTimeToUtc('2026-01-15', '12:00', 'America/New_York'))).toBe('2026-01-15T17:00:00.000Z')
    expect(iso(zonedWallTimeToUtc('2026-01-15', '12:00', 'Asia/Kathmandu'))).toBe('2026-01-15T06:15:00.000Z')
  })

  it('moves a skipped wall time forward and takes the earlier of a repeated one', () => {
    // 02:30 does not exist on 29 March 2026 in Berlin: the clock jumps 02:00 CET -> 03:00 CEST.
    expect(iso(zonedWallTimeToUtc('2026-03-29', '02:30', BERLIN))).toBe('2026-03-29T01:30:00.000Z')
    expect(wallClock(zonedWallTimeToUtc('2026-03-29', '02:30', BERLIN), BERLIN).hour).toBe(3)
    expect(iso(zonedWallTimeToUtc('2026-03-29', '03:00', BERLIN))).toBe('2026-03-29T01:00:00.000Z')
    // 02:30 happens twice on 25 October 2026: first in CEST (00:30Z), then in CET (01:30Z).
    expect(iso(zonedWallTimeToUtc('2026-10-25', '02:30', BERLIN))).toBe('2026-10-25T00:30:00.000Z')
    expect(iso(zonedWallTimeToUtc('2026-10-25', '03:00', BERLIN))).toBe('2026-10-25T02:00:00.000Z')
  })

  it('rejects bad dates, times and zones', () => {
    expect(() => zonedWallTimeToUtc('2026-02-30', '10:00', HCM)).toThrow(RangeError)
    expect(() => zonedWallTimeToUtc('2026-03-02', '10:0', HCM)).toThrow(RangeError)
    expect(() => zonedWallTimeToUtc('2026-03-02', '10:00', 'Mars/Olympus')).toThrow(RangeError)
    expect(() => businessDay(new Date(Number.NaN), HCM)).toThrow(RangeError)
  })

  it('round-trips every minute of the DST years through wall time (property)', () => {
    const from = Date.UTC(2025, 0, 1)
    const to = Date.UTC(2027, 0, 1)
    fc.assert(
      fc.property(
        fc.integer({ min: from / 60_000, max: to / 60_000 }),
        fc.constantFrom(BERLIN, HCM, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'),
        (minute, zone) => {
          const t = minute * 60_000
          const w = wallClock(t, zone)
          const hhmm = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
          const back = zonedWallTimeToUtc(w.ymd, hhmm, zone).getTime()
          const again = wallClock(back, zone)
          expect([again.ymd, again.hour, again.minute]).toEqual([w.ymd, w.hour, w.minute])
          // Exact, or the earlier occurrence of a repeated wall time (Lord Howe repeats half an hour).
          expect(back <= t && t - back <= HOUR).toBe(true)
          if (back !== t) expect(utcOffsetMs(back, zone)).toBeGreaterThan(utcOffsetMs(t, zone))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('finds the business day and its bounds, 23 and 25 hours on DST switch days', () => {
    expect(businessDay(new Date('2026-03-01T16:59:59.999Z'), HCM)).toBe('2026-03-01')
    expect(businessDay(new Date('2026-03-01T17:00:00.000Z'), HCM)).toBe('2026-03-02')
    expect(businessDay(new Date('2026-03-28T23:30:00Z'), BERLIN)).toBe('2026-03-29')

    const hcm = dayBounds('2026-03-02', HCM)
    expect([iso(hcm.start), iso(hcm.end)]).toEqual(['2026-03-01T17:00:00.000Z', '2026-03-02T17:00:00.000Z'])
    const spring = dayBounds('2026-03-29', BERLIN)
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * HOUR)
    const autumn = dayBounds('2026-10-25', BERLIN)
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * HOUR)
    expect(dayBounds('2026-06-10', BERLIN).end.getTime() - dayBounds('2026-06-10', BERLIN).start.getTime()).toBe(DAY_MS)
  })
})

describe('parseOpeningHours', () => {
  it('accepts the demo hours unchanged', () => {
    const demo = demoOpeningHours()
    expect(parseOpeningHours(JSON.parse(JSON.stringify(demo)))).toEqual(demo)
    expect(demo['1']).toEqual([['07:30', '19:00']])
    expect(demo['7']).toEqual([])
  })

  it('hands out a fresh demo each time', () => {
    const a = demoOpeningHours()
    a['1'].push(['20:00', '21:00'])
    expect(demoOpeningHours()['1']).toEqual([['07:30', '19:00']])
  })

  it('sorts intervals and joins touching ones', () => {
    const h = {
      ...closedWeek(),
      '1': [
        ['13:00', '19:00'],
        ['07:30', '11:30'],
      ],
      '2': [
        ['07:30', '12:00'],
        ['12:00', '24:00'],
      ],
    }
    const parsed = parseOpeningHours(h)
    expect(parsed['1']).toEqual([
      ['07:30', '11:30'],
      ['13:00', '19:00'],
    ])
    expect(parsed['2']).toEqual([['07:30', '24:00']])
  })

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'Mon-Sat'],
    ['a missing weekday', { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [] }],
    ['an unknown key', { ...closedWeek(), '0': [] }],
    ['a day that is not a list', { ...closedWeek(), '1': '07:30-19:00' }],
    ['an interval that is not a pair', { ...closedWeek(), '1': [['07:30']] }],
    ['an interval of numbers', { ...closedWeek(), '1': [[730, 1900]] }],
    ['a malformed time', { ...closedWeek(), '1': [['7:30', '19:00']] }],
    ['an hour past 24', { ...closedWeek(), '1': [['07:30', '24:30']] }],
    ['an interval crossing midnight', { ...closedWeek(), '1': [['22:00', '02:00']] }],
    ['an empty interval', { ...closedWeek(), '1': [['10:00', '10:00']] }],
    [
      'overlapping intervals',
      {
        ...closedWeek(),
        '1': [
          ['07:30', '12:00'],
          ['11:59', '19:00'],
        ],
      },
    ],
  ])('rejects %s', (_label, input) => {
    expect(() => parseOpeningHours(input)).toThrow(OpeningHoursError)
  })
})

describe('openIntervals and isOpen', () => {
  const demo = demoOpeningHours()

  it('lists a demo week in Ho Chi Minh City: six days of 11.5 hours, nothing on Sunday', () => {
    const from = zonedWallTimeToUtc('2026-03-02', '00:00', HCM)
    const intervals = openIntervals(demo, from, new Date(from.getTime() + 7 * DAY_MS), HCM)
    expect(intervals).toHaveLength(6)
    expect(iso(intervals[0]!.start)).toBe('2026-03-02T00:30:00.000Z')
    expect(iso(intervals[0]!.end)).toBe('2026-03-02T12:00:00.000Z')
    expect(iso(intervals[5]!.start)).toBe('2026-03-07T00:30:00.000Z')
    for (const i of intervals) expect(i.end.getTime() - i.start.getTime()).toBe(11.5 * HOUR)
  })

  it('clips to [from, to) and returns nothing for an empty window', () => {
    const from = new Date('2026-03-02T10:00:00+07:00')
    const to = new Date('2026-03-03T08:00:00+07:00')
    expect(openIntervals(demo, from, to, HCM).map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-02T03:00:00.000Z', '2026-03-02T12:00:00.000Z'],
      ['2026-03-03T00:30:00.000Z', '2026-03-03T01:00:00.000Z'],
    ])
    expect(openIntervals(demo, to, from, HCM)).toEqual([])
    expect(openIntervals(demo, from, from, HCM)).toEqual([])
  })

  it('joins an evening and the next early morning into one night interval', () => {
    const h = { ...closedWeek(), '1': [['22:00', '24:00']], '2': [['00:00', '02:00']] } as OpeningHours
    const from = new Date('2026-03-02T00:00:00+07:00')
    const intervals = openIntervals(h, from, new Date(from.getTime() + 3 * DAY_MS), HCM)
    expect(intervals.map((i) => [iso(i.start), iso(i.end)])).toEqual([['2026-03-02T15:00:00.000Z', '2026-03-02T19:00:00.000Z']])
    expect(isOpen(h, new Date('2026-03-03T00:00:00+07:00'), HCM)).toBe(true)
    expect(isOpen(h, new Date('2026-03-03T02:00:00+07:00'), HCM)).toBe(false)
  })

  it('follows Berlin wall time across the March DST switch', () => {
    const from = new Date('2026-03-27T00:00:00+01:00')
    const to = new Date('2026-04-01T00:00:00+02:00')
    const starts = openIntervals(demo, from, to, BERLIN).map((i) => iso(i.start))
    // Friday and Saturday at 07:30 CET, Monday and Tuesday at 07:30 CEST; closed on the switch Sunday.
    expect(starts).toEqual(['2026-03-27T06:30:00.000Z', '2026-03-28T06:30:00.000Z', '2026-03-30T05:30:00.000Z', '2026-03-31T05:30:00.000Z'])
    expect(isOpen(demo, new Date('2026-03-30T05:30:00Z'), BERLIN)).toBe(true)
    expect(isOpen(demo, new Date('2026-03-30T05:29:59Z'), BERLIN)).toBe(false)
    expect(isOpen(demo, new Date('2026-03-28T06:29:59Z'), BERLIN)).toBe(false)
    expect(isOpen(demo, new Date('2026-03-28T06:30:00Z'), BERLIN)).toBe(true)
  })

  it('is open from opening time inclusive to closing time exclusive, closed on Sunday', () => {
    expect(isOpen(demo, new Date('2026-03-02T07:29:59.999+07:00'), HCM)).toBe(false)
    expect(isOpen(demo, new Date('2026-03-02T07:30:00+07:00'), HCM)).toBe(true)
    expect(isOpen(demo, new Date('2026-03-02T18:59:59.999+07:00'), HCM)).toBe(true)
    expect(isOpen(demo, new Date('2026-03-02T19:00:00+07:00'), HCM)).toBe(false)
    expect(isOpen(demo, new Date('2026-03-08T10:00:00+07:00'), HCM)).toBe(false)
    // The same instant is 11:00 in Ho Chi Minh City but 05:00 in Berlin: the zone decides.
    expect(isOpen(demo, new Date('2026-03-02T04:00:00Z'), HCM)).toBe(true)
    expect(isOpen(demo, new Date('2026-03-02T04:00:00Z'), BERLIN)).toBe(false)
  })

  it('keeps an interval that spans the skipped hour at its real length', () => {
    const h = everyDay('01:00', '04:00')
    const [spring] = openIntervalsOnDay(h, '2026-03-29', BERLIN)
    expect(spring!.end.getTime() - spring!.start.getTime()).toBe(2 * HOUR)
    const [autumn] = openIntervalsOnDay(h, '2026-10-25', BERLIN)
    expect(autumn!.end.getTime() - autumn!.start.getTime()).toBe(4 * HOUR)
  })
})

describe('openingQuarterHours', () => {
  it('gives 46 quarter-hours on a demo day, on the :00/:15/:30/:45 grid', () => {
    const slots = openingQuarterHours(demoOpeningHours(), '2026-03-02', HCM)
    expect(slots).toHaveLength(46)
    expect(iso(slots[0]!.start)).toBe('2026-03-02T00:30:00.000Z')
    expect(iso(slots[45]!.start)).toBe('2026-03-02T11:45:00.000Z')
    expect(iso(slots[45]!.end)).toBe('2026-03-02T12:00:00.000Z')
    expect(openingQuarterHours(demoOpeningHours(), '2026-03-08', HCM)).toEqual([])
  })

  it('counts a partly open quarter only when it starts inside opening hours', () => {
    const h = { ...closedWeek(), '1': [['07:40', '18:50']] } as OpeningHours
    const slots = openingQuarterHours(h, '2026-03-02', HCM)
    expect(wallClock(slots[0]!.start, HCM).minute).toBe(45)
    const last = slots[slots.length - 1]!
    expect([wallClock(last.start, HCM).hour, wallClock(last.start, HCM).minute]).toEqual([18, 45])
    expect(last.end.getTime() - last.start.getTime()).toBe(5 * 60_000)
    expect(slots).toHaveLength(45)
  })

  it('has 23 or 25 hours of slots on DST switch days in Berlin', () => {
    const h = everyDay('00:00', '24:00')
    expect(openingQuarterHours(h, '2026-03-28', BERLIN)).toHaveLength(96)
    expect(openingQuarterHours(h, '2026-03-29', BERLIN)).toHaveLength(92)
    expect(openingQuarterHours(h, '2026-10-25', BERLIN)).toHaveLength(100)
    const night = everyDay('01:00', '04:00')
    expect(openingQuarterHours(night, '2026-03-29', BERLIN)).toHaveLength(8)
    expect(openingQuarterHours(night, '2026-10-25', BERLIN)).toHaveLength(16)
  })

  it('aligns to wall quarters in a zone offset by 45 minutes', () => {
    const slots = openingQuarterHours({ ...closedWeek(), '1': [['07:10', '08:00']] }, '2026-03-02', 'Asia/Kathmandu')
    expect(slots.map((s) => wallClock(s.start, 'Asia/Kathmandu').minute)).toEqual([15, 30, 45])
  })

  it('slots are contiguous, ordered, and inside opening hours (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1440 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(HCM, BERLIN, 'Asia/Kathmandu'),
        (a, b, dayOffset, zone) => {
          const [from, to] = a < b ? [a, b] : [b, a]
          fc.pre(from < to)
          const h = everyDay(formatHhmm(from), formatHhmm(to))
          const ymd = addDays('2026-01-01', dayOffset)
          const slots = openingQuarterHours(h, ymd, zone)
          const [interval] = openIntervalsOnDay(h, ymd, zone)
          for (const [i, s] of slots.entries()) {
            expect(isOpen(h, s.start, zone)).toBe(true)
            expect(wallClock(s.start, zone).minute % 15).toBe(0)
            expect(s.end.getTime()).toBeGreaterThan(s.start.getTime())
            expect(s.end.getTime() - s.start.getTime()).toBeLessThanOrEqual(15 * 60_000)
            const next = slots[i + 1]
            if (next) expect(next.start.getTime()).toBe(s.end.getTime())
          }
          if (interval && slots.length > 0) expect(slots[slots.length - 1]!.end.getTime()).toBe(interval.end.getTime())
        },
      ),
      { numRuns: 200 },
    )
  })

  it('uses the demo zone constant', () => {
    expect(DEMO_TIME_ZONE).toBe(HCM)
  })
})
