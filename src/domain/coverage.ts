// The manager's cross-training overview: who can cover which task, who is here, where a task has no backup, and the
// cover index. Pure functions over plain objects so the page, the API and the tests all compute the same numbers.
//
// Definitions (docs/product.md, "Opening hours, presence and the cover index"):
// - present: within opening hours, on shift by their roster (src/domain/roster.ts; no roster = the opening hours),
//   and no absence of theirs covers the moment (absence start inclusive, end exclusive). isPresent() and
//   presenceMasks() below are the only places that decide it: every cover number goes through them.
// - qualified: active and permissions.qualified() (effective level >= COVER_LEVEL); permissions.ts alone decides what
//   a level and a home role grant. Cover counts skills, not permissions: a manager may do everything (can()), but
//   counts as cover only for their home-role tasks and tasks with a recorded level of at least COVER_LEVEL.
// - graded per (task × quarter-hour): 0 qualified present = uncovered ('none'), 1 = fragile ('single'), at least
//   COVER_TARGET (2) = covered ('ok'), i.e. the task has a backup.
// - unstaffed: an opening quarter-hour in which no active person at all is on shift, a gap of its own.
// - A quarter-hour slot counts a person as present only if they are present for the whole open part of the slot: a
//   colleague who leaves for lunch at 12:10 does not cover 12:00–12:15. Point-in-time questions (coverNow) use the
//   instant itself.

import { TASKS, levelOf, ownsTask, qualified, type HomeRole, type Task } from './permissions'
import { DAY_MS, addDays, businessDay, isOpen, openingQuarterHours, type OpeningHours } from './opening-hours'
import { onShiftIntervals, type PersonRoster } from './roster'

/** A task is covered when at least this many qualified people are present: the one doing it and a backup. */
export const COVER_TARGET = 2
/** How many ranges coverIndex() reports as pulling the index down. */
export const WORST_LIMIT = 20

export interface StaffMember {
  id: string
  name: string
  homeRole: HomeRole
  active: boolean
  skills: Partial<Record<Task, number>>
  /** Their roster; undefined = not rostered yet, on shift whenever the business is open (the old assumption). */
  shifts?: PersonRoster
}

export type AbsenceKind = 'LUNCH' | 'SICK' | 'LEAVE' | 'OTHER'

export interface AbsencePeriod {
  userId: string
  startsAt: Date
  /** Exclusive: someone away until 13:00 is back at 13:00. */
  endsAt: Date
  kind: AbsenceKind
}

export type CoverLevel = 'none' | 'single' | 'ok'

export function coverLevel(present: number): CoverLevel {
  return present <= 0 ? 'none' : present < COVER_TARGET ? 'single' : 'ok'
}

// ---------------------------------------------------------------------------------------------------------------
// Qualification and presence

/** Cover counts skills, not permissions: a manager may do everything, but stands in only where they are trained. */
export function qualifiedFor(member: StaffMember, task: Task): boolean {
  return member.active && qualified(member, task)
}

/** Qualified members for a task, in input order. */
export function qualifiedStaff(staff: readonly StaffMember[], task: Task): StaffMember[] {
  return staff.filter((m) => qualifiedFor(m, task))
}

export function isAbsent(userId: string, at: Date, absences: readonly AbsencePeriod[]): boolean {
  const t = at.getTime()
  return absences.some((a) => a.userId === userId && a.startsAt.getTime() <= t && t < a.endsAt.getTime())
}

/** On shift at the instant by their roster (or the opening hours without one). */
export function isOnShift(member: StaffMember, at: Date, hours: OpeningHours, timeZone: string): boolean {
  const t = at.getTime()
  return onShiftIntervals(member.shifts, hours, businessDay(at, timeZone), timeZone).some(
    (i) => i.start.getTime() <= t && t < i.end.getTime(),
  )
}

/** THE presence rule at an instant: open, on shift and not away. */
export function isPresent(
  member: StaffMember,
  at: Date,
  absences: readonly AbsencePeriod[],
  hours: OpeningHours,
  timeZone: string,
): boolean {
  return isOpen(hours, at, timeZone) && isOnShift(member, at, hours, timeZone) && !isAbsent(member.id, at, absences)
}

// ---------------------------------------------------------------------------------------------------------------
// Cover right now

