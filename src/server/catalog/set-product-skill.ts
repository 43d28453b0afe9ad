import 'server-only'
import { DomainError } from '@/domain/errors'
import type { SetProductSkillInput } from '@/lib/schemas/catalog'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { setProductSkillSchema } from '@/lib/schemas/catalog'
import { defineUseCase } from '../use-case'

/** Say which shop skill making a product needs, or none (ADR 014). Order lines follow their product. */
export async function setProductSkill(
  actor: Actor,
  input: SetProductSkillInput,
): Promise<{ productId: string; skillId: string | null; changed: boolean }> {
  authorize(actor, setProductSkillUseCase.tasks)
  return db().$transaction(async (tx) => {
    const before = await tx.product.findUnique({ where: { id: input.productId }, select: { requiredSkillId: true } })
    if (!before) throw new DomainError('NOT_FOUND', 'errors.notFound')
    if (input.skillId && !(await tx.shopSkill.findUnique({ where: { id: input.skillId }, select: { id: true } }))) {
      throw new DomainError('NOT_FOUND', 'errors.notFound', {}, 'skillId')
    }
    if (before.requiredSkillId === input.skillId) return { productId: input.productId, skillId: input.skillId, changed: false }
    await tx.product.update({ where: { id: input.productId }, data: { requiredSkillId: input.skillId }, select: { id: true } })
    await audit(tx, actor, {
      action: 'product.skill_set',
      entityType: 'product',
      entityId: input.productId,
      task: 'MANAGE_CATALOG',
      before: { requiredSkillId: before.requiredSkillId },
      after: { requiredSkillId: input.skillId },
    })
    return { productId: input.productId, skillId: input.skillId, changed: true }
  })
}

/** Who may call it and its input, read by its server action and the authorization matrix. */
export const setProductSkillUseCase = defineUseCase({
  name: 'setProductSkill',
  tasks: 'MANAGE_CATALOG',
  schema: setProductSkillSchema,
  run: setProductSkill,
})
