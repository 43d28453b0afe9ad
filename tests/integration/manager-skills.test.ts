import { beforeAll, describe, expect, it } from 'vitest'
import { can } from '@/domain/permissions'
import { loadActor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { createTrainingGoal } from '@/server/team/create-training-goal'
import { getSkillsMatrix } from '@/server/team/get-skills-matrix'
import { listTrainingGoals } from '@/server/team/list-training-goals'
import { markTrainingGoalAchieved } from '@/server/team/mark-training-goal-achieved'
import { setHomeRole } from '@/server/team/set-home-role'
import { setSkillLevel } from '@/server/team/set-skill-level'
import { makeActor, makeStaff } from '../support/factories'
import { ensureManagerSettings, expectDomainError } from './manager-support'

beforeAll(ensureManagerSettings)

describe('editing the skills matrix', () => {
  it('takes effect on the next request of the same session: no sign-in page, the new level grants the task', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const worker = await makeStaff({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 1 } })
    const before = (await loadActor(worker.id, null))!
    expect(can(before, 'TAKE_ORDER')).toBe(false)

    const result = await setSkillLevel(manager, { userId: worker.id, task: 'TAKE_ORDER', level: 2, note: 'Trained at the counter' })
    expect(result).toMatchObject({ fromLevel: 1, level: 2, changed: true, rightsChanged: true })

    const after = (await loadActor(worker.id, before.sessionVersion))!
    expect(after).not.toBeNull()
    expect(can(after, 'TAKE_ORDER')).toBe(true)

    const skill = await db().skill.findUniqueOrThrow({ where: { userId_task: { userId: worker.id, task: 'TAKE_ORDER' } } })
    expect(skill).toMatchObject({ level: 2, certifiedById: manager.id })
    const history = await db().skillChange.findMany({ where: { userId: worker.id } })
    expect(history).toContainEqual(
      expect.objectContaining({ task: 'TAKE_ORDER', fromLevel: 1, toLevel: 2, changedById: manager.id, note: 'Trained at the counter' }),
    )
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'skill.changed', entityId: worker.id },
      orderBy: { id: 'asc' },
    })
    expect(audit).toMatchObject({ actorId: manager.id, task: 'MANAGE_TEAM', crossRole: false })
    expect(audit.before).toEqual({ task: 'TAKE_ORDER', level: 1 })
    expect(audit.after).toEqual({ task: 'TAKE_ORDER', level: 2, reviewDueOn: null })
    // And back down: the same session loses the task on its next request.
    await setSkillLevel(manager, { userId: worker.id, task: 'TAKE_ORDER', level: 0 })
    expect(can((await loadActor(worker.id, before.sessionVersion))!, 'TAKE_ORDER')).toBe(false)
  })

  it('shows who certified a level and when, and the history', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER', name: 'Trần Quản Lý' })
    const worker = await makeStaff({ homeRole: 'RECEPTIONIST' })
    await setSkillLevel(manager, { userId: worker.id, task: 'INVOICE', level: 1 })
    const matrix = await getSkillsMatrix(manager)
    const row = matrix.staff.find((s) => s.id === worker.id)!
    expect(row.cells.INVOICE).toMatchObject({ level: 1, recorded: true, certifiedBy: 'Trần Quản Lý' })
    expect(row.cells.TAKE_ORDER).toMatchObject({ level: 3, recorded: true, migrated: false }) // established staff
    expect(row.cells.FULFILL).toMatchObject({ level: 0, recorded: false })
    expect(matrix.history[0]).toMatchObject({ person: { id: worker.id }, task: 'INVOICE', from: 0, to: 1, by: 'Trần Quản Lý' })
    expect(JSON.stringify(matrix)).not.toMatch(/passwordHash|argon2/)
  })

  it('does nothing (and keeps the session) when the level is already recorded', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const worker = await makeStaff({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 2 } })
    const result = await setSkillLevel(manager, { userId: worker.id, task: 'INVOICE', level: 2 })
    expect(result).toMatchObject({ changed: false, rightsChanged: false })
    expect(await loadActor(worker.id, 1)).not.toBeNull()
    expect(await db().skillChange.count({ where: { userId: worker.id } })).toBe(0)
  })

  it('records the confirmation of a migrated level, rights unchanged', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const worker = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await db().skill.update({ where: { userId_task: { userId: worker.id, task: 'FULFILL' } }, data: { migrated: true } })
    const result = await setSkillLevel(manager, { userId: worker.id, task: 'FULFILL', level: 3 })
    expect(result).toMatchObject({ fromLevel: 3, changed: true, rightsChanged: false })
    expect(await loadActor(worker.id, 1)).not.toBeNull()
  })

  it('refuses a change that would leave nobody able to manage the team', async () => {
    // A manager by title only: nothing recorded for managing the team (ADR 013), so the home role is their only right.
    const manager = await makeActor({ homeRole: 'MANAGER', skills: { MANAGE_TEAM: 0 } })
    // Other test cases in this file created managers too; make this one the only active one.
    await db().user.updateMany({ where: { homeRole: 'MANAGER', id: { not: manager.id } }, data: { active: false } })
    await expectDomainError(
      setHomeRole(manager, { userId: manager.id, homeRole: 'RECEPTIONIST' }),
      'CONFLICT',
      'manager.team.errors.lastManager',
    )
    expect((await db().user.findUniqueOrThrow({ where: { id: manager.id } })).homeRole).toBe('MANAGER')
  })
})

describe('training goals', () => {
  it('are created for someone below the target, listed, and achieving one certifies the level', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const trainee = await makeStaff({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 1 } })
    const goal = await createTrainingGoal(manager, {
      userId: trainee.id,
      task: 'INVOICE',
      targetLevel: 2,
      dueOn: '2099-01-31',
      note: 'Shadow Hùng on Fridays',
    })
    await expectDomainError(
      createTrainingGoal(manager, { userId: trainee.id, task: 'INVOICE', targetLevel: 3 }),
      'CONFLICT',
      'manager.goals.errors.alreadyPlanned',
    )

    const listed = (await listTrainingGoals(manager)).find((g) => g.id === goal.id)!
    expect(listed).toMatchObject({ task: 'INVOICE', targetLevel: 2, currentLevel: 1, dueOn: '2099-01-31', achievedAt: null })

    const done = await markTrainingGoalAchieved(manager, { goalId: goal.id })
    expect(done.skill).toMatchObject({ fromLevel: 1, level: 2, rightsChanged: true })
    const after = (await loadActor(trainee.id, null))!
    expect(can(after, 'INVOICE')).toBe(true)
    await expectDomainError(markTrainingGoalAchieved(manager, { goalId: goal.id }), 'CONFLICT', 'manager.goals.errors.alreadyAchieved')
  })

  it('are refused when the person is already at the target', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const expert = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await expectDomainError(
      createTrainingGoal(manager, { userId: expert.id, task: 'FULFILL', targetLevel: 2 }),
      'CONFLICT',
      'manager.goals.errors.alreadyThere',
    )
  })
})
