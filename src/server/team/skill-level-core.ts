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
  /** The effective level changed: the person's rights change on their next request, in the same session (ADR 013:
   * every request reads the levels afresh, so nobody is signed out for it). */
  rightsChanged: boolean
}

/**
 * Record a level in the skills matrix (certified by the actor, now), keep the history (SkillChange) and the audit
 * trail. The new level applies on the person's very next request without ending their session: the session carries
 * only who they are, and their levels are read on every request (src/server/auth/actor.ts). Shared by setSkillLevel
 * and by marking a training goal achieved.
 */
export async function applySkillLevel(
  tx: Tx,
  actor: Actor,
  input: { userId: string; task: Task; level: number; reviewDueOn?: string; note?: string | null },
  now: Date,
): Promise<SkillChangeResult> {
  await lockUser(tx, input.userId)
  const user = await tx.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { homeRole: true, active: true, skills: { select: { task: true, level: true, migrated: true, reviewDueOn: true } } },
  })
  if (!user.active) throw new DomainError('CONFLICT', 'manager.team.errors.inactive')
  const recorded: Skills = Object.fromEntries(user.skills.map((s) => [s.task, s.level]))
  const fromLevel = levelOf({ homeRole: user.homeRole, skills: recorded }, input.task)
  const base = { userId: input.userId, task: input.task, fromLevel, level: input.level }
  const row = user.skills.find((s) => s.task === input.task)
  const reviewDueOn = input.reviewDueOn ? new Date(`${input.reviewDueOn}T00:00:00Z`) : null
  // Same level, same review date, and already certified by someone: nothing to record. Confirming a migrated level
  // (ADR 013) is a certification of its own, so it is recorded even at the same level.
  if (row && row.level === input.level && !row.migrated && row.reviewDueOn?.getTime() === reviewDueOn?.getTime())
    return { ...base, changed: false, rightsChanged: false }

  const certification = { level: input.level, certifiedById: actor.id, certifiedAt: now, migrated: false, reviewDueOn }
  await tx.skill.upsert({
    where: { userId_task: { userId: input.userId, task: input.task } },
    create: { userId: input.userId, task: input.task, ...certification },
    update: certification,
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
  if (rightsChanged) await assertTeamStillManaged(tx)
  await audit(tx, actor, {
    action: 'skill.changed',
    entityType: 'user',
    entityId: input.userId,
    task: 'MANAGE_TEAM',
    before: { task: input.task, level: fromLevel },
    after: { task: input.task, level: input.level, reviewDueOn: input.reviewDueOn ?? null },
    data: input.note ? { note: input.note } : undefined,
  })
  return { ...base, changed: true, rightsChanged }
}
