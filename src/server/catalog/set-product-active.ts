import 'server-only'
import { DomainError } from '@/domain/errors'
import type { SetProductActiveInput } from '@/lib/schemas/catalog'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { PRODUCT_SELECT, productDto, ratesToday, type ProductDTO } from './product-input'
import { setProductActiveSchema } from '@/lib/schemas/catalog'
import { defineUseCase } from '../use-case'

/** Take a product off the counter (it stays on past orders) or bring it back. Products are never deleted. */
export async function setProductActive(actor: Actor, input: SetProductActiveInput): Promise<ProductDTO> {
  authorize(actor, setProductActiveUseCase.tasks)
  return db().$transaction(async (tx) => {
    const before = await tx.product.findUnique({ where: { id: input.productId }, select: { active: true } })
    if (!before) throw new DomainError('NOT_FOUND', 'errors.notFound')
    const p = await tx.product.update({ where: { id: input.productId }, data: { active: input.active }, select: PRODUCT_SELECT })
    if (before.active !== input.active) {
      await audit(tx, actor, {
        action: input.active ? 'product.reactivated' : 'product.deactivated',
        entityType: 'product',
        entityId: p.id,
        task: 'MANAGE_CATALOG',
      })
    }
    return productDto(p, await ratesToday(tx))
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const setProductActiveUseCase = defineUseCase({
  name: 'setProductActive',
  tasks: 'MANAGE_CATALOG',
  schema: setProductActiveSchema,
  run: setProductActive,
})
