import 'server-only'
import { DomainError } from '@/domain/errors'
import { levelOf, type Skills } from '@/domain/permissions'
import type { TrainingGoalIdInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { applySkillLevel, type SkillChangeResult } from './skill-level-core'
import { trainingGoalIdSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/**
 * Achieving a goal is a certification: the person's level for the task becomes the goal's target (when it is not
 * already that high), with the same history, audit and session rules as editing the matrix.
 */
export async function markTrainingGoalAchieved(
  actor: Actor,
  input: TrainingGoalIdInput,
  now = new Date(),
): Promise<{ id: string; skill: SkillChangeResult | null }> {
  authorize(actor, markTrainingGoalAchievedUseCase.tasks)
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "TrainingGoal" WHERE id = ${input.goalId}::uuid FOR UPDATE`
    if (rows.length === 0) throw new DomainError('NOT_FOUND', 'errors.notFound')
    const goal = await tx.trainingGoal.findUniqueOrThrow({
      where: { id: input.goalId },
      select: {
        userId: true,
        task: true,
        targetLevel: true,
        achievedAt: true,
        user: { select: { homeRole: true, skills: { select: { task: true, level: true } } } },
      },
    })
    if (goal.achievedAt) throw new DomainError('CONFLICT', 'manager.goals.errors.alreadyAchieved')
    const skills: Skills = Object.fromEntries(goal.user.skills.map((s) => [s.task, s.level]))
    const skill =
      levelOf({ homeRole: goal.user.homeRole, skills }, goal.task) < goal.targetLevel
        ? await applySkillLevel(tx, actor, { userId: goal.userId, task: goal.task, level: goal.targetLevel, note: null }, now)
        : null
    await tx.trainingGoal.update({ where: { id: input.goalId }, data: { achievedAt: now }, select: { id: true } })
    await audit(tx, actor, {
      action: 'training_goal.achieved',
      entityType: 'training_goal',
      entityId: input.goalId,
      task: 'MANAGE_TEAM',
      after: { task: goal.task, level: goal.targetLevel },
    })
    return { id: input.goalId, skill }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const markTrainingGoalAchievedUseCase = defineUseCase({
  name: 'markTrainingGoalAchieved',
  tasks: 'MANAGE_TEAM',
  schema: trainingGoalIdSchema,
  run: markTrainingGoalAchieved,
})
