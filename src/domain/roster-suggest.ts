// The suggested roster (docs/decisions/012-roster-suggestion.md): for one week, shifts that raise the cover index within
// each person's contracted minutes and the opening hours. Deterministic: same input, same answer.
//
// 1. The week's opening quarter-hours are the slots; a person's presence in a slot is coverage.presenceMasks() with a
//    shift over the whole day, so absences (leave, sickness) are respected by the same rule every number uses.
// 2. Candidate shifts are fixed shapes per opening interval: 4, 6 and 8 hours starting on each whole hour from opening,
//    plus the ones ending at closing (an interval shorter than a shape is worked whole). One shape per person and day.
// 3. Objective: Σ over (task × slot) of value(qualified present), value(0) = 0, value(1) = 0.4, value(≥2) = 1. Pairs
//    win over spreading people thin (the index counts only covered slots), yet one person where there was nobody still
//    counts. Greedy on gain per minute, lazily re-evaluated: a cached gain is re-computed before it is taken. (Gains
//    can grow once — 0.4 then 0.6 — so lazy greedy is a heuristic here, not exact greedy; steps 4–5 make up for it.)
// 4. Local improvement: for every assigned day, try each other shape (or none) and keep strict improvements.
// 5. Among {greedy + improvement, current roster + improvement, current roster} the best cover index wins (ties: the
//    objective, then the current roster): the suggestion is never worse than the roster it replaces — when that
//    roster itself keeps within the contracts and opening hours; one that does not is no candidate (the suggestion
//    then may show a lower index: it is what the contracts allow).
// People without a contract, or not rostered yet, are kept as they are (their presence still counts).

import { COVER_TARGET, coverIndex, presenceMasks, type AbsencePeriod, type StaffMember } from './coverage'
import { addDays, formatHhmm, openingQuarterHours, wallClock, type OpeningHours } from './opening-hours'
import { qualified, TASKS, type Task } from './permissions'
import { blockMinutes, blocksOn, type PersonRoster, type ShiftBlocks } from './roster'

export const SHAPE_HOURS = [4, 6, 8] as const
const VALUE = [0, 0.4, 1] as const

export interface SuggestInput {
  staff: readonly StaffMember[]
  absences: readonly AbsencePeriod[]
  hours: OpeningHours
  timeZone: string
  /** The Monday of the week ('YYYY-MM-DD'). */
  weekStart: string
  /** Contracted minutes per week by person id; people missing here are kept as they are. */
  contracts: ReadonlyMap<string, number>
  tasks?: readonly Task[]
}

export interface DayChange {
  userId: string
  name: string
  day: string
  before: ShiftBlocks
  after: ShiftBlocks
  /** What the change buys: the task this person makes the most difference to, and where. */
  reason: { task: Task; start: string; end: string; level: 'covered' | 'fragile' } | null
}

export interface RosterSuggestion {
  weekStart: string
  days: string[]
  /** Per person id: the suggested blocks of each day of the week (index 0 = Monday). */
  plan: Map<string, ShiftBlocks[]>
  changes: DayChange[]
  current: { index: number; uncoveredShare: number }
  suggested: { index: number; uncoveredShare: number }
  /** Which start won (for the benchmark and the ADR): 'greedy', 'improved' (the current roster improved) or 'current'. */
  source: 'greedy' | 'improved' | 'current'
}

interface Slot {
  start: number
  end: number
  day: number
  /** Wall-clock minutes since midnight at the start and end. */
  from: number
  to: number
}

interface Shape {
  day: number
  from: number
  to: number
  minutes: number
  slots: number[]
}

interface Ctx {
  slots: Slot[]
  tasks: Task[]
  /** counts[t * n + i]: qualified people present for task t in slot i. */
  counts: Int32Array
  /** Per movable person: tasks (indexes) they count for and their presence mask if on shift all day. */
  people: Array<{ member: StaffMember; budget: number; taskIdx: number[]; avail: Uint8Array }>
  shapes: Shape[][]
}

export function weekSlots(hours: OpeningHours, timeZone: string, days: string[]): Slot[] {
  const out: Slot[] = []
  days.forEach((ymd, day) => {
    for (const q of openingQuarterHours(hours, ymd, timeZone)) {
      const w = wallClock(q.start, timeZone)
      const from = w.hour * 60 + w.minute
      const to = from + Math.round((q.end.getTime() - q.start.getTime()) / 60_000)
      out.push({ start: q.start.getTime(), end: q.end.getTime(), day, from, to })
    }
  })
  return out
}