export interface TaskCoverNow {
  task: Task
  qualified: StaffMember[]
  /** Qualified and present; empty while closed. */
  present: StaffMember[]
  /** 'closed' outside opening hours, so the overview does not paint every task red at night. */
  level: CoverLevel | 'closed'
}

export interface CoverNow {
  at: Date
  closed: boolean
  tasks: TaskCoverNow[]
}

export function coverNow(
  staff: readonly StaffMember[],
  absences: readonly AbsencePeriod[],
  hours: OpeningHours,
  timeZone: string,
  at: Date,
): CoverNow {
  const closed = !isOpen(hours, at, timeZone)
  const tasks = TASKS.map((task): TaskCoverNow => {
    const qualified = qualifiedStaff(staff, task)
    if (closed) return { task, qualified, present: [], level: 'closed' }
    const present = qualified.filter((m) => isPresent(m, at, absences, hours, timeZone))
    return { task, qualified, present, level: coverLevel(present.length) }
  })
  return { at, closed, tasks }
}

// ---------------------------------------------------------------------------------------------------------------
// Who is here (the counter's and the workshop's strip)

export interface WhoIsHere {
  closed: boolean
  /** Active, on shift and not away, by name. */
  present: StaffMember[]
  /** On shift but on a lunch break right now, with when it ends. */
  onBreak: Array<{ member: StaffMember; until: Date }>
}

/** Who is here at an instant, by the one presence rule; people on a break are listed apart. */
export function whoIsHere(
  staff: readonly StaffMember[],
  absences: readonly AbsencePeriod[],
  hours: OpeningHours,
  timeZone: string,
  at: Date,
): WhoIsHere {
  const t = at.getTime()
  const closed = !isOpen(hours, at, timeZone)
  const active = staff.filter((m) => m.active)
  const onShift = closed ? [] : active.filter((m) => isOnShift(m, at, hours, timeZone))
  const breakOf = (m: StaffMember) =>
    absences.find((a) => a.userId === m.id && a.kind === 'LUNCH' && a.startsAt.getTime() <= t && t < a.endsAt.getTime())
  return {
    closed,
    present: onShift.filter((m) => isPresent(m, at, absences, hours, timeZone)),
    onBreak: onShift.flatMap((m) => {
      const lunch = breakOf(m)
      // A lunch inside a longer absence (sick, leave) is not a break: that person is away, not back soon.
      return lunch && absences.filter((a) => a.userId === m.id && a.startsAt.getTime() <= t && t < a.endsAt.getTime()).length === 1
        ? [{ member: m, until: lunch.endsAt }]
        : []
    }),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Slot evaluation shared by the day look-ahead and the cover index

type Span = { start: number; end: number }

/** Per person, their absences as sorted, merged, non-empty spans: one sweep then answers every slot. */
function absenceSpans(absences: readonly AbsencePeriod[]): Map<string, Span[]> {
  const byUser = new Map<string, Span[]>()
  for (const a of absences) {
    const start = a.startsAt.getTime()
    const end = a.endsAt.getTime()
    if (!(end > start)) continue // empty, inverted or invalid dates cover nothing
    const list = byUser.get(a.userId)
    if (list) list.push({ start, end })
    else byUser.set(a.userId, [{ start, end }])
  }
  for (const [userId, list] of byUser) {
    list.sort((a, b) => a.start - b.start)
    const merged: Span[] = []
    for (const s of list) {
      const last = merged[merged.length - 1]
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
      else merged.push({ ...s })
    }
    byUser.set(userId, merged)
  }
  return byUser
}

/**
 * For chronological, non-overlapping slots: 1 where the person is present for the whole slot. Linear in
 * slots + absences because both lists are sorted and the pointer only moves forward.
 */
function presenceMask(spans: readonly Span[] | undefined, slots: readonly Span[]): Uint8Array {
  const mask = new Uint8Array(slots.length).fill(1)
  if (!spans || spans.length === 0) return mask
  let j = 0
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as Span
    while (j < spans.length && (spans[j] as Span).end <= slot.start) j++
    const next = spans[j]
    if (next && next.start < slot.end) mask[i] = 0
  }
  return mask
}

interface SlotCounts {
  qualified: Map<Task, StaffMember[]>
  /** Per task, qualified people present in each slot. */
  counts: Map<Task, Uint16Array>
}

/** 1 where the slot lies wholly inside one of the sorted, merged shift spans. */
function shiftMask(shifts: readonly Span[], slots: readonly Span[]): Uint8Array {
  const mask = new Uint8Array(slots.length)
  let j = 0
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!
    while (j < shifts.length && shifts[j]!.end <= slot.start) j++
    const s = shifts[j]
    if (s && s.start <= slot.start && slot.end <= s.end) mask[i] = 1
  }
  return mask
}

