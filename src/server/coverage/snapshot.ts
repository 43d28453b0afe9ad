import 'server-only'
import { isPresent, type AbsencePeriod, type StaffMember } from '@/domain/coverage'
import { demoOpeningHours, parseOpeningHours, type IsoWeekday, type OpeningHours } from '@/domain/opening-hours'
import { TASKS, type Task } from '@/domain/permissions'
import { emptyWeek, parseBlocks, type PersonRoster, type ShiftBlocks } from '@/domain/roster'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

// What the coverage maths (src/domain/coverage.ts) needs, read from the database: people with their RECORDED levels
// (permissions.levelOf adds the home-role defaults), absences in a window, and the opening hours. Shared by the
// overview's use cases; not a use case itself (callers authorize first).

export interface PersonRef {
  id: string
  name: string
}

/** People with their recorded levels and their roster (src/domain/roster.ts); unrostered people get no `shifts`. */
export async function loadStaffMembers(): Promise<StaffMember[]> {
  const users = await db().user.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      homeRole: true,
      active: true,
      rostered: true,
      skills: { select: { task: true, level: true } },
      shiftPatterns: { select: { weekday: true, blocks: true } },
      shiftOverrides: { select: { day: true, blocks: true } },
    },
  })
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    homeRole: u.homeRole,
    active: u.active,
    skills: Object.fromEntries(u.skills.map((s) => [s.task, s.level])) as Partial<Record<Task, number>>,
    ...(u.rostered ? { shifts: toPersonRoster(u.shiftPatterns, u.shiftOverrides) } : {}),
  }))
}

/** Stored rows to the domain's roster; rows were validated on the way in (parseBlocks), and are again here. */
export function toPersonRoster(
  patterns: ReadonlyArray<{ weekday: number; blocks: unknown }>,
  overrides: ReadonlyArray<{ day: Date; blocks: unknown }>,
): PersonRoster {
  const weekly = emptyWeek()
  for (const p of patterns) weekly[String(p.weekday) as IsoWeekday] = parseBlocks(p.blocks)
  const byDay: Record<string, ShiftBlocks> = {}
  for (const o of overrides) byDay[o.day.toISOString().slice(0, 10)] = parseBlocks(o.blocks)
  return { weekly, overrides: byDay }
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
  /** The tasks the cover index counts: all but those the manager left out. */
  indexTasks: Task[]
}

const CLOSED: OpeningHours = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] }

export async function loadBusinessClock(): Promise<BusinessClock> {
  const [settings, row] = await Promise.all([
    getSettings(),
    db().businessSettings.findUnique({ where: { id: 1 }, select: { coverExcludedTasks: true } }),
  ])
  const excluded = row?.coverExcludedTasks ?? []
  const base = { timeZone: settings.timeZone, currency: settings.currency, indexTasks: TASKS.filter((t) => !excluded.includes(t)) }
  try {
    return { ...base, hours: parseOpeningHours(settings.openingHours), hoursValid: true }
  } catch {
    return { ...base, hours: CLOSED, hoursValid: false }
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
  const [clock, absences, staff] = await Promise.all([
    loadBusinessClock(),
    loadAbsences(now, new Date(now.getTime() + 1)),
    loadStaffMembers(),
  ])
  const byId = new Map(staff.map((m) => [m.id, m]))
  return (userId) => {
    const member = byId.get(userId)
    return member !== undefined && isPresent(member, now, absences, clock.hours, clock.timeZone)
  }
}