export function shapesFor(slots: Slot[], days: number): Shape[][] {
  const byDay: Shape[][] = Array.from({ length: days }, () => [])
  for (let d = 0; d < days; d++) {
    const idx = slots.flatMap((s, i) => (s.day === d ? [i] : []))
    // Opening intervals of the day: runs of touching slots.
    const runs: number[][] = []
    for (const i of idx) {
      const last = runs[runs.length - 1]
      if (last && slots[last[last.length - 1]!]!.to === slots[i]!.from) last.push(i)
      else runs.push([i])
    }
    const seen = new Set<string>()
    for (const run of runs) {
      const open = slots[run[0]!]!.from
      const close = slots[run[run.length - 1]!]!.to
      for (const h of SHAPE_HOURS) {
        const len = h * 60
        const starts = close - open <= len ? [open] : [...range(open, close - len, 60), close - len]
        for (const from of starts) {
          const to = Math.min(close, from + len)
          const key = `${from}-${to}`
          if (seen.has(key)) continue
          seen.add(key)
          const own = run.filter((i) => slots[i]!.from >= from && slots[i]!.to <= to)
          byDay[d]!.push({ day: d, from, to, minutes: to - from, slots: own })
        }
      }
    }
  }
  return byDay
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = []
  for (let v = from; v <= to; v += step) out.push(v)
  return out
}

/** The objective's change if person p is added (+1) to or removed (−1) from the slots. */
function delta(ctx: Ctx, p: number, slots: readonly number[], sign: 1 | -1): number {
  const n = ctx.slots.length
  const person = ctx.people[p]!
  let sum = 0
  for (const i of slots) {
    if (!person.avail[i]) continue
    for (const t of person.taskIdx) {
      const c = ctx.counts[t * n + i]!
      const next = c + sign
      sum += VALUE[Math.min(next, COVER_TARGET)]! - VALUE[Math.min(c, COVER_TARGET)]!
    }
  }
  return sum
}

function apply(ctx: Ctx, p: number, slots: readonly number[], sign: 1 | -1): void {
  const n = ctx.slots.length
  const person = ctx.people[p]!
  for (const i of slots) {
    if (!person.avail[i]) continue
    for (const t of person.taskIdx) ctx.counts[t * n + i]! += sign
  }
}

type Assignment = Array<Array<{ slots: number[]; minutes: number; blocks: ShiftBlocks } | null>>

function shapeAssignment(s: Shape) {
  return { slots: s.slots, minutes: s.minutes, blocks: [[formatHhmm(s.from), formatHhmm(s.to)]] as ShiftBlocks }
}

function greedy(ctx: Ctx, days: number): Assignment {
  const plan: Assignment = ctx.people.map(() => Array.from({ length: days }, () => null))
  const used = ctx.people.map(() => 0)
  // Lazy greedy: the best cached gain is re-computed before it is taken, and goes back in line if it fell.
  type Cand = { p: number; s: Shape; gain: number }
  const cands: Cand[] = []
  ctx.people.forEach((_, p) => {
    for (const dayShapes of ctx.shapes) for (const s of dayShapes) cands.push({ p, s, gain: delta(ctx, p, s.slots, 1) / s.minutes })
  })
  const order = (a: Cand, b: Cand) => b.gain - a.gain || a.p - b.p || a.s.day - b.s.day || a.s.from - b.s.from || a.s.to - b.s.to
  cands.sort(order)
  while (cands.length > 0) {
    const top = cands.shift()!
    const { p, s } = top
    if (plan[p]![s.day] || used[p]! + s.minutes > ctx.people[p]!.budget) continue
    const fresh = delta(ctx, p, s.slots, 1) / s.minutes
    if (fresh <= 0) continue
    const next = cands[0]
    if (next && fresh < next.gain) {
      top.gain = fresh
      insertSorted(cands, top, order)
      continue
    }
    plan[p]![s.day] = shapeAssignment(s)
    used[p]! += s.minutes
    apply(ctx, p, s.slots, 1)
  }
  return plan
}

function insertSorted<T>(list: T[], item: T, cmp: (a: T, b: T) => number): void {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cmp(list[mid]!, item) <= 0) lo = mid + 1
    else hi = mid
  }
  list.splice(lo, 0, item)
}

