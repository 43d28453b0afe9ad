import 'server-only'
import { DomainError } from '@/domain/errors'
import { levelOf, type Skills } from '@/domain/permissions'
import type { CreateTrainingGoalInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockUser } from './guards'
import { createTrainingGoalSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/** Plan to train someone on a task up to a level (usually 2, "can cover"), e.g. from a single point of failure. */
export async function createTrainingGoal(actor: Actor, input: CreateTrainingGoalInput, now = new Date()): Promise<{ id: string }> {
  authorize(actor, createTrainingGoalUseCase.tasks)
  if (input.dueOn && input.dueOn < now.toISOString().slice(0, 10)) {
    throw new DomainError('INVALID', 'manager.goals.errors.dueInPast', {}, 'dueOn')
  }
  return db().$transaction(async (tx) => {
    await lockUser(tx, input.userId)
    const user = await tx.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { active: true, homeRole: true, skills: { select: { task: true, level: true } } },
    })
    if (!user.active) throw new DomainError('CONFLICT', 'manager.team.errors.inactive')
    const skills: Skills = Object.fromEntries(user.skills.map((s) => [s.task, s.level]))
    const current = levelOf({ homeRole: user.homeRole, skills }, input.task)
    if (current >= input.targetLevel)
      throw new DomainError('CONFLICT', 'manager.goals.errors.alreadyThere', { level: current }, 'targetLevel')
    const open = await tx.trainingGoal.findFirst({
      where: { userId: input.userId, task: input.task, achievedAt: null },
      select: { id: true },
    })
    if (open) throw new DomainError('CONFLICT', 'manager.goals.errors.alreadyPlanned')
    const goal = await tx.trainingGoal.create({
      data: {
        userId: input.userId,
        task: input.task,
        targetLevel: input.targetLevel,
        note: input.note || null,
        dueOn: input.dueOn ? new Date(`${input.dueOn}T00:00:00Z`) : null,
        createdById: actor.id,
      },
      select: { id: true },
    })
    await audit(tx, actor, {
      action: 'training_goal.created',
      entityType: 'training_goal',
      entityId: goal.id,
      task: 'MANAGE_TEAM',
      after: { userId: input.userId, task: input.task, targetLevel: input.targetLevel, dueOn: input.dueOn ?? null },
    })
    return goal
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const createTrainingGoalUseCase = defineUseCase({
  name: 'createTrainingGoal',
  tasks: 'MANAGE_TEAM',
  schema: createTrainingGoalSchema,
  run: createTrainingGoal,
})
