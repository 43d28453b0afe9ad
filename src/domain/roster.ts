// The roster: when each person is on shift. A weekly pattern (per ISO weekday, up to MAX_BLOCKS wall-clock blocks,
// the same shape as the opening hours) plus one-off changes for a date (an extra shift, a day off, changed hours) that
// replace that date's pattern. Pure: src/domain/coverage.ts reads it through onShiftIntervals() so every cover number
// uses one presence rule (docs/decisions/011-roster-and-presence.md).
//
// A person with no roster (`shifts` undefined on their StaffMember) follows the opening hours: that was the only
// assumption before rosters existed, so a shop that never edits its roster sees the same numbers as before.

import {
  ISO_WEEKDAYS,
  addDays,
  OpeningHoursError,
  isoWeekday,
  openIntervalsOnDay,
  parseHhmm,
  parseOpeningHours,
  type Interval,
  type OpeningHours,
} from './opening-hours'

/** At most this many shift blocks per person and day (a split shift: morning and evening). */
export const MAX_BLOCKS = 2

export type ShiftBlocks = Array<[string, string]>

export interface PersonRoster {
  /** Weekly pattern keyed by ISO weekday; an empty list is a day off. */
  weekly: OpeningHours
  /** One-off changes keyed by 'YYYY-MM-DD': they replace the pattern of that date ([] = day off). */
  overrides: Readonly<Record<string, ShiftBlocks>>
}

export class RosterError extends Error {
  override name = 'RosterError'
}

/** A week with no shifts at all. */
export function emptyWeek(): OpeningHours {
  return { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] }
}

/**
 * Validates one day's blocks: 'HH:mm' pairs, start < end, no overlap, at most MAX_BLOCKS. Returns them sorted with
 * touching blocks joined (07:30–12:00 + 12:00–16:00 is one shift).
 */
export function parseBlocks(blocks: unknown): ShiftBlocks {
  if (!Array.isArray(blocks)) throw new RosterError('Shift blocks must be a list')
  let parsed: OpeningHours
  try {
    parsed = parseOpeningHours({ ...emptyWeek(), '1': blocks })
  } catch (e) {
    throw new RosterError(e instanceof OpeningHoursError ? e.message.replace(/^Weekday 1(, )?/, '') : 'Bad shift blocks')
  }
  const day = parsed['1']
  if (day.length > MAX_BLOCKS) throw new RosterError(`At most ${MAX_BLOCKS} shift blocks a day`)
  return day
}

/** The blocks a person works on a date: the date's one-off change if any, else the weekly pattern's day. */
export function blocksOn(roster: PersonRoster, ymd: string): ShiftBlocks {
  return roster.overrides[ymd] ?? roster.weekly[isoWeekday(ymd)]
}

/** The person's shifts of one business day as instants (or the opening hours when they have no roster). */
export function onShiftIntervals(roster: PersonRoster | undefined, hours: OpeningHours, ymd: string, timeZone: string): Interval[] {
  if (!roster) return openIntervalsOnDay(hours, ymd, timeZone)
  const weekday = isoWeekday(ymd)
  return openIntervalsOnDay({ ...emptyWeek(), [weekday]: blocksOn(roster, ymd) }, ymd, timeZone)
}

/** Minutes in a list of blocks. */
export function blockMinutes(blocks: ShiftBlocks): number {
  return blocks.reduce((sum, [s, e]) => sum + parseHhmm(e) - parseHhmm(s), 0)
}

/** Minutes on shift in the ISO week of the pattern (overrides ignored): what the contract is compared with. */
export function weeklyMinutes(weekly: OpeningHours): number {
  return ISO_WEEKDAYS.reduce((sum, d) => sum + blockMinutes(weekly[d]), 0)
}

/** Minutes on shift over the dates given, overrides included. */
export function minutesOnDates(roster: PersonRoster, dates: readonly string[]): number {
  return dates.reduce((sum, ymd) => sum + blockMinutes(blocksOn(roster, ymd)), 0)
}

/** The roster that reproduces "present during all opening hours": the starting point of a first edit. */
export function rosterFromOpeningHours(hours: OpeningHours): PersonRoster {
  const weekly = emptyWeek()
  for (const d of ISO_WEEKDAYS) weekly[d] = hours[d].map(([s, e]) => [s, e])
  return { weekly, overrides: {} }
}

/** Parts of the blocks outside the opening hours of that weekday, in minutes (0 when all inside). */
export function minutesOutside(blocks: ShiftBlocks, open: ShiftBlocks): number {
  let outside = 0
  for (const [s, e] of blocks) {
    const start = parseHhmm(s)
    const end = parseHhmm(e)
    let inside = 0
    for (const [os, oe] of open) inside += Math.max(0, Math.min(end, parseHhmm(oe)) - Math.max(start, parseHhmm(os)))
    outside += end - start - inside
  }
  return outside
}

/** 'HH:mm–HH:mm, HH:mm–HH:mm' for messages and the audit log; '' for a day off. */
export function formatBlocks(blocks: ShiftBlocks): string {
  return blocks.map(([s, e]) => `${s}–${e}`).join(', ')
}

/** The Monday of the ISO week containing the date. */
export function weekMonday(ymd: string): string {
  return addDays(ymd, -(Number(isoWeekday(ymd)) - 1))
}