/** A person's shifts over the business days the slots touch, merged (a shift ending at 12:00 joins one at 12:00). */
function shiftSpans(member: StaffMember, slots: readonly Span[], hours: OpeningHours, timeZone: string): Span[] {
  if (slots.length === 0) return []
  const first = businessDay(new Date(slots[0]!.start), timeZone)
  const last = businessDay(new Date(slots[slots.length - 1]!.start), timeZone)
  const out: Span[] = []
  for (let ymd = first; ymd <= last; ymd = addDays(ymd, 1)) {
    for (const i of onShiftIntervals(member.shifts, hours, ymd, timeZone)) {
      const prev = out[out.length - 1]
      const start = i.start.getTime()
      if (prev && start <= prev.end) prev.end = Math.max(prev.end, i.end.getTime())
      else out.push({ start, end: i.end.getTime() })
    }
  }
  return out
}

/**
 * THE presence rule over quarter-hour slots, per person: 1 where they are on shift for the whole slot and no absence
 * of theirs touches it. Keyed by id: a person is one presence whichever tasks they qualify for.
 */
export function presenceMasks(
  staff: readonly StaffMember[],
  absences: readonly AbsencePeriod[],
  slots: ReadonlyArray<{ start: number; end: number }>,
  hours: OpeningHours,
  timeZone: string,
): Map<string, Uint8Array> {
  const spans = absenceSpans(absences)
  const masks = new Map<string, Uint8Array>()
  for (const m of staff) {
    if (masks.has(m.id)) continue
    const mask = presenceMask(spans.get(m.id), slots)
    const onShift = shiftMask(shiftSpans(m, slots, hours, timeZone), slots)
    for (let i = 0; i < mask.length; i++) mask[i]! &= onShift[i]!
    masks.set(m.id, mask)
  }
  return masks
}

function countPresent(
  staff: readonly StaffMember[],
  absences: readonly AbsencePeriod[],
  slots: readonly Span[],
  hours: OpeningHours,
  timeZone: string,
): SlotCounts {
  const masks = presenceMasks(staff, absences, slots, hours, timeZone)
  const maskOf = (m: StaffMember): Uint8Array => masks.get(m.id)!
  const qualified = new Map<Task, StaffMember[]>()
  const counts = new Map<Task, Uint16Array>()
  for (const task of TASKS) {
    const people = qualifiedStaff(staff, task)
    qualified.set(task, people)
    const ids = new Set<string>()
    const taskCounts = new Uint16Array(slots.length)
    for (const person of people) {
      if (ids.has(person.id)) continue
      ids.add(person.id)
      const mask = maskOf(person)
      for (let i = 0; i < slots.length; i++) taskCounts[i]! += mask[i]!
    }
    counts.set(task, taskCounts)
  }
  return { qualified, counts }
}

export interface GapRange {
  start: Date
  end: Date
  /** Qualified people present; for merged ranges the fewest at any moment of the range. */
  present: number
}

/**
 * Contiguous slots below COVER_TARGET as ranges. Slots separated by closed time stay separate ranges. With
 * `splitOnCount`, a change between nobody and one person starts a new range, so each range has one exact count.
 */
function gapRanges(slots: readonly Span[], counts: Uint16Array, splitOnCount: boolean): GapRange[] {
  const out: Array<Span & { present: number }> = []
  for (let i = 0; i < slots.length; i++) {
    const present = counts[i]!
    if (present >= COVER_TARGET) continue
    const slot = slots[i]!
    const last = out[out.length - 1]
    if (last && last.end === slot.start && (!splitOnCount || last.present === present)) {
      last.end = slot.end
      last.present = Math.min(last.present, present)
    } else {
      out.push({ start: slot.start, end: slot.end, present })
    }
  }
  return out.map((r) => ({ start: new Date(r.start), end: new Date(r.end), present: r.present }))
}

