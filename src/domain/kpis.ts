// The manager's KPIs: the small pieces of arithmetic around the SQL aggregates (src/server/kpis), kept pure so the
// page, the API and the tests agree on bucket edges, day series, lateness and the cover trend.

import { coverIndex, type AbsencePeriod, type StaffMember } from './coverage'
import { DAY_MS, addDays, dayBounds, isoWeekday, type OpeningHours } from './opening-hours'
import { isOverdue, type FulfillmentStatus, type Handover } from './order-status'
import { TASKS, type Task } from './permissions'

export const HOUR_MS = 3_600_000

// ---------------------------------------------------------------------------------------------------------------
// Buckets

/**
 * Receivables by how long they are overdue: not yet due, then 1–30, 31–60, 61–90 and more than 90 days past the
 * invoice's due date. `maxDays` is inclusive; the last bucket has none.
 */
export const RECEIVABLE_BUCKETS = [
  { key: 'notDue', maxDays: 0 },
  { key: 'd1to30', maxDays: 30 },
  { key: 'd31to60', maxDays: 60 },
  { key: 'd61to90', maxDays: 90 },
  { key: 'over90', maxDays: null },
] as const
export type ReceivableBucket = (typeof RECEIVABLE_BUCKETS)[number]['key']

/**
 * Whole days an invoice is overdue at `now` (0 while not yet due; a partial day late counts as day 1, as a customer
 * who was due yesterday evening is one day late).
 */
export function daysOverdue(dueAt: Date, now: Date): number {
  const late = now.getTime() - dueAt.getTime()
  return late <= 0 ? 0 : Math.ceil(late / DAY_MS)
}

export function receivableBucket(overdueDays: number): ReceivableBucket {
  if (!Number.isFinite(overdueDays)) throw new RangeError(`Not a number of days: ${overdueDays}`)
  for (const b of RECEIVABLE_BUCKETS) if (b.maxDays === null || overdueDays <= b.maxDays) return b.key
  /* c8 ignore next */
  return 'over90'
}

/** Finished orders waiting for their customer, by how long they have been waiting: < 1 day, 1–3, 3–7, ≥ 7 days. */
export const WAITING_BUCKETS = [
  { key: 'under1d', maxHours: 24 },
  { key: 'd1to3', maxHours: 72 },
  { key: 'd3to7', maxHours: 168 },
  { key: 'over7d', maxHours: null },
] as const
export type WaitingBucket = (typeof WAITING_BUCKETS)[number]['key']

/** Upper bounds are exclusive: an order ready exactly 24 hours ago has waited one day. */
export function waitingBucket(hours: number): WaitingBucket {
  if (!Number.isFinite(hours)) throw new RangeError(`Not a number of hours: ${hours}`)
  for (const b of WAITING_BUCKETS) if (b.maxHours === null || hours < b.maxHours) return b.key
  /* c8 ignore next */
  return 'over7d'
}

// ---------------------------------------------------------------------------------------------------------------
// Lateness

export type Lateness = 'readyLate' | 'overdue'

/**
 * An order is late when it became ready after its due time, or when it is overdue now (isOverdue: the one
 * definition). Null when on time (or not due yet).
 */
export function lateness(
  order: { dueAt: Date; readyAt: Date | null; fulfillment: FulfillmentStatus; handover: Handover; cancelled: boolean },
  now: Date,
): Lateness | null {
  if (order.cancelled) return null
  if (order.readyAt) return order.readyAt.getTime() > order.dueAt.getTime() ? 'readyLate' : null
  return isOverdue(order, now) ? 'overdue' : null
}

// ---------------------------------------------------------------------------------------------------------------
// Day series

/** Consecutive business days ['YYYY-MM-DD', …] ending with `lastYmd`. */
export function lastDays(lastYmd: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`)
  return Array.from({ length: count }, (_, i) => addDays(lastYmd, i - count + 1))
}

/**
 * One entry per day, in order, from the rows an SQL GROUP BY returned (days without a row get `empty()`); rows for
 * days outside the list are ignored.
 */
export function fillDays<T extends { day: string }>(days: readonly string[], rows: readonly T[], empty: (day: string) => T): T[] {
  const byDay = new Map(rows.map((r) => [r.day, r]))
  return days.map((day) => byDay.get(day) ?? empty(day))
}

export interface SeriesSummary {
  total: number
  /** Arithmetic mean per point, 0 for an empty series. */
  average: number
  /** First point with the highest value; null for an empty series or when every value is 0. */
  peak: { label: string; value: number } | null
}

/** What a chart says in one sentence (its text alternative): total, average and the peak. */
export function seriesSummary(points: ReadonlyArray<{ label: string; value: number }>): SeriesSummary {
  let total = 0
  let peak: SeriesSummary['peak'] = null
  for (const p of points) {
    total += p.value
    if (p.value > 0 && (peak === null || p.value > peak.value)) peak = { label: p.label, value: p.value }
  }
  return { total, average: points.length === 0 ? 0 : total / points.length, peak }
}

/** Relative change from `previous` to `current` (0.25 = +25 %); null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null
  return (current - previous) / previous
}

/** The Monday ('YYYY-MM-DD') of the ISO week containing `ymd`. */
export function weekStart(ymd: string): string {
  return addDays(ymd, 1 - Number(isoWeekday(ymd)))
}

/** A duration split for display: 30.5 hours -> { days: 1, hours: 6, minutes: 30 }. Negative durations count as 0. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const totalMinutes = Math.max(0, Math.round(ms / 60_000))
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 }
}

// ---------------------------------------------------------------------------------------------------------------
// Cover trend

export interface DailyCover {
  day: string
  /** Share of covered task × quarter-hour slots that day, 0..1; null when the business is closed all day. */
  index: number | null
  /** Task × quarter-hour slots of the day. */
  slots: number
  /** Share of uncovered slots (nobody qualified present), 0..1; null when closed. */
  uncovered: number | null
  /** The bar's height, coverage.coverIndex().grade: a day with an uncovered slot stays below every day without. */
  grade: number | null
}

/**
 * The cover index of each business day from `fromYmd` on, each over that whole day (so today counts its morning
 * too). Absences recorded later can only lower a future day's value: the trend shows what is known now.
 */
export function dailyCoverTrend(
  staff: readonly StaffMember[],
  absences: readonly AbsencePeriod[],
  hours: OpeningHours,
  timeZone: string,
  fromYmd: string,
  days = 7,
  tasks: readonly Task[] = TASKS,
): DailyCover[] {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(fromYmd, i)
    const { start, end } = dayBounds(day, timeZone)
    // A business day lasts 23–25 hours around DST switches; the window is the day itself.
    const ci = coverIndex(staff, absences, hours, timeZone, start, (end.getTime() - start.getTime()) / DAY_MS, tasks)
    const closed = ci.slots === 0
    return {
      day,
      index: closed ? null : ci.index,
      slots: ci.slots,
      uncovered: closed ? null : ci.uncoveredShare,
      grade: closed ? null : ci.grade,
    }
  })
}
