// Opening hours and the little time-zone arithmetic that presence and the cover index need. No date library: Intl
// already carries the zone rules, so all we need from it is "what does the wall clock read at this instant?"; the
// rest is minutes since midnight and UTC milliseconds.
//
// Conventions (docs/product.md, "Opening hours, presence and the cover index"):
// - Opening hours are wall-clock intervals per ISO weekday (1 = Monday) in the business time zone, end exclusive.
//   '24:00' is allowed as an end ("until midnight"). An interval never crosses midnight: a shop open 22:00–02:00
//   writes 22:00–24:00 on one day and 00:00–02:00 on the next; openIntervals() joins them back into one interval.
// - A wall time skipped by a DST switch resolves to the instant the clock jumps to (02:30 on the spring-forward night
//   in Berlin becomes 03:30 CEST); a wall time that happens twice resolves to the earlier one. This is Temporal's
//   "compatible" disambiguation, so a future move to Temporal will not shift anything.

export const ISO_WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number]
export type OpeningHours = Record<IsoWeekday, Array<[string, string]>>

export interface Interval {
  start: Date
  end: Date
}

export const DEMO_TIME_ZONE = 'Asia/Ho_Chi_Minh'
/** The demo print shop: Monday to Saturday 07:30–19:00, closed on Sunday. */
export function demoOpeningHours(): OpeningHours {
  // A factory, not a shared constant: callers receive mutable arrays and must not be able to change the demo.
  const day = (): Array<[string, string]> => [['07:30', '19:00']]
  return { '1': day(), '2': day(), '3': day(), '4': day(), '5': day(), '6': day(), '7': [] }
}

export const MINUTE_MS = 60_000
export const QUARTER_HOUR_MS = 15 * MINUTE_MS
export const DAY_MS = 24 * 60 * MINUTE_MS
const MINUTES_PER_DAY = 24 * 60

export class OpeningHoursError extends Error {
  override name = 'OpeningHoursError'
}

// ---------------------------------------------------------------------------------------------------------------
// Wall-clock strings

const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/

/** Minutes since midnight for 'HH:mm' (00:00–24:00). */
export function parseHhmm(hhmm: string): number {
  const m = HHMM.exec(hhmm)
  if (!m) throw new RangeError(`Not a wall-clock time 'HH:mm': ${JSON.stringify(hhmm)}`)
  return m[3] ? MINUTES_PER_DAY : Number(m[1]) * 60 + Number(m[2])
}

export function formatHhmm(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) throw new RangeError(`Bad minutes: ${minutes}`)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/

/** Milliseconds of a wall-clock reading as if it were UTC. Date.UTC would map years 0–99 to 19xx, hence setUTCFullYear. */
function wallAsUtcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute, second, 0)
  return d.getTime()
}