function toSpans(intervals: ReadonlyArray<{ start: Date; end: Date }>): Span[] {
  return intervals.map((i) => ({ start: i.start.getTime(), end: i.end.getTime() }))
}

// ---------------------------------------------------------------------------------------------------------------
// Look-ahead for one day

export interface TaskDayCover {
  task: Task
  qualified: StaffMember[]
  /** Fewest qualified people present in any opening quarter-hour; null when the business is closed all day. */
  minPresent: number | null
  level: CoverLevel | 'closed'
  /** Quarter-hours below COVER_TARGET, merged into contiguous ranges with one exact `present` count each. */
  gaps: GapRange[]
}

export interface DayCover {
  day: string
  closed: boolean
  /** Opening quarter-hours of the day (per task). */
  slots: number
  tasks: TaskDayCover[]
  /** Opening time in which no active person is on shift at all. */
  unstaffed: Array<{ start: Date; end: Date }>
}

export function coverForDay(
  staff: readonly StaffMember[],
  absences: readonly AbsencePeriod[],
  hours: OpeningHours,
  timeZone: string,
  ymd: string,
): DayCover {
  const slots = toSpans(openingQuarterHours(hours, ymd, timeZone))
  const { qualified, counts } = countPresent(staff, absences, slots, hours, timeZone)
  const closed = slots.length === 0
  const tasks = TASKS.map((task): TaskDayCover => {
    const taskCounts = counts.get(task)!
    const minPresent = closed ? null : Math.min(...taskCounts)
    return {
      task,
      qualified: qualified.get(task)!,
      minPresent,
      level: minPresent === null ? 'closed' : coverLevel(minPresent),
      gaps: gapRanges(slots, taskCounts, true),
    }
  })
  return { day: ymd, closed, slots: slots.length, tasks, unstaffed: unstaffedRanges(staff, slots, hours, timeZone) }
}

// ---------------------------------------------------------------------------------------------------------------
// Cover index

export interface WorstRange extends GapRange {
  task: Task
}

export interface TaskIndex {
  task: Task
  slots: number
  coveredSlots: number
  /** Slots with exactly one qualified person present. */
  fragileSlots: number
  /** Slots with nobody qualified present. */
  uncoveredSlots: number
  index: number
}

/** What pulls the index down, one entry per task: its uncovered and fragile time and the ranges, worst task first. */
export interface TaskPull {
  task: Task
  uncoveredSlots: number
  fragileSlots: number
  /** The task's ranges below COVER_TARGET, chronological, one exact count each. */
  ranges: GapRange[]
}

export interface CoverIndex {
  /** coveredSlots / slots, 0..1; 1 when there are no opening hours in the window (nothing left uncovered). */
  index: number
  /** task × opening quarter-hour slots in the window. */
  slots: number
  coveredSlots: number
  fragileSlots: number
  uncoveredSlots: number
  /** uncoveredSlots / slots (0 when there are no slots). */
  uncoveredShare: number
  /** Task-hours with nobody qualified present: uncoveredSlots counted by their real length. */
  uncoveredHours: number
  /**
   * The day-bar value: in [0.5, 1] (0.5 + covered share / 2) when no slot is uncovered, in [0, 0.5) ((1 − uncovered
   * share) / 2) when some is: a day with an uncovered task never looks as good as one without (ADR 011).
   */
  grade: number
  /** Opening time in which no active person is on shift at all: a gap of its own. */
  unstaffed: Array<{ start: Date; end: Date }>
  perTask: TaskIndex[]
  /** Per task with any slot below target, worst first (most uncovered, then most fragile, then task order). */
  pulls: TaskPull[]
  /** Longest uncovered ranges, merged per task across nobody/one-person changes, longest first, at most WORST_LIMIT. */
  worst: WorstRange[]
  from: Date
  to: Date
}

/**
 * Over the window [fromUtc, fromUtc + days × 24 h), the share of (task × opening quarter-hour) slots with at least
 * COVER_TARGET qualified people present for the whole slot. A slot belongs to the window when it starts inside it;
 * slots are those of openingQuarterHours(), so they stay on the wall-clock quarter grid whatever `fromUtc` is.
 */
