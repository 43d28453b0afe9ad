// ADR 013: only certified levels count. A new hire holds nothing (not even their home role) and adds no cover until
// someone certifies them; existing people kept what the home role gave them as "migrated" levels; certifications can
// carry a review date and the overdue ones are listed for the manager.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { can, TASKS } from '@/domain/permissions'
import { loadActor } from '@/server/auth/actor'
import { getCoverOverview } from '@/server/coverage/get-cover-overview'
import { db, sql } from '@/server/db'
import { createStaff } from '@/server/team/create-staff'
import { getSkillsMatrix } from '@/server/team/get-skills-matrix'
import { setSkillLevel } from '@/server/team/set-skill-level'
import { makeActor, makeStaff, TEST_PASSWORD } from '../support/factories'
import { ensureManagerSettings, OPEN_NOW } from './manager-support'

beforeAll(ensureManagerSettings)

describe('a new hire is certified, not assumed', () => {
  it('adds no certified cover and holds no rights until a level is recorded', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    await makeStaff({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 3 } })
    const before = await getCoverOverview(manager, OPEN_NOW)

    const hire = await createStaff(manager, {
      name: 'Nguyễn Văn Mới',
      email: `moi-${Date.now()}@test.example`,
      homeRole: 'BACK_OFFICE',
      password: TEST_PASSWORD,
    })
    expect(await db().skill.count({ where: { userId: hire.id } })).toBe(0)
    const actor = (await loadActor(hire.id, null))!
    for (const task of TASKS) expect(can(actor, task)).toBe(false)

    const after = await getCoverOverview(manager, OPEN_NOW)
    expect(after.index.coveredSlots).toBe(before.index.coveredSlots)
    const gaps = (o: typeof before) => o.spof.map((s) => ({ task: s.task, kind: s.kind, only: s.onlyPerson }))
    expect(gaps(after)).toEqual(gaps(before))
    for (const t of after.coverNow) expect(t.qualified.map((p) => p.id)).not.toContain(hire.id)
    const cell = (await getSkillsMatrix(manager, OPEN_NOW)).staff.find((s) => s.id === hire.id)!.cells.INVOICE
    expect(cell).toMatchObject({ level: 0, recorded: false, migrated: false })

    // Certified at level 2 for fulfilling: that task (and only that one) is granted, on the next session.
    await setSkillLevel(manager, { userId: hire.id, task: 'FULFILL', level: 2 }, OPEN_NOW)
    const certified = (await loadActor(hire.id, null))!
    expect(TASKS.filter((task) => can(certified, task))).toEqual(['FULFILL'])
  })
})

describe('review dates', () => {
  it('lists certifications past their review date, oldest first, for active people only', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const a = await makeStaff({ homeRole: 'RECEPTIONIST', name: 'An Review' })
    const b = await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Bình Review' })
    await setSkillLevel(manager, { userId: a.id, task: 'INVOICE', level: 2, reviewDueOn: '2026-11-20' }, OPEN_NOW)
    await setSkillLevel(manager, { userId: b.id, task: 'TAKE_ORDER', level: 3, reviewDueOn: '2026-11-01' }, OPEN_NOW)
    await setSkillLevel(manager, { userId: b.id, task: 'HANDLE_PICKUP', level: 3, reviewDueOn: '2027-01-01' }, OPEN_NOW)
    const matrix = await getSkillsMatrix(manager, OPEN_NOW)
    const mine = matrix.overdueReviews.filter((r) => r.person.id === a.id || r.person.id === b.id)
    expect(mine).toEqual([
      { person: { id: b.id, name: 'Bình Review' }, task: 'TAKE_ORDER', level: 3, reviewDueOn: '2026-11-01' },
      { person: { id: a.id, name: 'An Review' }, task: 'INVOICE', level: 2, reviewDueOn: '2026-11-20' },
    ])
    expect(matrix.staff.find((s) => s.id === b.id)!.cells.HANDLE_PICKUP.reviewDueOn).toBe('2027-01-01')
    await db().user.update({ where: { id: b.id }, data: { active: false } })
    const later = await getSkillsMatrix(manager, OPEN_NOW)
    expect(later.overdueReviews.some((r) => r.person.id === b.id)).toBe(false)
  })
})

describe('the migration keeps what people effectively had', () => {
  const file = readdirSync('prisma/migrations').find((d) => d.endsWith('_honest_certification'))!
  const backfill = readFileSync(path.join('prisma/migrations', file, 'migration.sql'), 'utf8').split('INSERT INTO')[1]!

  it('records the home-role default as migrated level 3, leaves recorded levels alone, and a confirmation certifies', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const old = await makeStaff({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 0 } })
    // As the row was before the migration: only what had been recorded.
    await db().skill.deleteMany({ where: { userId: old.id, task: { in: ['FULFILL', 'RECORD_PAYMENT'] } } })
    await sql(`INSERT INTO${backfill}`)
    const rows = await db().skill.findMany({ where: { userId: old.id }, orderBy: { task: 'asc' } })
    expect(rows.map((r) => [r.task, r.level, r.migrated])).toEqual([
      ['FULFILL', 3, true],
      ['INVOICE', 0, false],
      ['RECORD_PAYMENT', 3, true],
    ])
    const cell = (await getSkillsMatrix(manager, OPEN_NOW)).staff.find((s) => s.id === old.id)!.cells.FULFILL
    expect(cell).toMatchObject({ level: 3, recorded: true, migrated: true, certifiedBy: null })

    // Confirming the same level is a certification of its own: no longer migrated, certified by the manager.
    const result = await setSkillLevel(manager, { userId: old.id, task: 'FULFILL', level: 3 }, OPEN_NOW)
    expect(result).toMatchObject({ changed: true, rightsChanged: false })
    const confirmed = await db().skill.findUniqueOrThrow({ where: { userId_task: { userId: old.id, task: 'FULFILL' } } })
    expect(confirmed).toMatchObject({ level: 3, migrated: false, certifiedById: manager.id })
  })
})
