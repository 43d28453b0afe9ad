import 'server-only'
import { suggestRoster, type RosterSuggestion } from '@/domain/roster-suggest'
import { addDays, businessDay, dayBounds, type OpeningHours } from '@/domain/opening-hours'
import { weekMonday } from '@/domain/roster'
import { loadAbsences, loadBusinessClock, loadStaffMembers } from '../coverage/snapshot'
import { db } from '../db'
import { createHash } from 'node:crypto'

// What the roster screens and the suggestion share (not a use case; callers authorize first).

export interface SuggestionBasis {
  suggestion: RosterSuggestion
  /** Fingerprint of the plan and of the roster it was computed from: apply refuses when either moved. */
  basis: string
  names: Map<string, string>
  hours: OpeningHours
  timeZone: string
}

/** The coming week's Monday: next Monday (a suggestion for a week already under way would rewrite the past). */
export function comingWeek(now: Date, timeZone: string): string {
  return addDays(weekMonday(businessDay(now, timeZone)), 7)
}

export async function computeSuggestion(weekStart: string): Promise<SuggestionBasis> {
  const clock = await loadBusinessClock()
  const from = dayBounds(weekStart, clock.timeZone).start
  const to = dayBounds(addDays(weekStart, 6), clock.timeZone).end
  const [staff, absences, contracts] = await Promise.all([
    loadStaffMembers(),
    loadAbsences(from, to),
    db().user.findMany({
      where: { active: true, contractedMinutesPerWeek: { not: null } },
      select: { id: true, contractedMinutesPerWeek: true },
    }),
  ])
  const suggestion = suggestRoster({
    staff,
    absences,
    hours: clock.hours,
    timeZone: clock.timeZone,
    weekStart,
    contracts: new Map(contracts.map((c) => [c.id, c.contractedMinutesPerWeek!])),
    tasks: clock.indexTasks,
  })
  const hash = createHash('sha256')
  const rostered = staff.filter((m) => m.active && m.shifts).map((m) => [m.id, m.shifts])
  hash.update(JSON.stringify([weekStart, [...suggestion.plan], rostered, contracts]))
  return {
    suggestion,
    basis: hash.digest('hex').slice(0, 16),
    names: new Map(staff.map((m) => [m.id, m.name])),
    hours: clock.hours,
    timeZone: clock.timeZone,
  }
}