/** The opening quarter-hours in [fromUtc, fromUtc + days × 24 h). */
function windowSlots(hours: OpeningHours, timeZone: string, fromUtc: Date, days: number): Span[] {
  const from = fromUtc.getTime()
  const to = from + days * DAY_MS
  const slots: Span[] = []
  if (to <= from) return slots
  // A window of n × 24 h touches at most n + 1 business days, and one more absorbs DST-shortened days.
  const firstDay = businessDay(fromUtc, timeZone)
  for (let k = 0; k <= Math.ceil(days) + 1; k++) {
    for (const slot of toSpans(openingQuarterHours(hours, addDays(firstDay, k), timeZone))) {
      if (slot.start >= from && slot.start < to) slots.push(slot)
    }
  }
  return slots
}

/** Active people on shift at some opening quarter-hour of the window (absences aside: that is cover, not the roster).
 * Someone rostered for no hours at all cannot stand in for anyone, whatever their levels. */
export function rosteredStaff(
  staff: readonly StaffMember[],
  hours: OpeningHours,
  timeZone: string,
  fromUtc: Date,
  days = 7,
): StaffMember[] {
  const active = staff.filter((m) => m.active)
  const masks = presenceMasks(active, [], windowSlots(hours, timeZone, fromUtc, days), hours, timeZone)
  return active.filter((m) => masks.get(m.id)!.some((v) => v === 1))
}

export function coverIndex(
  staff: readonly StaffMember[],
  absences: readonly AbsencePeriod[],
  hours: OpeningHours,
  timeZone: string,
  fromUtc: Date,
  days = 7,
  tasks: readonly Task[] = TASKS,
): CoverIndex {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`days must be a non-negative number, got ${days}`)
  const from = fromUtc.getTime()
  const to = from + days * DAY_MS
  const slots = windowSlots(hours, timeZone, fromUtc, days)

  const { counts } = countPresent(staff, absences, slots, hours, timeZone)
  const included = TASKS.filter((t) => tasks.includes(t))
  let covered = 0
  let fragile = 0
  let uncovered = 0
  let uncoveredMs = 0
  const perTask: TaskIndex[] = []
  const worst: WorstRange[] = []
  const pulls: TaskPull[] = []
  for (const task of included) {
    const taskCounts = counts.get(task)!
    const n = [0, 0, 0]
    taskCounts.forEach((c, i) => {
      n[Math.min(c, COVER_TARGET)]!++
      if (c === 0) uncoveredMs += slots[i]!.end - slots[i]!.start
    })
    const [taskUncovered, taskFragile, taskCovered] = n as [number, number, number]
    covered += taskCovered
    fragile += taskFragile
    uncovered += taskUncovered
    perTask.push({
      task,
      slots: slots.length,
      coveredSlots: taskCovered,
      fragileSlots: taskFragile,
      uncoveredSlots: taskUncovered,
      index: slots.length === 0 ? 1 : taskCovered / slots.length,
    })
    for (const range of gapRanges(slots, taskCounts, false)) worst.push({ task, ...range })
    if (taskUncovered + taskFragile > 0) {
      pulls.push({ task, uncoveredSlots: taskUncovered, fragileSlots: taskFragile, ranges: gapRanges(slots, taskCounts, true) })
    }
  }
  pulls.sort(
    (a, b) => b.uncoveredSlots - a.uncoveredSlots || b.fragileSlots - a.fragileSlots || TASKS.indexOf(a.task) - TASKS.indexOf(b.task),
  )
  const taskOrder = (t: Task): number => TASKS.indexOf(t)
  worst.sort(
    (a, b) =>
      b.end.getTime() - b.start.getTime() - (a.end.getTime() - a.start.getTime()) ||
      a.present - b.present ||
      a.start.getTime() - b.start.getTime() ||
      taskOrder(a.task) - taskOrder(b.task),
  )
  const total = slots.length * included.length
  const index = total === 0 ? 1 : covered / total
  const uncoveredShare = total === 0 ? 0 : uncovered / total
  return {
    index,
    slots: total,
    coveredSlots: covered,
    fragileSlots: fragile,
    uncoveredSlots: uncovered,
    uncoveredShare,
    uncoveredHours: uncoveredMs / 3_600_000,
    grade: uncovered === 0 ? 0.5 + index / 2 : (1 - uncoveredShare) / 2,
    unstaffed: unstaffedRanges(staff, slots, hours, timeZone),
    perTask,
    pulls,
    worst: worst.slice(0, WORST_LIMIT),
    from: new Date(from),
    to: new Date(to),
  }
}