/** Swap each assigned (or empty) day for the best other shape while it strictly helps; two passes at most. */
function improve(ctx: Ctx, plan: Assignment): void {
  for (let pass = 0; pass < 2; pass++) {
    let changed = false
    ctx.people.forEach((person, p) => {
      const row = plan[p]!
      for (let d = 0; d < row.length; d++) {
        const cur = row[d] ?? null
        const used = row.reduce((sum, a) => sum + (a?.minutes ?? 0), 0) - (cur?.minutes ?? 0)
        if (cur) apply(ctx, p, cur.slots, -1)
        const base = cur ? delta(ctx, p, cur.slots, 1) : 0
        let best: { gain: number; a: (typeof row)[number] } = { gain: base, a: cur }
        for (const s of ctx.shapes[d]!) {
          if (used + s.minutes > person.budget) continue
          const g = delta(ctx, p, s.slots, 1)
          if (g > best.gain + 1e-9) best = { gain: g, a: shapeAssignment(s) }
        }
        // Dropping the day is a change too when it adds nothing (frees the hours for another day).
        if (cur && best.a === cur && base <= 1e-9) best = { gain: 0, a: null }
        if (best.a) apply(ctx, p, best.a.slots, 1)
        if (best.a !== cur) changed = true
        row[d] = best.a
      }
    })
    if (!changed) break
  }
}

function objective(ctx: Ctx): number {
  let sum = 0
  for (const c of ctx.counts) sum += VALUE[Math.min(c, COVER_TARGET)]!
  return sum
}

function slotsOfBlocks(slots: Slot[], day: number, blocks: ShiftBlocks): number[] {
  const mins = blocks.map(([s, e]) => [toMin(s), toMin(e)] as const)
  return slots.flatMap((s, i) => (s.day === day && mins.some(([a, b]) => s.from >= a && s.to <= b) ? [i] : []))
}

