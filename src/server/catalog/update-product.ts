import 'server-only'
import { DomainError } from '@/domain/errors'
import type { UpdateProductInput } from '@/lib/schemas/catalog'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { isUniqueViolation } from '../errors'
import { checkTaxCategory, parsePrice, PRODUCT_SELECT, productDto, ratesToday, type ProductDTO } from './product-input'
import { updateProductSchema } from '@/lib/schemas/catalog'
import { defineUseCase } from '../use-case'

/**
 * Change a product's SKU, name, price, VAT category or unit. Only future orders see it: order lines copied the price and
 * tax rate when they were taken, and issued documents never change.
 */
export async function updateProduct(actor: Actor, input: UpdateProductInput): Promise<ProductDTO> {
  authorize(actor, updateProductUseCase.tasks)
  const { currency } = await getSettings()
  const unitPrice = parsePrice(input.price, currency, input.locale)
  const { taxCategoryId } = input
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.product.findUnique({ where: { id: input.productId }, select: PRODUCT_SELECT })
      if (!before) throw new DomainError('NOT_FOUND', 'errors.notFound')
      await checkTaxCategory(tx, taxCategoryId)
      const p = await tx.product.update({
        where: { id: input.productId },
        data: { sku: input.sku, name: input.name, unitPrice, taxCategoryId, unit: input.unit },
        select: PRODUCT_SELECT,
      })
      const pick = (x: typeof p) => ({ sku: x.sku, name: x.name, unitPrice: x.unitPrice, taxCategoryId: x.taxCategoryId, unit: x.unit })
      await audit(tx, actor, {
        action: 'product.updated',
        entityType: 'product',
        entityId: p.id,
        task: 'MANAGE_CATALOG',
        before: pick(before),
        after: pick(p),
      })
      return productDto(p, await ratesToday(tx))
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'manager.catalog.errors.skuTaken', { sku: input.sku }, 'sku')
    throw error
  }
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const updateProductUseCase = defineUseCase({
  name: 'updateProduct',
  tasks: 'MANAGE_CATALOG',
  schema: updateProductSchema,
  run: updateProduct,
})