/** Opening slots in which no active person is on shift (absences aside: that is cover, not the roster), merged. */
export function unstaffedRanges(
  staff: readonly StaffMember[],
  slots: readonly Span[],
  hours: OpeningHours,
  timeZone: string,
): Array<{ start: Date; end: Date }> {
  const rostered = presenceMasks(
    staff.filter((m) => m.active),
    [],
    slots,
    hours,
    timeZone,
  )
  // Someone on shift counts as "enough" here: the only gap this reports is nobody rostered at all.
  const anyone = new Uint16Array(slots.length)
  for (const mask of rostered.values()) for (let i = 0; i < mask.length; i++) if (mask[i]) anyone[i] = COVER_TARGET
  return gapRanges(slots, anyone, false).map((r) => ({ start: r.start, end: r.end }))
}

// ---------------------------------------------------------------------------------------------------------------
// Single points of failure

/** Tasks exactly one active person is qualified for, whatever today's absences. Pass the people on the roster
 * (rosteredStaff) so that someone who never works the opening hours does not count as cover. */
export function singlePointsOfFailure(staff: readonly StaffMember[]): Array<{ task: Task; onlyPerson: StaffMember }> {
  const out: Array<{ task: Task; onlyPerson: StaffMember }> = []
  for (const task of TASKS) {
    const q = qualifiedStaff(staff, task)
    if (q.length === 1) out.push({ task, onlyPerson: q[0]! })
  }
  return out
}

/** Tasks no active person is qualified for (worse than a single point of failure: nobody at all). */
export function uncoveredTasks(staff: readonly StaffMember[]): Task[] {
  return TASKS.filter((task) => qualifiedStaff(staff, task).length === 0)
}

// ---------------------------------------------------------------------------------------------------------------
// Whom to train next

/**
 * Tasks whose know-how carries over, used to find the colleague closest to a task. The counter tasks feed each other
 * (same customers, same screen); taking payment at the counter and recording payments are the same money handling;
 * invoicing follows from knowing what was fulfilled and paid; the two management tasks go together.
 */
export const RELATED_TASKS: Readonly<Record<Task, readonly Task[]>> = {
  TAKE_ORDER: ['CUSTOMER_SERVICE', 'HANDLE_PICKUP'],
  HANDLE_PICKUP: ['TAKE_ORDER', 'CUSTOMER_SERVICE', 'RECORD_PAYMENT'],
  CUSTOMER_SERVICE: ['TAKE_ORDER', 'HANDLE_PICKUP'],
  FULFILL: ['INVOICE', 'RECORD_PAYMENT'],
  INVOICE: ['RECORD_PAYMENT', 'FULFILL'],
  RECORD_PAYMENT: ['INVOICE', 'HANDLE_PICKUP', 'FULFILL'],
  MANAGE_TEAM: ['MANAGE_CATALOG'],
  MANAGE_CATALOG: ['MANAGE_TEAM'],
}

export interface TraineeCandidate {
  member: StaffMember
  /** Current level for the task: 1 means training has already started. */
  level: number
  /** How many related tasks the person is qualified for (by home role or by skill). */
  closeness: number
  /** Sum of effective levels (permissions.levelOf) over the related tasks. */
  relatedSkill: number
}

/**
 * Candidates to train for a task, best first. Only active people not yet qualified (and not excluded) are candidates;
 * managers included, since their blanket permission is not a skill.
 * Ranking, each key breaking ties of the previous one:
 *   1. current level for the task, highest first (someone at level 1 is halfway there);
 *   2. closeness: number of RELATED_TASKS the person is qualified for (a receptionist is close to RECORD_PAYMENT
 *      through HANDLE_PICKUP; a back-office worker certified for CUSTOMER_SERVICE is close to TAKE_ORDER);
 *   3. sum of effective levels (permissions.levelOf) over the related tasks;
 *   4. name, then id, by code point, so the answer never depends on input order or locale data.
 */
