import 'server-only'
import { DomainError } from '@/domain/errors'
import type { SetShopSkillLevelInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockUser } from '../team/guards'
import { setShopSkillLevelSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/**
 * Certify someone at a shop skill (certified by the actor, now, with an optional review date). No permission changes
 * with it (ADR 014), so no session is touched: the queue shows the new maker on its next refresh.
 */
export async function setShopSkillLevel(
  actor: Actor,
  input: SetShopSkillLevelInput,
  now = new Date(),
): Promise<{ userId: string; skillId: string; fromLevel: number; level: number }> {
  authorize(actor, setShopSkillLevelUseCase.tasks)
  return db().$transaction(async (tx) => {
    await lockUser(tx, input.userId)
    const [user, skill, before] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { active: true } }),
      tx.shopSkill.findUnique({ where: { id: input.skillId }, select: { id: true } }),
      tx.shopSkillLevel.findUnique({
        where: { userId_skillId: { userId: input.userId, skillId: input.skillId } },
        select: { level: true },
      }),
    ])
    if (!skill) throw new DomainError('NOT_FOUND', 'errors.notFound')
    if (!user.active) throw new DomainError('CONFLICT', 'manager.team.errors.inactive')
    const reviewDueOn = input.reviewDueOn ? new Date(`${input.reviewDueOn}T00:00:00Z`) : null
    const data = { level: input.level, certifiedById: actor.id, certifiedAt: now, reviewDueOn }
    await tx.shopSkillLevel.upsert({
      where: { userId_skillId: { userId: input.userId, skillId: input.skillId } },
      create: { userId: input.userId, skillId: input.skillId, ...data },
      update: data,
    })
    const fromLevel = before?.level ?? 0
    await audit(tx, actor, {
      action: 'shop_skill.level_set',
      entityType: 'user',
      entityId: input.userId,
      task: 'MANAGE_TEAM',
      before: { skillId: input.skillId, level: fromLevel },
      after: { skillId: input.skillId, level: input.level, reviewDueOn: input.reviewDueOn ?? null },
    })
    return { userId: input.userId, skillId: input.skillId, fromLevel, level: input.level }
  })
}

/** Who may call it and its input, read by its server action and the authorization matrix. */
export const setShopSkillLevelUseCase = defineUseCase({
  name: 'setShopSkillLevel',
  tasks: 'MANAGE_TEAM',
  schema: setShopSkillLevelSchema,
  run: setShopSkillLevel,
})