const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** Propose a week's roster; see the file header for the method. */
export function suggestRoster(input: SuggestInput): RosterSuggestion {
  const { hours, timeZone, weekStart } = input
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i))
  const tasks = TASKS.filter((t) => (input.tasks ?? TASKS).includes(t))
  const active = input.staff.filter((m) => m.active)
  const slots = weekSlots(hours, timeZone, days)
  const n = slots.length
  const movable = active.filter((m) => m.shifts && input.contracts.has(m.id))
  const fixed = active.filter((m) => !movable.includes(m))
  const alwaysOn = (m: StaffMember): StaffMember => ({ ...m, shifts: undefined })
  const avail = presenceMasks(movable.map(alwaysOn), input.absences, slots, hours, timeZone)
  const fixedMasks = presenceMasks(fixed, input.absences, slots, hours, timeZone)

  const ctx: Ctx = {
    slots,
    tasks,
    counts: new Int32Array(tasks.length * n),
    people: movable.map((member) => ({
      member,
      budget: input.contracts.get(member.id)!,
      taskIdx: tasks.flatMap((t, i) => (qualified(member, t) ? [i] : [])),
      avail: avail.get(member.id)!,
    })),
    shapes: shapesFor(slots, days.length),
  }
  const fixedCounts = new Int32Array(tasks.length * n)
  tasks.forEach((t, ti) => {
    for (const m of fixed) {
      if (!qualified(m, t)) continue
      const mask = fixedMasks.get(m.id)!
      for (let i = 0; i < n; i++) fixedCounts[ti * n + i]! += mask[i]!
    }
  })

  const currentPlan = (): Assignment =>
    ctx.people.map((person) =>
      days.map((ymd, d) => {
        const blocks = blocksOn(person.member.shifts!, ymd)
        return blocks.length === 0 ? null : { slots: slotsOfBlocks(slots, d, blocks), minutes: blockMinutes(blocks), blocks }
      }),
    )
  const run = (start: Assignment | null): { plan: Assignment; score: number } => {
    ctx.counts.set(fixedCounts)
    let plan: Assignment
    if (start) {
      plan = start
      plan.forEach((row, p) => row.forEach((a) => a && apply(ctx, p, a.slots, 1)))
    } else {
      plan = greedy(ctx, days.length)
    }
    improve(ctx, plan)
    return { plan, score: objective(ctx) }
  }

  const toStaff = (plan: Assignment): StaffMember[] => {
    const byId = new Map(ctx.people.map((person, p) => [person.member.id, p]))
    return active.map((m) => {
      const p = byId.get(m.id)
      if (p === undefined) return m
      const overrides: Record<string, ShiftBlocks> = { ...m.shifts!.overrides }
      days.forEach((ymd, d) => (overrides[ymd] = plan[p]![d]?.blocks ?? []))
      return { ...m, shifts: { weekly: m.shifts!.weekly, overrides } satisfies PersonRoster }
    })
  }
  const from = slots.length > 0 ? new Date(slots[0]!.start) : new Date(0)
  const indexOf = (staff: StaffMember[]) => coverIndex(staff, input.absences, hours, timeZone, from, 7, tasks)

  const current = { plan: currentPlan(), source: 'current' as const }
  const currentIndex = indexOf(toStaff(current.plan))
  // The current roster is a candidate only while it keeps the rules the suggestion keeps (contracts, opening hours).
  const feasible = current.plan.every((row, p) => {
    const minutes = row.reduce((sum, a) => sum + (a?.minutes ?? 0), 0)
    const inside = row.every((a) => !a || a.slots.reduce((sum, i) => sum + slots[i]!.to - slots[i]!.from, 0) === a.minutes)
    return minutes <= ctx.people[p]!.budget && inside
  })
  const runs: Array<{ plan: Assignment; score: number; source: RosterSuggestion['source'] }> = [{ ...run(null), source: 'greedy' }]
  if (feasible) runs.push({ ...run(currentPlan()), source: 'improved' as const })
  const scored = runs.map((r) => ({ ...r, ci: indexOf(toStaff(r.plan)) }))
  let best: { plan: Assignment; source: RosterSuggestion['source']; ci: typeof currentIndex; score: number } = feasible
    ? { ...current, ci: currentIndex, score: -Infinity }
    : scored[0]!
  // Better = higher index, then fewer uncovered slots, then a higher objective; the current roster wins exact ties.
  const EPS = 1e-12
  const better = (r: typeof best, than: typeof best) =>
    r.ci.index > than.ci.index + EPS ||
    (Math.abs(r.ci.index - than.ci.index) <= EPS &&
      (r.ci.uncoveredSlots < than.ci.uncoveredSlots || (r.ci.uncoveredSlots === than.ci.uncoveredSlots && r.score > than.score + 1e-9)))
  for (const r of scored) if (r !== best && better(r, best)) best = r

  const plan = new Map<string, ShiftBlocks[]>()
  ctx.people.forEach((person, p) =>
    plan.set(
      person.member.id,
      days.map((_, d) => best.plan[p]![d]?.blocks ?? []),
    ),
  )
  const changes = explain(ctx, best.plan, current.plan, days, fixedCounts)
  return {
    weekStart,
    days,
    plan,
    changes,
    current: { index: currentIndex.index, uncoveredShare: currentIndex.uncoveredShare },
    suggested: { index: best.ci.index, uncoveredShare: best.ci.uncoveredShare },
    source: best.source,
  }
}

function explain(ctx: Ctx, plan: Assignment, before: Assignment, days: string[], fixedCounts: Int32Array): DayChange[] {
  // Counts of the chosen plan, to say what each shift makes the difference to.
  ctx.counts.set(fixedCounts)
  plan.forEach((row, p) => row.forEach((a) => a && apply(ctx, p, a.slots, 1)))
  const n = ctx.slots.length
  const out: DayChange[] = []
  ctx.people.forEach((person, p) => {
    days.forEach((day, d) => {
      const a = plan[p]![d]?.blocks ?? []
      const b = before[p]![d]?.blocks ?? []
      if (JSON.stringify(a) === JSON.stringify(b)) return
      let reason: DayChange['reason'] = null
      const mine = (plan[p]![d]?.slots ?? []).filter((i) => person.avail[i])
      let bestCount = 0
      for (const t of person.taskIdx) {
        // Slots where this person lifts the task to fragile (from nobody) or to covered (from one).
        const lifted = mine.filter((i) => ctx.counts[t * n + i]! <= COVER_TARGET)
        if (lifted.length > bestCount) {
          bestCount = lifted.length
          const first = lifted[0]!
          let last = first
          for (const i of lifted) if (i === last + 1 || i === last) last = i
          const level = ctx.counts[t * n + first]! >= COVER_TARGET ? 'covered' : 'fragile'
          reason = { task: ctx.tasks[t]!, start: formatHhmm(ctx.slots[first]!.from), end: formatHhmm(ctx.slots[last]!.to), level }
        }
      }
      out.push({ userId: person.member.id, name: person.member.name, day, before: b, after: a, reason })
    })
  })
  return out
}
