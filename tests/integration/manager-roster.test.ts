import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/server/db'
import { recordAbsence } from '@/server/absences/record-absence'
import { planOwnLunch } from '@/server/absences/plan-own-lunch'
import { absencePresets } from '@/server/absences/presets'
import { getCoverOverview } from '@/server/coverage/get-cover-overview'
import { getDayCover } from '@/server/coverage/get-day-cover'
import { applyRosterSuggestion } from '@/server/roster/apply-roster-suggestion'
import { getRosterSuggestion } from '@/server/roster/get-roster-suggestion'
import { getRosterWeek } from '@/server/roster/get-roster-week'
import { setContract } from '@/server/roster/set-contract'
import { setIndexTasks } from '@/server/roster/set-index-tasks'
import { setShifts } from '@/server/roster/set-shifts'
import { addDays, demoOpeningHours } from '@/domain/opening-hours'
import { loadActor } from '@/server/auth/actor'
import { makeActor, makeStaff } from '../support/factories'
import { OPEN_NOW, TZ, at, ensureManagerSettings, expectDomainError } from './manager-support'

// One file, one database: this team is the whole team. OPEN_NOW is Thursday 2026-11-26 10:00; the coming week starts
// on Monday 2026-11-30.
const MONDAY = '2026-11-30'
const SATURDAY = '2026-11-28'
let manager: Awaited<ReturnType<typeof makeActor>>
let invoicer: { id: string; name: string }
const team: Array<{ id: string; name: string }> = []

beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER', name: 'Mai' })
  invoicer = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Hùng', skills: { INVOICE: 3, FULFILL: 3, RECORD_PAYMENT: 3 } })
  team.push(invoicer)
  team.push(await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Ngọc', skills: { INVOICE: 1, FULFILL: 3, RECORD_PAYMENT: 2 } }))
  team.push(await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Hà' }))
  team.push(await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Lan' }))
})

describe('the roster', () => {
  it('starts a first edit from the opening hours, and refuses shifts outside them', async () => {
    const before = await getRosterWeek(manager, { weekStart: MONDAY }, OPEN_NOW)
    expect(before.people.find((p) => p.id === invoicer.id)).toMatchObject({ rostered: false, weekMinutes: 6 * 690 })
    await setShifts(manager, { userId: invoicer.id, scope: 'week', day: MONDAY, blocks: [['07:30', '16:00']] })
    const after = await getRosterWeek(manager, { weekStart: MONDAY }, OPEN_NOW)
    const row = after.people.find((p) => p.id === invoicer.id)!
    expect(row.rostered).toBe(true)
    expect(row.cells[0]).toEqual({ day: MONDAY, blocks: [['07:30', '16:00']], source: 'pattern' })
    // Tuesday still follows the opening hours, now as its own pattern.
    expect(row.cells[1]).toEqual({ day: '2026-12-01', blocks: [['07:30', '19:00']], source: 'pattern' })
    await expectDomainError(
      setShifts(manager, { userId: invoicer.id, scope: 'week', day: MONDAY, blocks: [['06:00', '12:00']] }),
      'INVALID',
      'manager.roster.errors.outsideHours',
    )
    await expectDomainError(
      setShifts(manager, {
        userId: invoicer.id,
        scope: 'week',
        day: MONDAY,
        blocks: [
          ['07:30', '12:00'],
          ['11:00', '16:00'],
        ],
      }),
      'INVALID',
      'manager.roster.errors.blocks',
    )
    const audited = await db().auditEvent.count({ where: { action: 'roster.changed', entityId: invoicer.id } })
    expect(audited).toBe(1)
  })

  it('refuses grid edits from someone without MANAGE_TEAM', async () => {
    const reception = await loadActor(team[2]!.id, null)
    await expectDomainError(setShifts(reception!, { userId: invoicer.id, scope: 'date', day: MONDAY, blocks: [] }), 'FORBIDDEN')
    await expectDomainError(setContract(reception!, { userId: invoicer.id, hours: 10 }), 'FORBIDDEN')
  })

  it('shows opening hours with nobody rostered as a gap of their own (Saturday afternoon)', async () => {
    for (const p of [invoicer, ...team.slice(1)]) {
      await setShifts(manager, { userId: p.id, scope: 'week', day: SATURDAY, blocks: [['07:30', '12:00']] })
    }
    // The manager follows the opening hours until rostered: give them Saturdays off.
    await setShifts(manager, { userId: manager.id, scope: 'week', day: SATURDAY, blocks: [] })
    const day = await getDayCover(manager, { day: SATURDAY }, OPEN_NOW)
    expect(day.unstaffed).toEqual([{ start: at('12:00', SATURDAY).toISOString(), end: at('19:00', SATURDAY).toISOString() }])
    const overview = await getCoverOverview(manager, OPEN_NOW)
    expect(overview.index.unstaffed).toContainEqual({
      start: at('12:00', SATURDAY).toISOString(),
      end: at('19:00', SATURDAY).toISOString(),
    })
    const grid = await getRosterWeek(manager, { weekStart: SATURDAY }, OPEN_NOW)
    expect(grid.days[5]!.unstaffed).toHaveLength(1)
  })
})

describe('the Monday-sick case', () => {
  it('lowers the index and Monday’s bar, and marks invoicing uncovered', async () => {
    const before = await getCoverOverview(manager, OPEN_NOW)
    const mondayBefore = before.trend.find((d) => d.day === MONDAY)!
    expect(before.index.pulls.find((p) => p.task === 'INVOICE')).toMatchObject({ uncoveredHours: expect.any(Number) })

    await recordAbsence(manager, { userId: invoicer.id, kind: 'SICK', startsAt: `${MONDAY}T00:00`, endsAt: '2026-12-01T00:00' }, OPEN_NOW)
    const after = await getCoverOverview(manager, OPEN_NOW)
    const monday = after.trend.find((d) => d.day === MONDAY)!
    expect(after.index.value).toBeLessThan(before.index.value)
    expect(after.index.uncoveredShare).toBeGreaterThan(before.index.uncoveredShare)
    expect(monday.index!).toBeLessThan(mondayBefore.index!)
    expect(monday.grade!).toBeLessThan(0.5)
    // Any day without an uncovered slot stands higher than Monday.
    for (const d of after.trend) if (d.uncovered === 0) expect(d.grade!).toBeGreaterThan(monday.grade!)
    const invoicing = after.index.pulls.find((p) => p.task === 'INVOICE')!
    // Monday 07:30–19:00 with nobody: 11.5 hours more than before.
    expect(invoicing.uncoveredHours).toBeGreaterThanOrEqual(11.5)
    expect(after.index.pulls[0]!.task).toBe('INVOICE')
    const look = await getDayCover(manager, { day: MONDAY }, OPEN_NOW)
    expect(look.tasks.find((t) => t.task === 'INVOICE')).toMatchObject({ level: 'none', minPresent: 0 })
  })

  it('can leave a task out of the index, and keeps at least one', async () => {
    const before = await getCoverOverview(manager, OPEN_NOW)
    await setIndexTasks(manager, { excluded: ['MANAGE_TEAM'] })
    const after = await getCoverOverview(manager, OPEN_NOW)
    expect(after.index.excluded).toEqual(['MANAGE_TEAM'])
    expect(after.index.perTask.map((p) => p.task)).not.toContain('MANAGE_TEAM')
    expect(after.index.value).toBeGreaterThanOrEqual(before.index.value)
    await expectDomainError(
      setIndexTasks(manager, {
        excluded: [
          'TAKE_ORDER',
          'HANDLE_PICKUP',
          'CUSTOMER_SERVICE',
          'FULFILL',
          'INVOICE',
          'RECORD_PAYMENT',
          'MANAGE_TEAM',
          'MANAGE_CATALOG',
        ],
      }),
      'INVALID',
      'manager.roster.errors.allExcluded',
    )
    await setIndexTasks(manager, { excluded: [] })
  })
})

describe('sickness and lunch', () => {
  it('replaces the planned lunch instead of refusing the sickness', async () => {
    const ngoc = (await loadActor(team[1]!.id, null))!
    await planOwnLunch(ngoc, { startsAt: '2026-11-27T12:00', endsAt: '2026-11-27T13:00' }, OPEN_NOW)
    const sick = await recordAbsence(
      manager,
      { userId: ngoc.id, kind: 'SICK', startsAt: '2026-11-27T07:30', endsAt: '2026-11-27T19:00' },
      OPEN_NOW,
    )
    expect(sick.kind).toBe('SICK')
    const left = await db().absence.findMany({ where: { userId: ngoc.id }, select: { kind: true } })
    expect(left.map((a) => a.kind)).toEqual(['SICK'])
    expect(await db().auditEvent.count({ where: { action: 'absence.replaced' } })).toBe(1)
  })

  it('ends "sick for the rest of today" at the next opening day’s closing when today is over', () => {
    const sundayNight = at('20:00', '2026-11-29')
    const presets = absencePresets(sundayNight, TZ, demoOpeningHours())
    expect(presets.endOfDay).toBe('2026-11-30T19:00')
    expect(presets.endOfDayIsOn).toBe('2026-11-30')
    expect(absencePresets(OPEN_NOW, TZ, demoOpeningHours())).toMatchObject({ endOfDay: '2026-11-26T19:00', endOfDayIsOn: null })
  })
})

describe('the suggested roster', () => {
  it('stays within contracts, is never worse, and applies in one audited step', async () => {
    for (const p of team) await setContract(manager, { userId: p.id, hours: 48 })
    // Everyone on the same early shift, Monday to Friday (40 of 48 contracted hours), nobody on Saturday.
    for (const p of team) {
      for (let d = 0; d < 6; d++) {
        const blocks: Array<[string, string]> = d === 5 ? [] : [['07:30', '15:30']]
        await setShifts(manager, { userId: p.id, scope: 'week', day: addDays(MONDAY, d), blocks })
      }
    }
    const s = await getRosterSuggestion(manager, { weekStart: MONDAY }, OPEN_NOW)
    expect(s.suggested.index).toBeGreaterThan(s.current.index)
    expect(s.changes.length).toBeGreaterThan(0)
    for (const p of s.people) {
      const minutes = p.days.flat().reduce((sum, [a, b]) => sum + toMin(b) - toMin(a), 0)
      expect(minutes).toBeLessThanOrEqual(48 * 60)
    }
    await expectDomainError(applyRosterSuggestion(manager, { weekStart: MONDAY, basis: '0000000000000000' }, OPEN_NOW), 'CONFLICT')
    const result = await applyRosterSuggestion(manager, { weekStart: MONDAY, basis: s.basis }, OPEN_NOW)
    expect(result.changed).toBe(s.changes.length)
    const grid = await getRosterWeek(manager, { weekStart: MONDAY }, OPEN_NOW)
    for (const p of s.people) {
      const row = grid.people.find((r) => r.id === p.id)!
      expect(row.cells.map((c) => c.blocks)).toEqual(p.days)
    }
    expect(await db().auditEvent.count({ where: { action: 'roster.suggestion_applied' } })).toBeGreaterThan(0)
    // Applied, the roster is the suggestion: asking again changes nothing.
    const again = await getRosterSuggestion(manager, { weekStart: MONDAY }, OPEN_NOW)
    expect(again.changes).toEqual([])
  })
})

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