export function rankTrainees(staff: readonly StaffMember[], task: Task, excludeIds: Iterable<string> = []): TraineeCandidate[] {
  const excluded = new Set(excludeIds)
  const related = RELATED_TASKS[task]
  return staff
    .filter((m) => m.active && !qualified(m, task) && !excluded.has(m.id))
    .map((member) => ({
      member,
      level: levelOf(member, task),
      closeness: related.filter((t) => qualified(member, t)).length,
      relatedSkill: related.reduce((sum, t) => sum + levelOf(member, t), 0),
    }))
    .sort(
      (a, b) =>
        b.level - a.level ||
        b.closeness - a.closeness ||
        b.relatedSkill - a.relatedSkill ||
        compareCodePoints(a.member.name, b.member.name) ||
        compareCodePoints(a.member.id, b.member.id),
    )
}

export function suggestTrainee(staff: readonly StaffMember[], task: Task, excludeIds: Iterable<string> = []): StaffMember | null {
  return rankTrainees(staff, task, excludeIds)[0]?.member ?? null
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// ---------------------------------------------------------------------------------------------------------------
// Practice

export interface PracticeWarning {
  task: Task
  backup: StaffMember
  lastDoneAt: Date | null
  /** Whole days since the backup last did the task; null if never. */
  daysSince: number | null
}

/**
 * Backups of a task are the active qualified people whose home role does not own it. A manager is a backup for a
 * front- or back-office task only with a recorded level of at least COVER_LEVEL for it, like anyone else: their
 * permission to do everything is not skill. When a task has exactly one backup, the cover depends on that person's
 * skill staying fresh: warn when they have never done the task or last did it `staleDays` × 24 h or more before `now`.
 * Tasks with two or more backups get no warning: one rusty backup still leaves another.
 */
export function practiceWarnings(
  staff: readonly StaffMember[],
  lastDoneAt: ReadonlyMap<string, ReadonlyMap<Task, Date>>,
  now: Date,
  staleDays = 30,
): PracticeWarning[] {
  const out: PracticeWarning[] = []
  for (const task of TASKS) {
    const backups = qualifiedStaff(staff, task).filter((m) => !ownsTask(m.homeRole, task))
    if (backups.length !== 1) continue
    const backup = backups[0]!
    const last = lastDoneAt.get(backup.id)?.get(task) ?? null
    const age = last === null ? null : now.getTime() - last.getTime()
    if (age !== null && age < staleDays * DAY_MS) continue
    out.push({ task, backup, lastDoneAt: last, daysSince: age === null ? null : Math.floor(age / DAY_MS) })
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Cross-role work

export interface CrossRoleEvent {
  actorId: string
  task: Task
  crossRole: boolean
}

export interface CrossRoleCounts {
  /** One row per person and task with at least one cross-role action, by actorId then task order. */
  rows: Array<{ actorId: string; task: Task; count: number }>
  byActor: Map<string, number>
  byTask: Record<Task, number>
  total: number
}

/** Counts cross-role actions (crossRole: true) per person and task; in-role actions are the normal case, not evidence. */
export function crossRoleCounts(events: Iterable<CrossRoleEvent>): CrossRoleCounts {
  const perActor = new Map<string, Map<Task, number>>()
  const byActor = new Map<string, number>()
  const byTask = Object.fromEntries(TASKS.map((t) => [t, 0])) as Record<Task, number>
  let total = 0
  for (const e of events) {
    if (!e.crossRole) continue
    let tasks = perActor.get(e.actorId)
    if (!tasks) perActor.set(e.actorId, (tasks = new Map()))
    tasks.set(e.task, (tasks.get(e.task) ?? 0) + 1)
    byActor.set(e.actorId, (byActor.get(e.actorId) ?? 0) + 1)
    byTask[e.task] += 1
    total++
  }
  const rows: CrossRoleCounts['rows'] = []
  for (const actorId of [...perActor.keys()].sort(compareCodePoints)) {
    const tasks = perActor.get(actorId)!
    for (const task of TASKS) {
      const count = tasks.get(task)
      if (count) rows.push({ actorId, task, count })
    }
  }
  return { rows, byActor, byTask, total }
}
