import 'server-only'
import {
  coverIndex,
  coverNow,
  rankTrainees,
  rosteredStaff,
  singlePointsOfFailure,
  uncoveredTasks,
  type AbsenceKind,
  type CoverLevel,
} from '@/domain/coverage'
import { dailyCoverTrend, type DailyCover } from '@/domain/kpis'
import { DAY_MS, addDays, businessDay, dayBounds, openIntervals } from '@/domain/opening-hours'
import { TASKS, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { loadAbsences, loadBusinessClock, loadStaffMembers, ref, type PersonRef } from './snapshot'

export const TRAINEE_SUGGESTIONS = 3
export const WORST_SHOWN = 8
/** Ranges listed under each task that pulls the index down (the task's total hours say the rest). */
export const RANGES_SHOWN = 3

export interface CoverNowTaskDTO {
  task: Task
  level: CoverLevel | 'closed'
  present: PersonRef[]
  /** Everyone qualified (shown while closed: who will be able to cover at opening). */
  qualified: PersonRef[]
  /** Qualified people who are away right now, with why and until when. */
  away: Array<PersonRef & { kind: AbsenceKind; until: string }>
}

export interface SpofDTO {
  task: Task
  /** 'none': nobody active is qualified; 'single': exactly one person is. */
  kind: 'none' | 'single'
  onlyPerson: (PersonRef & { awayNow: boolean }) | null
  candidates: Array<PersonRef & { level: number; closeness: number }>
  goals: Array<{ id: string; person: PersonRef; targetLevel: number; dueOn: string | null }>
}

export interface CoverOverviewDTO {
  now: string
  timeZone: string
  hoursValid: boolean
  closedNow: boolean
  /** Next opening time when closed now (within the coming 8 days). */
  nextOpenAt: string | null
  coverNow: CoverNowTaskDTO[]
  awayNow: Array<{ person: PersonRef; kind: AbsenceKind; until: string; note: string | null }>
  index: {
    value: number
    slots: number
    coveredSlots: number
    fragileSlots: number
    uncoveredSlots: number
    uncoveredShare: number
    uncoveredHours: number
    from: string
    to: string
    /** Tasks left out of the index by the manager. */
    excluded: Task[]
    perTask: Array<{ task: Task; index: number }>
    worst: Array<{ task: Task; start: string; end: string; present: number }>
    /** What pulls it down, grouped by task, worst first. */
    pulls: Array<{
      task: Task
      uncoveredHours: number
      fragileHours: number
      ranges: Array<{ start: string; end: string; present: number }>
    }>
    /** Opening time with nobody rostered at all. */
    unstaffed: Array<{ start: string; end: string }>
  }
  trend: DailyCover[]
  spof: SpofDTO[]
}

/** The top of the manager's overview: cover right now, the cover index and its trend, single points of failure. */
export async function getCoverOverview(actor: Actor, now = new Date()): Promise<CoverOverviewDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const clock = await loadBusinessClock()
  const { hours, timeZone } = clock
  const today = businessDay(now, timeZone)
  const windowStart = dayBounds(today, timeZone).start
  const windowEnd = new Date(Math.max(now.getTime() + 8 * DAY_MS, dayBounds(addDays(today, 7), timeZone).end.getTime()))
  const [staff, absences, goals] = await Promise.all([
    loadStaffMembers(),
    loadAbsences(windowStart, windowEnd),
    db().trainingGoal.findMany({
      where: { achievedAt: null, user: { active: true } },
      orderBy: [{ createdAt: 'asc' }],
      select: { id: true, task: true, targetLevel: true, dueOn: true, user: { select: { id: true, name: true } } },
    }),
  ])
  const active = staff.filter((m) => m.active)
  const byId = new Map(staff.map((m) => [m.id, m]))
  const absentNow = absences.filter((a) => a.startsAt <= now && now < a.endsAt && byId.get(a.userId)?.active)

  const current = coverNow(active, absences, hours, timeZone, now)
  const coverNowTasks: CoverNowTaskDTO[] = current.tasks.map((t) => ({
    task: t.task,
    level: t.level,
    present: t.present.map(ref),
    qualified: t.qualified.map(ref),
    away: t.qualified.flatMap((m) => {
      const a = absentNow.find((x) => x.userId === m.id)
      return a ? [{ ...ref(m), kind: a.kind, until: a.endsAt.toISOString() }] : []
    }),
  }))

  const index = coverIndex(active, absences, hours, timeZone, now, 7, clock.indexTasks)
  const nextOpen = current.closed ? (openIntervals(hours, now, new Date(now.getTime() + 8 * DAY_MS), timeZone)[0]?.start ?? null) : null

  const spofs = new Map<Task, SpofDTO>()
  const addSpof = (task: Task, only: (typeof staff)[number] | null) => {
    const exclude = only ? [only.id] : []
    spofs.set(task, {
      task,
      kind: only ? 'single' : 'none',
      onlyPerson: only ? { ...ref(only), awayNow: absentNow.some((a) => a.userId === only.id) } : null,
      candidates: rankTrainees(active, task, exclude)
        .slice(0, TRAINEE_SUGGESTIONS)
        .map((c) => ({ ...ref(c.member), level: c.level, closeness: c.closeness })),
      goals: goals
        .filter((g) => g.task === task)
        .map((g) => ({ id: g.id, person: g.user, targetLevel: g.targetLevel, dueOn: g.dueOn ? g.dueOn.toISOString().slice(0, 10) : null })),
    })
  }
  // Structural cover over the coming week's roster: qualified people who are never on shift do not count.
  const rostered = rosteredStaff(active, hours, timeZone, now, 7)
  for (const task of uncoveredTasks(rostered)) addSpof(task, null)
  for (const s of singlePointsOfFailure(rostered)) addSpof(s.task, byId.get(s.onlyPerson.id) ?? null)

  return {
    now: now.toISOString(),
    timeZone,
    hoursValid: clock.hoursValid,
    closedNow: current.closed,
    nextOpenAt: nextOpen?.toISOString() ?? null,
    coverNow: coverNowTasks,
    awayNow: absentNow.map((a) => ({ person: ref(byId.get(a.userId)!), kind: a.kind, until: a.endsAt.toISOString(), note: a.note })),
    index: {
      value: index.index,
      slots: index.slots,
      coveredSlots: index.coveredSlots,
      fragileSlots: index.fragileSlots,
      uncoveredSlots: index.uncoveredSlots,
      uncoveredShare: index.uncoveredShare,
      uncoveredHours: index.uncoveredHours,
      excluded: TASKS.filter((t) => !clock.indexTasks.includes(t)),
      pulls: index.pulls.slice(0, WORST_SHOWN).map((p) => ({
        task: p.task,
        uncoveredHours: p.uncoveredSlots / 4,
        fragileHours: p.fragileSlots / 4,
        ranges: p.ranges
          .slice(0, RANGES_SHOWN)
          .map((r) => ({ start: r.start.toISOString(), end: r.end.toISOString(), present: r.present })),
      })),
      unstaffed: index.unstaffed.map((u) => ({ start: u.start.toISOString(), end: u.end.toISOString() })),
      from: index.from.toISOString(),
      to: index.to.toISOString(),
      perTask: index.perTask.map((p) => ({ task: p.task, index: p.index })),
      worst: index.worst
        .slice(0, WORST_SHOWN)
        .map((w) => ({ task: w.task, start: w.start.toISOString(), end: w.end.toISOString(), present: w.present })),
    },
    trend: dailyCoverTrend(active, absences, hours, timeZone, today, 7, clock.indexTasks),
    spof: TASKS.flatMap((t) => spofs.get(t) ?? []),
  }
}
