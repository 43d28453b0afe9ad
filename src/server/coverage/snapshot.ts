import 'server-only'
import { isPresent, type AbsencePeriod, type StaffMember } from '@/domain/coverage'
import { demoOpeningHours, parseOpeningHours, type OpeningHours } from '@/domain/opening-hours'
import type { Task } from '@/domain/permissions'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

// What the coverage maths (src/domain/coverage.ts) needs, read from the database: people with their RECORDED levels
// (permissions.levelOf adds the home-role defaults), absences in a window, and the opening hours. Shared by the
// overview's use cases; not a use case itself (callers authorize first).

export interface PersonRef {
  id: string
  name: string
}

export async function loadStaffMembers(): Promise<StaffMember[]> {
  const users = await db().user.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, homeRole: true, active: true, skills: { select: { task: true, level: true } } },
  })
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    homeRole: u.homeRole,
    active: u.active,
    skills: Object.fromEntries(u.skills.map((s) => [s.task, s.level])) as Partial<Record<Task, number>>,
  }))
}

/** Absences overlapping [from, to) (end exclusive). */
export async function loadAbsences(from: Date, to: Date): Promise<Array<AbsencePeriod & { id: string; note: string | null }>> {
  const rows = await db().absence.findMany({
    where: { startsAt: { lt: to }, endsAt: { gt: from } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    select: { id: true, userId: true, kind: true, startsAt: true, endsAt: true, note: true },
  })
  return rows
}

export interface BusinessClock {
  hours: OpeningHours
  timeZone: string
  /** False when the stored opening hours are missing or malformed: the overview then treats every day as closed
   * and says so, instead of guessing. */
  hoursValid: boolean
  currency: string
}

const CLOSED: OpeningHours = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] }

export async function loadBusinessClock(): Promise<BusinessClock> {
  const settings = await getSettings()
  try {
    return { hours: parseOpeningHours(settings.openingHours), timeZone: settings.timeZone, hoursValid: true, currency: settings.currency }
  } catch {
    return { hours: CLOSED, timeZone: settings.timeZone, hoursValid: false, currency: settings.currency }
  }
}

/** The demo's hours, for forms that need a sensible starting point when nothing valid is stored. */
export function defaultOpeningHours(): OpeningHours {
  return demoOpeningHours()
}

export const ref = (m: { id: string; name: string }): PersonRef => ({ id: m.id, name: m.name })

/** Who is present at `now`, by the one presence rule (coverage.isPresent): for the break handover's recipient and the
 * workshop's "who present can make it". Callers authorize first. */
export async function loadPresenceAt(now: Date): Promise<(userId: string) => boolean> {
  const [clock, absences] = await Promise.all([loadBusinessClock(), loadAbsences(now, new Date(now.getTime() + 1))])
  return (userId) => isPresent(userId, now, absences, clock.hours, clock.timeZone)
}
