import 'server-only'
import { DomainError } from '@/domain/errors'
import type { CreateShopSkillInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { isUniqueViolation } from '../errors'
import { createShopSkillSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/** Add a skill of the shop's own, named in both languages (ADR 014). Names are unique case-insensitively (SQL). */
export async function createShopSkill(actor: Actor, input: CreateShopSkillInput): Promise<{ id: string; nameVi: string; nameEn: string }> {
  authorize(actor, createShopSkillUseCase.tasks)
  try {
    return await db().$transaction(async (tx) => {
      const skill = await tx.shopSkill.create({
        data: { nameVi: input.nameVi, nameEn: input.nameEn },
        select: { id: true, nameVi: true, nameEn: true },
      })
      await audit(tx, actor, {
        action: 'shop_skill.created',
        entityType: 'shop_skill',
        entityId: skill.id,
        task: 'MANAGE_TEAM',
        after: skill,
      })
      return skill
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'manager.shopSkills.errors.nameTaken', {}, 'nameEn')
    throw error
  }
}

/** Who may call it and its input, read by its server action and the authorization matrix. */
export const createShopSkillUseCase = defineUseCase({
  name: 'createShopSkill',
  tasks: 'MANAGE_TEAM',
  schema: createShopSkillSchema,
  run: createShopSkill,
})