function parseYmd(ymd: string): { year: number; month: number; day: number } {
  const m = YMD.exec(ymd)
  if (m) {
    const year = Number(m[1])
    const month = Number(m[2])
    const day = Number(m[3])
    // Round-trip so that '2026-02-30' is rejected instead of silently becoming 2 March.
    if (ymdOfUtcMs(wallAsUtcMs(year, month, day)) === ymd) return { year, month, day }
  }
  throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${JSON.stringify(ymd)}`)
}

function ymdOfUtcMs(ms: number): string {
  const d = new Date(ms)
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/** Calendar arithmetic on 'YYYY-MM-DD'; zone-free because a calendar day has no length of its own. */
export function addDays(ymd: string, days: number): string {
  const { year, month, day } = parseYmd(ymd)
  return ymdOfUtcMs(wallAsUtcMs(year, month, day) + days * DAY_MS)
}

export function isoWeekday(ymd: string): IsoWeekday {
  const { year, month, day } = parseYmd(ymd)
  const sundayZero = new Date(wallAsUtcMs(year, month, day)).getUTCDay()
  return ISO_WEEKDAYS[(sundayZero + 6) % 7] as IsoWeekday
}

// ---------------------------------------------------------------------------------------------------------------
// Zones

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    // Constructing a formatter costs far more than using one; the cover index asks for the same zone many times.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

export interface WallClock {
  /** 'YYYY-MM-DD' in the zone. */
  ymd: string
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: IsoWeekday
}

function toMs(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime()
  if (!Number.isFinite(ms)) throw new RangeError('Invalid date')
  return ms
}

/** What a wall clock in `timeZone` reads at `at` (to the second). */
export function wallClock(at: Date | number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(toMs(at))
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value)
  const year = get('year')
  const month = get('month')
  const day = get('day')
  const ymd = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { ymd, year, month, day, hour: get('hour'), minute: get('minute'), second: get('second'), weekday: isoWeekday(ymd) }
}

/** The zone's offset from UTC at an instant, in milliseconds (+07:00 → 25 200 000). */
export function utcOffsetMs(at: Date | number, timeZone: string): number {
  const ms = toMs(at)
  const w = wallClock(ms, timeZone)
  // Intl reports whole seconds, so compare against the instant truncated to its second.
  return wallAsUtcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000
}

/**
 * The instant at which the wall clock in `timeZone` reads `hhmm` on `dateYmd`. `hhmm` may be '24:00' (next midnight).
 * Skipped wall times move forward by the gap, repeated ones take the earlier instant (see the file header).
 */
export function zonedWallTimeToUtc(dateYmd: string, hhmm: string, timeZone: string): Date {
  const { year, month, day } = parseYmd(dateYmd)
  return new Date(wallMinutesToUtcMs(wallAsUtcMs(year, month, day), parseHhmm(hhmm), timeZone))
}

function wallMinutesToUtcMs(midnightAsUtcMs: number, minutes: number, timeZone: string): number {
  const local = midnightAsUtcMs + minutes * MINUTE_MS
  // Offsets a day either side bracket any single transition near this wall time (zones change offset at most once in
  // a couple of days), and the offset at `local` itself covers the common no-transition case in one lookup. Each
  // candidate offset is kept only if it maps back to the same wall time; that correction step is what makes DST work.
  const before = utcOffsetMs(local - DAY_MS, timeZone)
  const candidates = new Set([utcOffsetMs(local, timeZone), before, utcOffsetMs(local + DAY_MS, timeZone)])
  let best: number | undefined
  for (const offset of candidates) {
    const utc = local - offset
    if (utcOffsetMs(utc, timeZone) === offset && (best === undefined || utc < best)) best = utc
  }
  // No candidate fits: the wall time was skipped. Reading it with the offset in force before the jump lands on the
  // instant the clock jumped to.
  return best ?? local - before
}

/** The business day ('YYYY-MM-DD' in the zone) containing `at`. */
export function businessDay(at: Date, timeZone: string): string {
  return wallClock(at, timeZone).ymd
}

/** The instants bounding a business day, end exclusive; 23 or 25 hours long on DST switch days. */
export function dayBounds(ymd: string, timeZone: string): Interval {
  return {
    start: zonedWallTimeToUtc(ymd, '00:00', timeZone),
    end: zonedWallTimeToUtc(addDays(ymd, 1), '00:00', timeZone),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Opening hours

/**
 * Validates stored opening hours. All seven ISO weekdays must be present (an empty list means closed), every interval
 * is ['HH:mm', 'HH:mm'] with start < end, and intervals of a day may touch but not overlap. The result is sorted and
 * touching intervals are joined, so later code can rely on disjoint, ordered intervals.
 */
export function parseOpeningHours(json: unknown): OpeningHours {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new OpeningHoursError('Opening hours must be an object keyed by ISO weekday 1–7')
  }
  const record = json as Record<string, unknown>
  const unknownKeys = Object.keys(record).filter((k) => !(ISO_WEEKDAYS as readonly string[]).includes(k))
  if (unknownKeys.length > 0) throw new OpeningHoursError(`Unknown weekday keys: ${unknownKeys.join(', ')}`)

  const result = {} as OpeningHours
  for (const weekday of ISO_WEEKDAYS) {
    const day = record[weekday]
    if (!Array.isArray(day)) throw new OpeningHoursError(`Weekday ${weekday}: expected a list of intervals`)
    const minutes: Array<[number, number]> = day.map((interval: unknown, i) => {
      if (!Array.isArray(interval) || interval.length !== 2 || typeof interval[0] !== 'string' || typeof interval[1] !== 'string') {
        throw new OpeningHoursError(`Weekday ${weekday}, interval ${i}: expected ['HH:mm', 'HH:mm']`)
      }
      let start: number
      let end: number
      try {
        start = parseHhmm(interval[0])
        end = parseHhmm(interval[1])
      } catch (e) {
        throw new OpeningHoursError(`Weekday ${weekday}, interval ${i}: ${(e as Error).message}`)
      }
      if (start >= end) {
        throw new OpeningHoursError(`Weekday ${weekday}, interval ${i}: opens at or after it closes (split at midnight)`)
      }
      return [start, end]
    })
    minutes.sort((a, b) => a[0] - b[0])
    const merged: Array<[number, number]> = []
    for (const [start, end] of minutes) {
      const last = merged[merged.length - 1]
      if (last && start < last[1]) throw new OpeningHoursError(`Weekday ${weekday}: intervals overlap`)
      if (last && start === last[1]) last[1] = end
      else merged.push([start, end])
    }
    result[weekday] = merged.map(([s, e]) => [formatHhmm(s), formatHhmm(e)])
  }
  return result
}

/** The opening intervals of one business day as instants, unclipped, sorted and disjoint. */
export function openIntervalsOnDay(hours: OpeningHours, ymd: string, timeZone: string): Interval[] {
  const { year, month, day } = parseYmd(ymd)
  const midnight = wallAsUtcMs(year, month, day)
  const out: Interval[] = []
  for (const [from, to] of hours[isoWeekday(ymd)]) {
    const start = wallMinutesToUtcMs(midnight, parseHhmm(from), timeZone)
    const end = wallMinutesToUtcMs(midnight, parseHhmm(to), timeZone)
    // An interval lying wholly inside a DST gap (02:10–02:40 on spring-forward night) never happens.
    if (end > start) out.push({ start: new Date(start), end: new Date(end) })
  }
  return out
}

/** Opening intervals intersecting [fromUtc, toUtc), clipped to it; intervals touching across midnight are joined. */
export function openIntervals(hours: OpeningHours, fromUtc: Date, toUtc: Date, timeZone: string): Interval[] {
  const from = toMs(fromUtc)
  const to = toMs(toUtc)
  if (from >= to) return []
  const out: Interval[] = []
  // Every interval of day D lies within D's bounds, so the scan starts on from's day and stops once a day starts at or
  // after `to`.
  for (let ymd = businessDay(fromUtc, timeZone); toMs(zonedWallTimeToUtc(ymd, '00:00', timeZone)) < to; ymd = addDays(ymd, 1)) {
    for (const interval of openIntervalsOnDay(hours, ymd, timeZone)) {
      const start = Math.max(interval.start.getTime(), from)
      const end = Math.min(interval.end.getTime(), to)
      if (end <= start) continue
      const last = out[out.length - 1]
      if (last && last.end.getTime() === start) last.end = new Date(end)
      else out.push({ start: new Date(start), end: new Date(end) })
    }
  }
  return out
}

export function isOpen(hours: OpeningHours, at: Date, timeZone: string): boolean {
  const ms = toMs(at)
  return openIntervalsOnDay(hours, businessDay(at, timeZone), timeZone).some((i) => i.start.getTime() <= ms && ms < i.end.getTime())
}

/**
 * The opening quarter-hours of a business day: slots start where the wall clock reads :00, :15, :30 or :45 inside
 * opening hours, and end at the next quarter or at closing, whichever comes first. A quarter that is only partly open
 * counts when it starts inside opening hours (opening at 07:40 makes 07:45 the first slot; closing at 18:50 makes
 * 18:45–18:50 the last). Slots are chronological and never overlap.
 */
export function openingQuarterHours(hours: OpeningHours, ymd: string, timeZone: string): Interval[] {
  const out: Interval[] = []
  for (const interval of openIntervalsOnDay(hours, ymd, timeZone)) {
    const start = interval.start.getTime()
    const end = interval.end.getTime()
    const offsetAtStart = utcOffsetMs(start, timeZone)
    const uniform = offsetAtStart === utcOffsetMs(end - 1, timeZone)
    let t = alignToWallQuarter(start, offsetAtStart)
    while (t < end) {
      // Within an interval with one offset, wall quarters are exactly 15 minutes apart; across a DST switch, re-check
      // the alignment at every step (offsets not divisible by 15 minutes, like historical local mean time, move it).
      if (!uniform) {
        const aligned = alignToWallQuarter(t, utcOffsetMs(t, timeZone))
        if (aligned !== t) {
          t = aligned
          continue
        }
      }
      out.push({ start: new Date(t), end: new Date(Math.min(t + QUARTER_HOUR_MS, end)) })
      t += QUARTER_HOUR_MS
    }
  }
  return out
}

function alignToWallQuarter(utcMs: number, offsetMs: number): number {
  const wall = utcMs + offsetMs
  return Math.ceil(wall / QUARTER_HOUR_MS) * QUARTER_HOUR_MS - offsetMs
}
