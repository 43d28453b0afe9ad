import 'server-only'
import { coverForDay, type AbsenceKind, type CoverLevel } from '@/domain/coverage'
import { DomainError } from '@/domain/errors'
import { addDays, businessDay, dayBounds } from '@/domain/opening-hours'
import type { Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { loadAbsences, loadBusinessClock, loadStaffMembers, ref, type PersonRef } from './snapshot'

/** How far the look-ahead reaches either way: far enough to plan leave, near enough to stay meaningful. */
export const LOOK_AHEAD_MAX_DAYS = 366

export interface DayCoverDTO {
  day: string
  closed: boolean
  hoursValid: boolean
  tasks: Array<{
    task: Task
    level: CoverLevel | 'closed'
    minPresent: number | null
    qualified: PersonRef[]
    gaps: Array<{ start: string; end: string; present: number }>
  }>
  absences: Array<{ person: PersonRef; kind: AbsenceKind; start: string; end: string; note: string | null }>
  /** Opening time with nobody rostered at all. */
  unstaffed: Array<{ start: string; end: string }>
}

/** The look-ahead: for one business day, who is qualified, who is away and where a task has no backup. */
export async function getDayCover(actor: Actor, input: { day: string }, now = new Date()): Promise<DayCoverDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const clock = await loadBusinessClock()
  const today = businessDay(now, clock.timeZone)
  let bounds: { start: Date; end: Date }
  try {
    bounds = dayBounds(input.day, clock.timeZone)
  } catch {
    throw new DomainError('INVALID', 'manager.lookAhead.invalidDay', {}, 'day')
  }
  if (input.day < addDays(today, -LOOK_AHEAD_MAX_DAYS) || input.day > addDays(today, LOOK_AHEAD_MAX_DAYS)) {
    throw new DomainError('INVALID', 'manager.lookAhead.outOfRange', { days: LOOK_AHEAD_MAX_DAYS }, 'day')
  }
  const [staff, absences] = await Promise.all([loadStaffMembers(), loadAbsences(bounds.start, bounds.end)])
  const active = staff.filter((m) => m.active)
  const byId = new Map(active.map((m) => [m.id, m]))
  const day = coverForDay(active, absences, clock.hours, clock.timeZone, input.day)
  return {
    day: input.day,
    closed: day.closed,
    hoursValid: clock.hoursValid,
    tasks: day.tasks.map((t) => ({
      task: t.task,
      level: t.level,
      minPresent: t.minPresent,
      qualified: t.qualified.map(ref),
      gaps: t.gaps.map((g) => ({ start: g.start.toISOString(), end: g.end.toISOString(), present: g.present })),
    })),
    unstaffed: day.unstaffed.map((u) => ({ start: u.start.toISOString(), end: u.end.toISOString() })),
    absences: absences.flatMap((a) => {
      const person = byId.get(a.userId)
      return person
        ? [{ person: ref(person), kind: a.kind, start: a.startsAt.toISOString(), end: a.endsAt.toISOString(), note: a.note }]
        : []
    }),
  }
}
