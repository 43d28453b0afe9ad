// The suggested roster (src/domain/roster-suggest.ts, ADR 012): its cover index against a hand-made roster, and its
// run time, on generated shops of 5, 20 and 40 staff and on the demo shop's week. Pure computation, no database.
//
// Generated shop (seeded PRNG, so every run sees the same shops): the demo's opening hours (Mon–Sat 07:30–19:00), a
// third receptionists, half back office, one manager per 10; skills: the home role's tasks plus, for 40 % of people,
// one or two recorded levels 1–3 on other tasks; contracts of 20, 32, 40 or 48 hours. The hand-made roster is what a
// manager with a spreadsheet does: alternate people between an early (07:30–16:00) and a late (10:30–19:00) shift
// Monday to Friday, and Saturday mornings for those whose contract has room; never above the contract.
//
// Run: npm run bench:roster   (BENCH_RUNS=5 timings per shop, the median is reported). Budget: ≤ 1 s at 40 staff,
// suggestion index ≥ hand-made index everywhere.
import type { StaffMember } from '../src/domain/coverage'
import { demoOpeningHours, DEMO_TIME_ZONE, type IsoWeekday, type OpeningHours } from '../src/domain/opening-hours'
import { TASKS, type HomeRole, type Task } from '../src/domain/permissions'
import { blockMinutes, emptyWeek, type ShiftBlocks } from '../src/domain/roster'
import { suggestRoster } from '../src/domain/roster-suggest'
import { DEMO_ROSTER, DEMO_STAFF } from '../src/server/seed/demo'
import { median, printTable, writeResult, type Row } from './lib/report'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const WEEK = '2026-12-07'
const hours: OpeningHours = demoOpeningHours()

function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function handMade(contractMinutes: number, i: number) {
  const weekly = emptyWeek()
  const shift: ShiftBlocks = i % 2 === 0 ? [['07:30', '16:00']] : [['10:30', '19:00']]
  let used = 0
  for (const d of ['1', '2', '3', '4', '5'] as IsoWeekday[]) {
    if (used + 510 > contractMinutes) break
    weekly[d] = shift
    used += 510
  }
  if (used + 270 <= contractMinutes) weekly['6'] = [['07:30', '12:00']]
  return { weekly, overrides: {} }
}

function generatedShop(size: number, seed: number) {
  const rand = prng(seed)
  const staff: StaffMember[] = []
  const contracts = new Map<string, number>()
  for (let i = 0; i < size; i++) {
    const homeRole: HomeRole = i % 10 === 0 ? 'MANAGER' : i % 3 === 1 ? 'RECEPTIONIST' : 'BACK_OFFICE'
    const skills: Partial<Record<Task, number>> = {}
    if (rand() < 0.4) {
      const n = 1 + Math.floor(rand() * 2)
      for (let k = 0; k < n; k++) skills[TASKS[Math.floor(rand() * TASKS.length)]!] = 1 + Math.floor(rand() * 3)
    }
    const contract = [20, 32, 40, 48][Math.floor(rand() * 4)]! * 60
    const id = `p${i}`
    staff.push({ id, name: id, homeRole, active: true, skills, shifts: handMade(contract, i) })
    contracts.set(id, contract)
  }
  return { staff, contracts }
}

function demoShop() {
  const staff: StaffMember[] = DEMO_STAFF.map((s) => {
    const r = DEMO_ROSTER[s.email]!
    const weekly = emptyWeek()
    for (const [d, b] of Object.entries(r.weekly)) weekly[d as IsoWeekday] = b
    return { id: s.email, name: s.name, homeRole: s.homeRole, active: true, skills: s.skills, shifts: { weekly, overrides: {} } }
  })
  return { staff, contracts: new Map(Object.entries(DEMO_ROSTER).map(([email, r]) => [email, r.contractHours * 60])) }
}

const rows: Row[] = []
const results: Record<string, unknown>[] = []
const shops = [
  { label: 'demo week (8 staff)', ...demoShop() },
  ...[5, 20, 40].map((n) => ({ label: `generated, ${n} staff`, ...generatedShop(n, 1000 + n) })),
]
for (const shop of shops) {
  const input = { staff: shop.staff, absences: [], hours, timeZone: DEMO_TIME_ZONE, weekStart: WEEK, contracts: shop.contracts }
  suggestRoster(input) // warm-up: JIT and the zone formatter
  const times: number[] = []
  let result = suggestRoster(input)
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now()
    result = suggestRoster(input)
    times.push(performance.now() - t0)
  }
  const ms = median(times)
  const overContract = [...result.plan].filter(([id, days]) => days.reduce((s, b) => s + blockMinutes(b), 0) > shop.contracts.get(id)!)
  rows.push({
    metric: `${shop.label}: cover index`,
    value: result.suggested.index * 100,
    unit: '%',
    baseline: { label: 'hand-made', value: result.current.index * 100 },
    ratio: result.current.index === 0 ? undefined : result.suggested.index / result.current.index,
    budget: '≥ hand-made',
    pass: result.suggested.index >= result.current.index && overContract.length === 0,
    note: `uncovered ${(result.current.uncoveredShare * 100).toFixed(1)} % → ${(result.suggested.uncoveredShare * 100).toFixed(1)} %, ${result.changes.length} day changes, won by ${result.source}`,
  })
  rows.push({ metric: `${shop.label}: run time`, value: ms, unit: 'ms', budget: '≤ 1000 ms', pass: ms <= 1000 })
  results.push({ shop: shop.label, current: result.current, suggested: result.suggested, changes: result.changes.length, ms, times })
}
printTable('Suggested roster vs hand-made', rows)
console.log(`\n${writeResult('roster-suggest', { rows, results })}`)
