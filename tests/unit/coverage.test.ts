import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COVER_TARGET,
  RELATED_TASKS,
  WORST_LIMIT,
  coverForDay,
  coverIndex,
  coverLevel,
  coverNow,
  crossRoleCounts,
  isAbsent,
  isPresent,
  practiceWarnings,
  qualifiedFor,
  rankTrainees,
  rosteredStaff,
  singlePointsOfFailure,
  suggestTrainee,
  uncoveredTasks,
  type AbsencePeriod,
  type StaffMember,
} from '@/domain/coverage'
import { demoOpeningHours, openingQuarterHours, type OpeningHours } from '@/domain/opening-hours'
import { HOME_ROLES, TASKS, can, homeRoleSkills, qualified, type HomeRole, type Task } from '@/domain/permissions'

const HCM = 'Asia/Ho_Chi_Minh'
const BERLIN = 'Europe/Berlin'
const DAY = 86_400_000
const MIN = 60_000
const demo = demoOpeningHours()
const closedWeek = (): OpeningHours => ({ '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] })

/** An established member: certified in their home role's tasks (as migrated), then the given levels. */
function member(id: string, homeRole: HomeRole, skills: StaffMember['skills'] = {}, active = true): StaffMember {
  return { id, name: id, homeRole, active, skills: { ...homeRoleSkills(homeRole), ...skills } }
}
function away(userId: string, startsAt: string, endsAt: string, kind: AbsencePeriod['kind'] = 'OTHER'): AbsencePeriod {
  return { userId, startsAt: new Date(startsAt), endsAt: new Date(endsAt), kind }
}
const ids = (people: readonly StaffMember[]): string[] => people.map((p) => p.id)
const iso = (d: Date): string => d.toISOString()

describe('qualifiedFor', () => {
  it('follows the level rules: 1 is not enough, 2 and 3 are', () => {
    expect(qualifiedFor(member('b', 'BACK_OFFICE', { TAKE_ORDER: 1 }), 'TAKE_ORDER')).toBe(false)
    expect(qualifiedFor(member('b', 'BACK_OFFICE', { TAKE_ORDER: 2 }), 'TAKE_ORDER')).toBe(true)
    expect(qualifiedFor(member('b', 'BACK_OFFICE', { TAKE_ORDER: 3 }), 'TAKE_ORDER')).toBe(true)
    expect(qualifiedFor(member('b', 'BACK_OFFICE'), 'TAKE_ORDER')).toBe(false)
  })

  it('qualifies the home role, a manager only where skilled, never an inactive person', () => {
    const receptionist = member('r', 'RECEPTIONIST')
    expect(TASKS.filter((t) => qualifiedFor(receptionist, t))).toEqual(['TAKE_ORDER', 'HANDLE_PICKUP', 'CUSTOMER_SERVICE'])
    expect(TASKS.filter((t) => qualifiedFor(member('m', 'MANAGER'), t))).toEqual(['MANAGE_TEAM', 'MANAGE_CATALOG'])
    expect(TASKS.filter((t) => qualifiedFor(member('m', 'MANAGER', { FULFILL: 2, INVOICE: 1 }), t))).toEqual([
      'FULFILL',
      'MANAGE_TEAM',
      'MANAGE_CATALOG',
    ])
    const allSkills = Object.fromEntries(TASKS.map((t) => [t, 3]))
    expect(TASKS.some((t) => qualifiedFor(member('m', 'MANAGER', allSkills, false), t))).toBe(false)
    expect(qualifiedFor(member('b', 'BACK_OFFICE', { TAKE_ORDER: 3 }, false), 'TAKE_ORDER')).toBe(false)
    expect(qualifiedFor(member('b', 'BACK_OFFICE', {}, false), 'FULFILL')).toBe(false)
  })

  it('is exactly permissions.qualified() for active people (property)', () => {
    fc.assert(
      fc.property(memberArb(0), fc.constantFrom(...TASKS), (m, task) => {
        expect(qualifiedFor(m, task)).toBe(m.active && qualified(m, task))
      }),
    )
  })

  it('maps present counts to levels', () => {
    expect(COVER_TARGET).toBe(2)
    expect([0, 1, 2, 5].map(coverLevel)).toEqual(['none', 'single', 'ok', 'ok'])
  })
})

describe('cover counts skills, not permissions', () => {
  const B = member('B', 'BACK_OFFICE')

  it('does not count a manager without a recorded INVOICE level, although they may invoice', () => {
    const M = member('M', 'MANAGER')
    expect(can(M, 'INVOICE')).toBe(true)
    expect(qualifiedFor(M, 'INVOICE')).toBe(false)
    // B is the only one who could invoice: the manager's permission does not make a backup.
    expect(singlePointsOfFailure([B, M]).map((s) => [s.task, s.onlyPerson.id])).toEqual([
      ['FULFILL', 'B'],
      ['INVOICE', 'B'],
      ['RECORD_PAYMENT', 'B'],
      ['MANAGE_TEAM', 'M'],
      ['MANAGE_CATALOG', 'M'],
    ])
    expect(uncoveredTasks([M])).toEqual(['TAKE_ORDER', 'HANDLE_PICKUP', 'CUSTOMER_SERVICE', 'FULFILL', 'INVOICE', 'RECORD_PAYMENT'])
    const now = coverNow([B, M], [], demo, HCM, new Date('2026-03-02T10:00:00+07:00'))
    expect(now.tasks.find((t) => t.task === 'INVOICE')).toMatchObject({ level: 'single' })
    expect(ids(now.tasks.find((t) => t.task === 'INVOICE')!.present)).toEqual(['B'])
  })

  it('does not count someone qualified who is never on shift in the coming week as cover (single points of failure)', () => {
    const from = new Date('2026-03-02T00:00:00+07:00')
    const B2 = { ...member('B2', 'BACK_OFFICE'), shifts: { weekly: closedWeek(), overrides: {} } }
    const parttime = {
      ...member('B3', 'BACK_OFFICE'),
      shifts: { weekly: { ...closedWeek(), '6': [['08:00', '12:00']] }, overrides: {} },
    } as StaffMember
    expect(ids(rosteredStaff([B, B2, parttime], demo, HCM, from, 7))).toEqual(['B', 'B3'])
    // With B2 on paper only, B and the Saturday part-timer are two: no single point of failure at invoicing.
    expect(singlePointsOfFailure(rosteredStaff([B, B2], demo, HCM, from, 7)).map((s) => s.task)).toContain('INVOICE')
    expect(singlePointsOfFailure([B, B2]).map((s) => s.task)).not.toContain('INVOICE')
    expect(singlePointsOfFailure(rosteredStaff([B, B2, parttime], demo, HCM, from, 7)).map((s) => s.task)).not.toContain('INVOICE')
    // Inactive people are never on the roster.
    expect(rosteredStaff([{ ...B, active: false }], demo, HCM, from, 7)).toEqual([])
  })

  it('counts a manager recorded at INVOICE 2 (but not at 1)', () => {
    const trained = member('M', 'MANAGER', { INVOICE: 2 })
    expect(qualifiedFor(trained, 'INVOICE')).toBe(true)
    expect(qualifiedFor(member('M', 'MANAGER', { INVOICE: 1 }), 'INVOICE')).toBe(false)
    expect(singlePointsOfFailure([B, trained]).map((s) => s.task)).toEqual(['FULFILL', 'RECORD_PAYMENT', 'MANAGE_TEAM', 'MANAGE_CATALOG'])
    const now = coverNow([B, trained], [], demo, HCM, new Date('2026-03-02T10:00:00+07:00'))
    expect(now.tasks.find((t) => t.task === 'INVOICE')).toMatchObject({ level: 'ok' })
    expect(ids(now.tasks.find((t) => t.task === 'INVOICE')!.present)).toEqual(['B', 'M'])
  })

  it('does not count a home-role person recorded at level 0 for a home task', () => {
    const printer = member('P', 'BACK_OFFICE', { INVOICE: 0 })
    expect(qualifiedFor(printer, 'INVOICE')).toBe(false)
    expect(qualifiedFor(printer, 'FULFILL')).toBe(true)
    expect(TASKS.filter((t) => qualifiedFor(printer, t))).toEqual(['FULFILL', 'RECORD_PAYMENT'])
    expect(qualifiedFor(member('M', 'MANAGER', { MANAGE_CATALOG: 0 }), 'MANAGE_CATALOG')).toBe(false)
    expect(uncoveredTasks([printer])).toContain('INVOICE')
    expect(singlePointsOfFailure([B, printer]).map((s) => [s.task, s.onlyPerson.id])).toEqual([['INVOICE', 'B']])
  })
})

describe('presence', () => {
  const overnight = [away('b', '2026-03-02T18:00:00+07:00', '2026-03-03T08:00:00+07:00', 'SICK')]

  it('treats absences as start inclusive, end exclusive', () => {
    const lunch = [away('r', '2026-03-02T12:00:00+07:00', '2026-03-02T13:00:00+07:00', 'LUNCH')]
    expect(isAbsent('r', new Date('2026-03-02T11:59:59.999+07:00'), lunch)).toBe(false)
    expect(isAbsent('r', new Date('2026-03-02T12:00:00+07:00'), lunch)).toBe(true)
    expect(isAbsent('r', new Date('2026-03-02T12:59:59.999+07:00'), lunch)).toBe(true)
    expect(isAbsent('r', new Date('2026-03-02T13:00:00+07:00'), lunch)).toBe(false)
    expect(isPresent(member('r', 'RECEPTIONIST'), new Date('2026-03-02T13:00:00+07:00'), lunch, demo, HCM)).toBe(true)
    expect(isPresent(member('r', 'RECEPTIONIST'), new Date('2026-03-02T12:30:00+07:00'), lunch, demo, HCM)).toBe(false)
    expect(isPresent(member('someone-else', 'RECEPTIONIST'), new Date('2026-03-02T12:30:00+07:00'), lunch, demo, HCM)).toBe(true)
  })

  it('follows an absence across midnight in Ho Chi Minh City', () => {
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-02T17:59:00+07:00'), overnight, demo, HCM)).toBe(true)
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-02T18:30:00+07:00'), overnight, demo, HCM)).toBe(false)
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-03T07:45:00+07:00'), overnight, demo, HCM)).toBe(false)
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-03T08:00:00+07:00'), overnight, demo, HCM)).toBe(true)
  })

  it('is never present outside opening hours, absence or not', () => {
    expect(isPresent(member('r', 'RECEPTIONIST'), new Date('2026-03-02T07:29:00+07:00'), [], demo, HCM)).toBe(false)
    expect(isPresent(member('r', 'RECEPTIONIST'), new Date('2026-03-02T19:00:00+07:00'), [], demo, HCM)).toBe(false)
    expect(isPresent(member('r', 'RECEPTIONIST'), new Date('2026-03-08T10:00:00+07:00'), [], demo, HCM)).toBe(false) // Sunday
  })

  it('follows a multi-day leave across the March DST switch in Berlin', () => {
    // Saturday 18:00 CET to Monday 09:00 CEST.
    const leave = [away('b', '2026-03-28T18:00:00+01:00', '2026-03-30T09:00:00+02:00', 'LEAVE')]
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-28T17:59:00+01:00'), leave, demo, BERLIN)).toBe(true)
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-28T18:00:00+01:00'), leave, demo, BERLIN)).toBe(false)
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-30T08:59:59+02:00'), leave, demo, BERLIN)).toBe(false)
    // 09:00 CEST is 07:00Z; had the offset been taken as +01:00 this would still be inside the leave.
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-30T07:00:00Z'), leave, demo, BERLIN)).toBe(true)
    expect(isPresent(member('b', 'RECEPTIONIST'), new Date('2026-03-30T06:59:59Z'), leave, demo, BERLIN)).toBe(false)
  })
})

describe('coverNow', () => {
  const staff = [
    member('r1', 'RECEPTIONIST'),
    member('b1', 'BACK_OFFICE', { TAKE_ORDER: 2 }),
    member('b2', 'BACK_OFFICE', { TAKE_ORDER: 1 }),
    // A manager counts only where trained: TAKE_ORDER by a recorded level, MANAGE_* by home role.
    member('m', 'MANAGER', { TAKE_ORDER: 2 }),
    member('gone', 'BACK_OFFICE', { TAKE_ORDER: 3 }, false),
  ]
  const absences = [away('m', '2026-03-02T09:00:00+07:00', '2026-03-02T11:00:00+07:00')]

  it('lists qualified and present people per task with red/amber/ok levels', () => {
    const now = coverNow(staff, absences, demo, HCM, new Date('2026-03-02T10:00:00+07:00'))
    expect(now.closed).toBe(false)
    const byTask = new Map(now.tasks.map((t) => [t.task, t]))
    expect(now.tasks.map((t) => t.task)).toEqual([...TASKS])
    expect(ids(byTask.get('TAKE_ORDER')!.qualified)).toEqual(['r1', 'b1', 'm'])
    expect(ids(byTask.get('TAKE_ORDER')!.present)).toEqual(['r1', 'b1'])
    expect(byTask.get('TAKE_ORDER')!.level).toBe('ok')
    // The manager has no recorded HANDLE_PICKUP level: not qualified, absent or not.
    expect(ids(byTask.get('HANDLE_PICKUP')!.qualified)).toEqual(['r1'])
    expect(ids(byTask.get('HANDLE_PICKUP')!.present)).toEqual(['r1'])
    expect(byTask.get('HANDLE_PICKUP')!.level).toBe('single')
    expect(ids(byTask.get('INVOICE')!.qualified)).toEqual(['b1', 'b2'])
    expect(byTask.get('INVOICE')!.level).toBe('ok')
    expect(ids(byTask.get('MANAGE_TEAM')!.qualified)).toEqual(['m'])
    expect(byTask.get('MANAGE_TEAM')!.level).toBe('none')
  })

  it('reports the manager back at the absence end, and only where they are trained', () => {
    const now = coverNow(staff, absences, demo, HCM, new Date('2026-03-02T11:00:00+07:00'))
    const byTask = new Map(now.tasks.map((t) => [t.task, t]))
    expect(ids(byTask.get('TAKE_ORDER')!.present)).toEqual(['r1', 'b1', 'm'])
    expect(byTask.get('MANAGE_TEAM')!.level).toBe('single')
    expect(byTask.get('HANDLE_PICKUP')!.level).toBe('single')
  })

  it('says closed instead of painting everything red', () => {
    const now = coverNow(staff, [], demo, HCM, new Date('2026-03-02T20:00:00+07:00'))
    expect(now.closed).toBe(true)
    expect(now.tasks.every((t) => t.level === 'closed' && t.present.length === 0)).toBe(true)
    expect(ids(now.tasks[0]!.qualified)).toEqual(['r1', 'b1', 'm'])
  })
})

// Monday 2 March 2026 in Ho Chi Minh City, open 09:00–10:00 only: four quarter-hours, eight tasks.
const oneHourMonday: OpeningHours = { ...closedWeek(), '1': [['09:00', '10:00']] }
// The manager counts for HANDLE_PICKUP and FULFILL (recorded levels) and the management tasks (home role); not for
// RECORD_PAYMENT (level 1) nor for the tasks with no recorded level, whatever a manager may do.
const smallTeam = [
  member('R', 'RECEPTIONIST'),
  member('B', 'BACK_OFFICE', { TAKE_ORDER: 2 }),
  member('M', 'MANAGER', { HANDLE_PICKUP: 2, FULFILL: 3, RECORD_PAYMENT: 1 }),
]
const smallAbsences = [
  away('R', '2026-03-02T09:00:00+07:00', '2026-03-02T09:30:00+07:00', 'LUNCH'),
  // Partly inside two quarters: the manager is missing from both.
  away('M', '2026-03-02T09:20:00+07:00', '2026-03-02T09:35:00+07:00'),
]
const monday = new Date('2026-03-02T00:00:00+07:00')

describe('coverIndex', () => {
  it('matches a hand-computed small case', () => {
    // Present per quarter: 09:00 B,M · 09:15 B · 09:30 R,B · 09:45 R,B,M.
    // Qualified: TAKE_ORDER R,B · HANDLE_PICKUP R,M · CUSTOMER_SERVICE R · FULFILL B,M · INVOICE B ·
    // RECORD_PAYMENT B · MANAGE_TEAM/MANAGE_CATALOG M.
    // Covered quarters: TAKE_ORDER 2 (09:30, 09:45), HANDLE_PICKUP 1 (09:45), FULFILL 2 (09:00, 09:45), the
    // single-person tasks 0 → 5 of 32.
    const result = coverIndex(smallTeam, smallAbsences, oneHourMonday, HCM, monday)
    expect(result.slots).toBe(32)
    expect(result.coveredSlots).toBe(5)
    expect(result.index).toBe(5 / 32)
    expect(Object.fromEntries(result.perTask.map((t) => [t.task, t.coveredSlots]))).toEqual({
      TAKE_ORDER: 2,
      HANDLE_PICKUP: 1,
      CUSTOMER_SERVICE: 0,
      FULFILL: 2,
      INVOICE: 0,
      RECORD_PAYMENT: 0,
      MANAGE_TEAM: 0,
      MANAGE_CATALOG: 0,
    })
    expect(iso(result.from)).toBe('2026-03-01T17:00:00.000Z')
    expect(result.to.getTime() - result.from.getTime()).toBe(7 * DAY)
  })

  it('reports the worst ranges merged per task, longest first', () => {
    const { worst } = coverIndex(smallTeam, smallAbsences, oneHourMonday, HCM, monday)
    const wall = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(11, 16)
    // Per quarter present: TAKE_ORDER 1,1,2,2 · HANDLE_PICKUP 1,0,1,2 · CUSTOMER_SERVICE 0,0,1,1 · FULFILL 2,1,1,2 ·
    // INVOICE and RECORD_PAYMENT 1,1,1,1 · MANAGE_* 1,0,0,1. Longest first, then fewest present, then earliest start,
    // then task order.
    expect(worst.map((w) => `${w.task} ${wall(w.start)}-${wall(w.end)} ${w.present}`)).toEqual([
      'CUSTOMER_SERVICE 09:00-10:00 0',
      'MANAGE_TEAM 09:00-10:00 0',
      'MANAGE_CATALOG 09:00-10:00 0',
      'INVOICE 09:00-10:00 1',
      'RECORD_PAYMENT 09:00-10:00 1',
      'HANDLE_PICKUP 09:00-09:45 0',
      'TAKE_ORDER 09:00-09:30 1',
      'FULFILL 09:15-09:45 1',
    ])
  })

  it('counts only slots starting inside the window', () => {
    // From 09:20: the 09:30 and 09:45 quarters remain.
    const from = new Date('2026-03-02T09:20:00+07:00')
    const oneDay = coverIndex(smallTeam, smallAbsences, oneHourMonday, HCM, from, 1)
    // 09:30 (R,B): TAKE_ORDER only; 09:45 (R,B,M): TAKE_ORDER, HANDLE_PICKUP, FULFILL.
    expect(oneDay.slots).toBe(16)
    expect(oneDay.coveredSlots).toBe(1 + 3)
    // Seven days from 09:20 reach next Monday 09:20: its 09:00 and 09:15 quarters (no absences: everyone present, the
    // 3 tasks with two qualified people covered) join.
    const week = coverIndex(smallTeam, smallAbsences, oneHourMonday, HCM, from)
    expect(week.slots).toBe(32)
    expect(week.coveredSlots).toBe(4 + 2 * 3)
    // The window is [from, from + days × 24 h): seven days from Monday midnight exclude next Monday, eight include it.
    expect(coverIndex(smallTeam, [], oneHourMonday, HCM, monday, 8).slots).toBe(64)
    expect(coverIndex(smallTeam, [], oneHourMonday, HCM, new Date('2026-03-02T09:59:00+07:00'), 1).slots).toBe(0)
    expect(coverIndex(smallTeam, [], oneHourMonday, HCM, new Date('2026-03-02T09:45:00+07:00'), 1).slots).toBe(8)
  })

  it('covers a demo week: 6 days × 46 quarters × 8 tasks', () => {
    // Two qualified people per task: CUSTOMER_SERVICE R,R2 · INVOICE and RECORD_PAYMENT B,B2 · MANAGE_* M,M2 · ...
    const everyone = [...smallTeam, member('R2', 'RECEPTIONIST'), member('B2', 'BACK_OFFICE'), member('M2', 'MANAGER')]
    const result = coverIndex(everyone, [], demo, HCM, monday)
    expect(result.slots).toBe(6 * 46 * 8)
    expect(result.index).toBe(1)
    expect(result.worst).toEqual([])
  })

  it('follows an absence that spans days and midnights', () => {
    // B sick from Monday 18:00 to Wednesday 08:00: Monday's last 4 quarters, all Tuesday (46), Wednesday's first 2.
    const team = [member('B', 'BACK_OFFICE'), member('B2', 'BACK_OFFICE')]
    const sick = [away('B', '2026-03-02T18:00:00+07:00', '2026-03-04T08:00:00+07:00', 'SICK')]
    const result = coverIndex(team, sick, demo, HCM, monday)
    const fulfill = result.perTask.find((t) => t.task === 'FULFILL')!
    expect(fulfill.slots).toBe(6 * 46)
    expect(fulfill.coveredSlots).toBe(6 * 46 - 52)
  })

  it('is 1 with nothing to cover and rejects a negative window', () => {
    const closed = coverIndex(smallTeam, [], closedWeek(), HCM, monday)
    expect(closed).toMatchObject({ index: 1, slots: 0, coveredSlots: 0, worst: [] })
    expect(coverIndex(smallTeam, [], demo, HCM, monday, 0).slots).toBe(0)
    expect(() => coverIndex(smallTeam, [], demo, HCM, monday, -1)).toThrow(RangeError)
  })

  it('ignores inactive people, empty absences and absences of strangers', () => {
    const base = coverIndex(smallTeam, smallAbsences, oneHourMonday, HCM, monday)
    const noisy = coverIndex(
      [...smallTeam, member('X', 'MANAGER', {}, false)],
      [
        ...smallAbsences,
        away('nobody', '2026-03-02T09:00:00+07:00', '2026-03-02T10:00:00+07:00'),
        away('B', '2026-03-02T09:50:00+07:00', '2026-03-02T09:50:00+07:00'),
        away('B', '2026-03-02T09:55:00+07:00', '2026-03-02T09:50:00+07:00'),
      ],
      oneHourMonday,
      HCM,
      monday,
    )
    expect(base.coveredSlots).toBe(5)
    expect(noisy.coveredSlots).toBe(base.coveredSlots)
    // The same person listed twice (say, from a join) is still one person, not their own backup.
    const doubled = coverIndex([...smallTeam, smallTeam[2]!], smallAbsences, oneHourMonday, HCM, monday)
    expect(doubled.coveredSlots).toBe(base.coveredSlots)
  })

  it('caps the worst list', () => {
    // One manager, a long week: single cover of the management tasks, none of the others (a manager's permission is
    // no cover). One range per task per day = 48 ranges.
    const result = coverIndex([member('M', 'MANAGER')], [], demo, HCM, monday)
    expect(result.index).toBe(0)
    expect(result.worst).toHaveLength(WORST_LIMIT)
    expect(result.worst.filter((w) => w.present === 0)).toHaveLength(WORST_LIMIT)
  })

  it('handles the Berlin DST Sunday', () => {
    const h: OpeningHours = { ...closedWeek(), '7': [['01:00', '04:00']] }
    // Two managers: both qualified for MANAGE_TEAM and MANAGE_CATALOG only.
    const team = [member('M', 'MANAGER'), member('M2', 'MANAGER')]
    // M away 01:30 CET to 03:30 CEST: the quarters 01:30, 01:45, 03:00, 03:15.
    const absences = [away('M', '2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00')]
    const result = coverIndex(team, absences, h, BERLIN, new Date('2026-03-28T00:00:00+01:00'), 2)
    // 01:00–02:00 and 03:00–04:00 (02:00–03:00 does not exist): 8 quarters × 8 tasks.
    expect(result.slots).toBe(8 * 8)
    // 4 quarters with both managers × 2 management tasks.
    expect(result.coveredSlots).toBe(4 * 2)
    expect(result.perTask.find((t) => t.task === 'MANAGE_TEAM')!.coveredSlots).toBe(4)
    expect(result.perTask.find((t) => t.task === 'TAKE_ORDER')!.coveredSlots).toBe(0)
  })
})

describe('coverForDay', () => {
  it('gives the minimum present and exact gap ranges per task', () => {
    const day = coverForDay(smallTeam, smallAbsences, oneHourMonday, HCM, '2026-03-02')
    expect(day).toMatchObject({ day: '2026-03-02', closed: false, slots: 4 })
    const byTask = new Map(day.tasks.map((t) => [t.task, t]))
    expect(byTask.get('TAKE_ORDER')).toMatchObject({ minPresent: 1, level: 'single' })
    expect(byTask.get('HANDLE_PICKUP')).toMatchObject({ minPresent: 0, level: 'none' })
    expect(byTask.get('MANAGE_TEAM')!.minPresent).toBe(0)
    expect(byTask.get('HANDLE_PICKUP')!.gaps.map((g) => [iso(g.start), iso(g.end), g.present])).toEqual([
      ['2026-03-02T02:00:00.000Z', '2026-03-02T02:15:00.000Z', 1],
      ['2026-03-02T02:15:00.000Z', '2026-03-02T02:30:00.000Z', 0],
      ['2026-03-02T02:30:00.000Z', '2026-03-02T02:45:00.000Z', 1],
    ])
    expect(byTask.get('FULFILL')!.gaps.map((g) => [iso(g.start), iso(g.end), g.present])).toEqual([
      ['2026-03-02T02:15:00.000Z', '2026-03-02T02:45:00.000Z', 1],
    ])
    expect(ids(byTask.get('FULFILL')!.qualified)).toEqual(['B', 'M'])
    // No recorded CUSTOMER_SERVICE level for the manager: R alone, away until 09:30.
    expect(ids(byTask.get('CUSTOMER_SERVICE')!.qualified)).toEqual(['R'])
    expect(byTask.get('CUSTOMER_SERVICE')).toMatchObject({ minPresent: 0, level: 'none' })
    expect(byTask.get('CUSTOMER_SERVICE')!.gaps.map((g) => [iso(g.start), iso(g.end), g.present])).toEqual([
      ['2026-03-02T02:00:00.000Z', '2026-03-02T02:30:00.000Z', 0],
      ['2026-03-02T02:30:00.000Z', '2026-03-02T03:00:00.000Z', 1],
    ])
    // RECORD_PAYMENT 1 is not enough for the manager either: B alone, all hour.
    expect(ids(byTask.get('RECORD_PAYMENT')!.qualified)).toEqual(['B'])
    expect(byTask.get('RECORD_PAYMENT')!.gaps.map((g) => [iso(g.start), iso(g.end), g.present])).toEqual([
      ['2026-03-02T02:00:00.000Z', '2026-03-02T03:00:00.000Z', 1],
    ])
  })

  it('keeps ranges apart across a lunch closure and says ok when nothing is missing', () => {
    const split: OpeningHours = {
      ...closedWeek(),
      '1': [
        ['09:00', '10:00'],
        ['11:00', '12:00'],
      ],
    }
    const team = [member('M', 'MANAGER', { TAKE_ORDER: 2 }), member('R', 'RECEPTIONIST')]
    const day = coverForDay(team, [], split, HCM, '2026-03-02')
    const take = day.tasks.find((t) => t.task === 'TAKE_ORDER')!
    expect(take).toMatchObject({ minPresent: 2, level: 'ok', gaps: [] })
    // Nobody is qualified for FULFILL: the manager has no recorded level for it.
    const fulfill = day.tasks.find((t) => t.task === 'FULFILL')!
    expect(fulfill).toMatchObject({ minPresent: 0, level: 'none' })
    expect(fulfill.gaps).toHaveLength(2)
    expect(fulfill.gaps.map((g) => g.end.getTime() - g.start.getTime())).toEqual([60 * MIN, 60 * MIN])
  })

  it('says closed on a closed day', () => {
    const day = coverForDay(smallTeam, [], demo, HCM, '2026-03-08')
    expect(day.closed).toBe(true)
    expect(day.slots).toBe(0)
    expect(day.tasks.every((t) => t.level === 'closed' && t.minPresent === null && t.gaps.length === 0)).toBe(true)
  })
})

describe('single points of failure', () => {
  it('finds tasks with exactly one qualified active person, and tasks with none', () => {
    const staff = [
      member('R', 'RECEPTIONIST'),
      member('R-old', 'RECEPTIONIST', {}, false),
      member('B', 'BACK_OFFICE', { TAKE_ORDER: 1, CUSTOMER_SERVICE: 2 }),
    ]
    expect(singlePointsOfFailure(staff).map((s) => [s.task, s.onlyPerson.id])).toEqual([
      ['TAKE_ORDER', 'R'],
      ['HANDLE_PICKUP', 'R'],
      ['FULFILL', 'B'],
      ['INVOICE', 'B'],
      ['RECORD_PAYMENT', 'B'],
    ])
    expect(uncoveredTasks(staff)).toEqual(['MANAGE_TEAM', 'MANAGE_CATALOG'])
    // A manager covers the management tasks (alone), but their permission is no backup for the others.
    const withManager = [...staff, member('M', 'MANAGER')]
    expect(singlePointsOfFailure(withManager).map((s) => [s.task, s.onlyPerson.id])).toEqual([
      ['TAKE_ORDER', 'R'],
      ['HANDLE_PICKUP', 'R'],
      ['FULFILL', 'B'],
      ['INVOICE', 'B'],
      ['RECORD_PAYMENT', 'B'],
      ['MANAGE_TEAM', 'M'],
      ['MANAGE_CATALOG', 'M'],
    ])
    expect(uncoveredTasks(withManager)).toEqual([])
    // Trained where it matters, the manager is a backup there.
    const trained = { TAKE_ORDER: 2, HANDLE_PICKUP: 3, FULFILL: 2, INVOICE: 2, RECORD_PAYMENT: 2 }
    const withTrainedManager = [...staff, member('M', 'MANAGER', trained)]
    expect(singlePointsOfFailure(withTrainedManager).map((s) => s.task)).toEqual(['MANAGE_TEAM', 'MANAGE_CATALOG'])
    expect(uncoveredTasks([])).toEqual([...TASKS])
  })
})

describe('suggestTrainee', () => {
  const staff = [
    member('R', 'RECEPTIONIST'),
    member('M', 'MANAGER'),
    member('Idle', 'BACK_OFFICE', { TAKE_ORDER: 1 }, false),
    member('Aa none', 'BACK_OFFICE'),
    member('Ab dabbler', 'BACK_OFFICE', { CUSTOMER_SERVICE: 1, HANDLE_PICKUP: 1 }),
    member('B2 close', 'BACK_OFFICE', { CUSTOMER_SERVICE: 2 }),
    member('B1 started', 'BACK_OFFICE', { TAKE_ORDER: 1 }),
  ]

  it('ranks by current level, then closeness, then related skill, then name', () => {
    const ranked = rankTrainees(staff, 'TAKE_ORDER')
    // The manager may take orders but is not trained for it: a candidate like anyone else, with nothing related.
    expect(ranked.map((c) => [c.member.id, c.level, c.closeness, c.relatedSkill])).toEqual([
      ['B1 started', 1, 0, 0],
      ['B2 close', 0, 1, 2],
      ['Ab dabbler', 0, 0, 2],
      ['Aa none', 0, 0, 0],
      ['M', 0, 0, 0],
    ])
    expect(suggestTrainee(staff, 'TAKE_ORDER')?.id).toBe('B1 started')
    expect(suggestTrainee(staff, 'TAKE_ORDER', ['B1 started'])?.id).toBe('B2 close')
  })

  it('prefers a closer colleague for back-office tasks', () => {
    const receptionists = [
      member('Plain', 'RECEPTIONIST'),
      member('Maker', 'RECEPTIONIST', { FULFILL: 2 }),
      member('Payer', 'RECEPTIONIST', { RECORD_PAYMENT: 2 }),
    ]
    // INVOICE: related RECORD_PAYMENT and FULFILL; both specialists have closeness 1, the tie goes to the name.
    expect(rankTrainees(receptionists, 'INVOICE').map((c) => c.member.id)).toEqual(['Maker', 'Payer', 'Plain'])
    // RECORD_PAYMENT: every receptionist is close through HANDLE_PICKUP; FULFILL makes Maker closer still.
    expect(rankTrainees(receptionists, 'RECORD_PAYMENT').map((c) => [c.member.id, c.closeness])).toEqual([
      ['Maker', 2],
      ['Plain', 1],
    ])
    expect(RELATED_TASKS.RECORD_PAYMENT).toContain('HANDLE_PICKUP')
  })

  it('breaks ties by name then id, whatever the input order', () => {
    const a = member('2', 'BACK_OFFICE')
    a.name = 'An'
    const b = member('1', 'BACK_OFFICE')
    b.name = 'Bình'
    const b2 = member('0', 'BACK_OFFICE')
    b2.name = 'Bình'
    expect(rankTrainees([b, a, b2], 'TAKE_ORDER').map((c) => c.member.id)).toEqual(['2', '0', '1'])
    expect(rankTrainees([b2, b, a], 'TAKE_ORDER').map((c) => c.member.id)).toEqual(['2', '0', '1'])
  })

  it('returns null when nobody can be trained', () => {
    expect(suggestTrainee([], 'INVOICE')).toBeNull()
    expect(suggestTrainee([member('M', 'MANAGER', { INVOICE: 2 }), member('B', 'BACK_OFFICE')], 'INVOICE')).toBeNull()
    expect(suggestTrainee([member('R', 'RECEPTIONIST')], 'INVOICE', ['R'])).toBeNull()
  })

  it('treats a manager without a recorded level as someone to train, and uses skills for closeness', () => {
    const staff = [member('M', 'MANAGER'), member('B', 'BACK_OFFICE')]
    expect(suggestTrainee(staff, 'INVOICE')?.id).toBe('M')
    // A manager at FULFILL 2 is closer to INVOICE than a plain manager; their permission for RECORD_PAYMENT is not.
    const plain = member('Plain', 'MANAGER')
    const ranked = rankTrainees([plain, member('Maker', 'MANAGER', { FULFILL: 2, INVOICE: 1 })], 'INVOICE')
    expect(ranked.map((c) => [c.member.id, c.level, c.closeness, c.relatedSkill])).toEqual([
      ['Maker', 1, 1, 2],
      ['Plain', 0, 0, 0],
    ])
    const ranked2 = rankTrainees([plain, member('Maker', 'MANAGER', { FULFILL: 2 })], 'INVOICE')
    expect(ranked2.map((c) => [c.member.id, c.closeness])).toEqual([
      ['Maker', 1],
      ['Plain', 0],
    ])
  })
})

describe('practiceWarnings', () => {
  const now = new Date('2026-03-31T10:00:00+07:00')
  const R = member('R', 'RECEPTIONIST')
  const B1 = member('B1', 'BACK_OFFICE', { TAKE_ORDER: 2 })
  const daysAgo = (n: number): Date => new Date(now.getTime() - n * DAY)
  const done = (userId: string, task: Task, at: Date) => new Map([[userId, new Map([[task, at]])]])

  it('warns when the only backup never did the task', () => {
    const warnings = practiceWarnings([R, B1], new Map(), now)
    expect(warnings).toEqual([{ task: 'TAKE_ORDER', backup: B1, lastDoneAt: null, daysSince: null }])
  })

  it('warns from staleDays on, not before', () => {
    expect(practiceWarnings([R, B1], done('B1', 'TAKE_ORDER', daysAgo(29)), now)).toEqual([])
    expect(practiceWarnings([R, B1], done('B1', 'TAKE_ORDER', new Date(now.getTime() - 30 * DAY + 1)), now)).toEqual([])
    expect(practiceWarnings([R, B1], done('B1', 'TAKE_ORDER', daysAgo(30)), now)).toMatchObject([{ daysSince: 30 }])
    expect(practiceWarnings([R, B1], done('B1', 'TAKE_ORDER', daysAgo(45.5)), now)).toMatchObject([{ task: 'TAKE_ORDER', daysSince: 45 }])
    expect(practiceWarnings([R, B1], done('B1', 'TAKE_ORDER', daysAgo(8)), now, 7)).toHaveLength(1)
    // Practice of another task does not count.
    expect(practiceWarnings([R, B1], done('B1', 'FULFILL', daysAgo(1)), now)).toHaveLength(1)
  })

  it('stays quiet when there are two backups or none', () => {
    const B2 = member('B2', 'BACK_OFFICE', { TAKE_ORDER: 3 })
    expect(practiceWarnings([R, B1, B2], new Map(), now)).toEqual([])
    // No backup at all is a single point of failure, not a practice problem.
    expect(practiceWarnings([R], new Map(), now)).toEqual([])
    // An inactive or level-1 colleague is no backup.
    expect(practiceWarnings([R, B1, member('Old', 'BACK_OFFICE', { TAKE_ORDER: 3 }, false)], new Map(), now)).toHaveLength(1)
    expect(practiceWarnings([R, B1, member('New', 'BACK_OFFICE', { TAKE_ORDER: 1 })], new Map(), now)).toHaveLength(1)
  })

  it('counts a manager as a backup only for tasks they have a recorded level of 2 or more for', () => {
    // Without recorded levels the manager backs up nothing: B1 stays the only TAKE_ORDER backup.
    const plain = practiceWarnings([R, B1, member('M', 'MANAGER')], new Map(), now)
    expect(plain.map((w) => [w.task, w.backup.id])).toEqual([['TAKE_ORDER', 'B1']])
    // TAKE_ORDER now has B1 and M; INVOICE has only the manager (B1 owns it, so is no backup); HANDLE_PICKUP at level 1
    // is no backup at all.
    const M = member('M', 'MANAGER', { TAKE_ORDER: 2, INVOICE: 2, HANDLE_PICKUP: 1 })
    const warnings = practiceWarnings([R, B1, M], new Map(), now)
    expect(warnings).toEqual([{ task: 'INVOICE', backup: M, lastDoneAt: null, daysSince: null }])
  })
})

describe('crossRoleCounts', () => {
  it('counts cross-role actions per person and task, ignoring in-role work', () => {
    const result = crossRoleCounts([
      { actorId: 'b1', task: 'TAKE_ORDER', crossRole: true },
      { actorId: 'b1', task: 'TAKE_ORDER', crossRole: true },
      { actorId: 'b1', task: 'FULFILL', crossRole: false },
      { actorId: 'a', task: 'INVOICE', crossRole: true },
      { actorId: 'b1', task: 'HANDLE_PICKUP', crossRole: true },
      { actorId: 'r', task: 'TAKE_ORDER', crossRole: false },
    ])
    expect(result.rows).toEqual([
      { actorId: 'a', task: 'INVOICE', count: 1 },
      { actorId: 'b1', task: 'TAKE_ORDER', count: 2 },
      { actorId: 'b1', task: 'HANDLE_PICKUP', count: 1 },
    ])
    expect(result.total).toBe(4)
    expect([...result.byActor]).toEqual([
      ['b1', 3],
      ['a', 1],
    ])
    expect(result.byTask).toMatchObject({ TAKE_ORDER: 2, INVOICE: 1, HANDLE_PICKUP: 1, FULFILL: 0 })
  })

  it('is empty for no events', () => {
    const result = crossRoleCounts([])
    expect(result.rows).toEqual([])
    expect(result.total).toBe(0)
    expect(Object.values(result.byTask).every((n) => n === 0)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Properties, against a deliberately naive oracle.

const window = { from: monday, days: 3 }
const windowMinutes = window.days * 24 * 60

const memberArb = (i: number) =>
  fc
    .record({
      homeRole: fc.constantFrom(...HOME_ROLES),
      active: fc.integer({ min: 0, max: 3 }).map((n) => n > 0), // mostly active
      skills: fc.dictionary(fc.constantFrom(...TASKS), fc.integer({ min: 0, max: 3 })),
    })
    .map((r): StaffMember => ({ id: `u${i}`, name: `u${i}`, ...r }))

const staffArb = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => memberArb(i))))

const absenceArb = (people: number) =>
  fc
    .record({
      who: fc.integer({ min: 0, max: Math.max(0, people) }),
      // Unaligned starts and lengths, some crossing midnight, some outside the window.
      start: fc.integer({ min: -600, max: windowMinutes + 600 }),
      length: fc.integer({ min: 1, max: 2000 }),
    })
    .map(({ who, start, length }): AbsencePeriod => ({
      userId: `u${who}`,
      startsAt: new Date(window.from.getTime() + start * MIN),
      endsAt: new Date(window.from.getTime() + (start + length) * MIN),
      kind: 'OTHER',
    }))

const scenarioArb = staffArb.chain((staff) =>
  fc.record({ staff: fc.constant(staff as StaffMember[]), absences: fc.array(absenceArb(staff.length), { maxLength: 10 }) }),
)

function naiveCovered(staff: StaffMember[], absences: AbsencePeriod[], hours: OpeningHours): number {
  let covered = 0
  for (let k = 0; k < window.days + 1; k++) {
    const ymd = new Date(window.from.getTime() + 7 * 3_600_000 + k * DAY).toISOString().slice(0, 10)
    for (const slot of openingQuarterHours(hours, ymd, HCM)) {
      const s = slot.start.getTime()
      const e = slot.end.getTime()
      if (s < window.from.getTime() || s >= window.from.getTime() + window.days * DAY) continue
      for (const task of TASKS) {
        const present = staff.filter(
          (m) => qualifiedFor(m, task) && !absences.some((a) => a.userId === m.id && a.startsAt.getTime() < e && a.endsAt.getTime() > s),
        ).length
        if (present >= COVER_TARGET) covered++
      }
    }
  }
  return covered
}

describe('cover index properties', () => {
  const hoursArb = fc.constantFrom(demo, oneHourMonday, {
    ...closedWeek(),
    '2': [
      ['06:10', '11:50'],
      ['13:05', '24:00'],
    ],
    '3': [['00:00', '02:20']],
  } as OpeningHours)

  it('stays within [0, 1] and agrees with a naive count', () => {
    fc.assert(
      fc.property(scenarioArb, hoursArb, ({ staff, absences }, hours) => {
        const r = coverIndex(staff, absences, hours, HCM, window.from, window.days)
        expect(r.index).toBeGreaterThanOrEqual(0)
        expect(r.index).toBeLessThanOrEqual(1)
        expect(r.coveredSlots).toBeLessThanOrEqual(r.slots)
        expect(r.coveredSlots).toBe(naiveCovered(staff, absences, hours))
      }),
      { numRuns: 150 },
    )
  })

  it('never rises when an absence is added', () => {
    fc.assert(
      fc.property(scenarioArb, hoursArb, absenceArb(6), ({ staff, absences }, hours, extra) => {
        const before = coverIndex(staff, absences, hours, HCM, window.from, window.days)
        const after = coverIndex(staff, [...absences, extra], hours, HCM, window.from, window.days)
        expect(after.coveredSlots).toBeLessThanOrEqual(before.coveredSlots)
        for (const [i, t] of after.perTask.entries()) expect(t.coveredSlots).toBeLessThanOrEqual(before.perTask[i]!.coveredSlots)
      }),
      { numRuns: 100 },
    )
  })

  it('never falls when a person is added, and rises or stays for the tasks they are qualified for', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        hoursArb,
        memberArb(99),
        fc.array(absenceArb(99), { maxLength: 3 }),
        ({ staff, absences }, hours, newcomer, newcomerAbsences) => {
          const before = coverIndex(staff, absences, hours, HCM, window.from, window.days)
          const after = coverIndex(
            [...staff, newcomer],
            [...absences, ...newcomerAbsences.map((a) => ({ ...a, userId: 'u99' }))],
            hours,
            HCM,
            window.from,
            window.days,
          )
          expect(after.coveredSlots).toBeGreaterThanOrEqual(before.coveredSlots)
          for (const [i, t] of after.perTask.entries()) {
            expect(t.coveredSlots).toBeGreaterThanOrEqual(before.perTask[i]!.coveredSlots)
            if (!qualifiedFor(newcomer, t.task)) expect(t.coveredSlots).toBe(before.perTask[i]!.coveredSlots)
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})
