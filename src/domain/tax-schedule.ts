// VAT rates that change on a date, and which rate an invoiced unit carries (docs/decisions/021-vat-rate-at-the-tax-point.md).
//
// A tax category ("standard", "reduced 5 %", "0 %", "not subject to VAT") has a schedule: periods that each start on a
// business day (the shop's time zone) and run until the next one starts. The rate a unit of work is invoiced at is the
// rate in force on its *tax point*: the business day it was done (handed over / completed, Decree 123/2020 art. 9),
// never the day the order was taken nor the day the invoice happens to be issued.

import { DomainError } from './errors'
import { businessDay } from './opening-hours'
import { MAX_TAX_RATE_BP } from './tax'

export interface RatePeriod {
  /** First business day (YYYY-MM-DD) the rate applies. */
  validFrom: string
  rateBp: number
}

export interface RateChange {
  /** First business day of the new rate. */
  validFrom: string
  fromBp: number
  toBp: number
}

const YMD = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

function invalid(messageKey: string, field: string): DomainError {
  return new DomainError('INVALID', messageKey, {}, field)
}

/** Periods sorted by date; throws INVALID for a malformed date, a rate outside [0, 100 %], an empty schedule or two
 * periods starting on the same day. */
export function checkSchedule(periods: readonly RatePeriod[]): RatePeriod[] {
  if (periods.length === 0) throw invalid('errors.taxScheduleEmpty', 'periods')
  const sorted = [...periods].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0))
  sorted.forEach((p, i) => {
    if (!YMD.test(p.validFrom) || Number.isNaN(Date.parse(`${p.validFrom}T00:00:00Z`))) throw invalid('errors.invalidDate', 'validFrom')
    if (!Number.isSafeInteger(p.rateBp) || p.rateBp < 0 || p.rateBp > MAX_TAX_RATE_BP) throw invalid('errors.invalidTaxRate', 'rateBp')
    if (i > 0 && sorted[i - 1]!.validFrom === p.validFrom) throw invalid('errors.taxScheduleDuplicate', 'validFrom')
  })
  return sorted
}

/** The rate in force on a business day. Throws INVALID ('errors.noTaxRate') before the first period. */
export function rateOnDay(periods: readonly RatePeriod[], day: string): number {
  let rate: number | null = null
  for (const p of checkSchedule(periods)) {
    if (p.validFrom <= day) rate = p.rateBp
    else break
  }
  if (rate === null) throw new DomainError('INVALID', 'errors.noTaxRate', { day }, 'taxCategoryId')
  return rate
}

/** The rate in force at an instant, on the business day it falls on in `timeZone`. */
export function rateAt(periods: readonly RatePeriod[], at: Date, timeZone: string): number {
  return rateOnDay(periods, businessDay(at, timeZone))
}

/** The next change of rate after `day` (a period starting later with a different rate), or null. */
export function nextRateChange(periods: readonly RatePeriod[], day: string): RateChange | null {
  const sorted = checkSchedule(periods)
  let current: number | null = null
  for (const p of sorted) {
    if (p.validFrom <= day) {
      current = p.rateBp
      continue
    }
    if (current !== null && p.rateBp !== current) return { validFrom: p.validFrom, fromBp: current, toBp: p.rateBp }
    current = p.rateBp
  }
  return null
}

// ---- Tax points of the units of an order line ----------------------------------------------------------------------

/** A change of an order line's done quantity (FulfillmentEvent): positive when work is recorded, negative when a
 * recording is corrected. */
export interface DoneEvent {
  quantity: number
  at: Date
}

/** Runs of consecutive units of an order line (unit 1 is the first) and when each was last done. */
export interface DoneRun {
  count: number
  at: Date
}

/**
 * When each unit of a line was done, from its fulfilment events in time order: units are done bottom-up and a
 * correction takes back the most recent ones (the line's done quantity is a counter, not a set of named units). A unit
 * done, corrected and done again counts from the second time: that is when it was finished. Events are sorted by time
 * here; a correction larger than what is done stops at zero.
 */
export function doneRuns(events: readonly DoneEvent[]): DoneRun[] {
  const runs: DoneRun[] = []
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime())
  for (const e of sorted) {
    if (!Number.isSafeInteger(e.quantity)) throw invalid('errors.invalidQuantity', 'quantity')
    if (e.quantity > 0) {
      const top = runs.at(-1)
      if (top && top.at.getTime() === e.at.getTime()) top.count += e.quantity
      else runs.push({ count: e.quantity, at: e.at })
      continue
    }
    let back = -e.quantity
    while (back > 0 && runs.length > 0) {
      const top = runs.at(-1)!
      const taken = Math.min(top.count, back)
      top.count -= taken
      back -= taken
      if (top.count === 0) runs.pop()
    }
  }
  return runs
}

/** Part of an invoice slice charged at one rate. */
export interface RatedSlice {
  /** Position on the order line's scale of the first unit (decision 008). */
  from: number
  quantity: number
  taxRateBp: number
  /** Business day of the tax point of the slice's last unit. */
  taxDay: string
}

/**
 * Splits the units (from, from + quantity] of an order line into slices of one rate each: every unit carries the rate
 * of its category on the business day it was done (decision 021). Units with no recorded completion (done before
 * events were recorded) take `fallback`, the invoice's own time. Adjacent units with the same rate stay one slice, so
 * a line done entirely on one side of a change stays one invoice line.
 */
export function rateSlices(input: {
  from: number
  quantity: number
  runs: readonly DoneRun[]
  periods: readonly RatePeriod[]
  timeZone: string
  fallback: Date
}): RatedSlice[] {
  const { from, quantity, runs, periods, timeZone, fallback } = input
  if (!Number.isSafeInteger(from) || from < 0) throw invalid('errors.invalidQuantity', 'from')
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw invalid('errors.invalidQuantity', 'quantity')
  const out: RatedSlice[] = []
  const push = (count: number, at: Date, start: number) => {
    const taxDay = businessDay(at, timeZone)
    const taxRateBp = rateOnDay(periods, taxDay)
    const last = out.at(-1)
    if (last && last.taxRateBp === taxRateBp) {
      last.quantity += count
      if (taxDay > last.taxDay) last.taxDay = taxDay
    } else out.push({ from: start, quantity: count, taxRateBp, taxDay })
  }
  const end = from + quantity
  let unit = 0 // units of the runs walked so far
  let cursor = from
  for (const run of runs) {
    const runEnd = unit + run.count
    const a = Math.max(cursor, unit)
    const b = Math.min(end, runEnd)
    if (b > a) {
      push(b - a, run.at, a)
      cursor = b
    }
    unit = runEnd
    if (cursor >= end) break
  }
  if (cursor < end) push(end - cursor, fallback, cursor)
  return out
}
