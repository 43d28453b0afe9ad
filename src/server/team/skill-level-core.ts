import 'server-only'
import { DomainError } from '@/domain/errors'
import { levelOf, type Skills, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import type { Tx } from '../db'
import { assertTeamStillManaged, lockUser } from './guards'

export interface SkillChangeResult {
  userId: string
  task: Task
  fromLevel: number
  level: number
  changed: boolean
  /** The person's session version moved on: their open sessions end on their next request. */
  sessionEnded: boolean
}

/**
 * Record a level in the skills matrix (certified by the actor, now), keep the history (SkillChange) and the audit
 * trail, and bump the person's session version when their rights change, so the new level applies on their very next
 * request. Shared by setSkillLevel and by marking a training goal achieved.
 */
export async function applySkillLevel(
  tx: Tx,
  actor: Actor,
  input: { userId: string; task: Task; level: number; note?: string | null },
  now: Date,
): Promise<SkillChangeResult> {
  await lockUser(tx, input.userId)
  const user = await tx.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { homeRole: true, active: true, skills: { select: { task: true, level: true } } },
  })
  if (!user.active) throw new DomainError('CONFLICT', 'manager.team.errors.inactive')
  const recorded: Skills = Object.fromEntries(user.skills.map((s) => [s.task, s.level]))
  const fromLevel = levelOf({ homeRole: user.homeRole, skills: recorded }, input.task)
  const base = { userId: input.userId, task: input.task, fromLevel, level: input.level }
  if (recorded[input.task] === input.level) return { ...base, changed: false, sessionEnded: false }

  await tx.skill.upsert({
    where: { userId_task: { userId: input.userId, task: input.task } },
    create: { userId: input.userId, task: input.task, level: input.level, certifiedById: actor.id, certifiedAt: now },
    update: { level: input.level, certifiedById: actor.id, certifiedAt: now },
  })
  await tx.skillChange.create({
    data: {
      userId: input.userId,
      task: input.task,
      fromLevel,
      toLevel: input.level,
      changedById: actor.id,
      changedAt: now,
      note: input.note || null,
    },
  })
  const rightsChanged = fromLevel !== input.level
  if (rightsChanged) {
    await tx.user.update({ where: { id: input.userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } })
    await assertTeamStillManaged(tx)
  }
  await audit(tx, actor, {
    action: 'skill.changed',
    entityType: 'user',
    entityId: input.userId,
    task: 'MANAGE_TEAM',
    before: { task: input.task, level: fromLevel },
    after: { task: input.task, level: input.level },
    data: input.note ? { note: input.note } : undefined,
  })
  return { ...base, changed: true, sessionEnded: rightsChanged }
}
