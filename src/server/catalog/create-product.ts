import 'server-only'
import { DomainError } from '@/domain/errors'
import type { CreateProductInput } from '@/lib/schemas/catalog'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { isUniqueViolation } from '../errors'
import { checkTaxCategory, parsePrice, PRODUCT_SELECT, productDto, ratesToday, type ProductDTO } from './product-input'
import { createProductSchema } from '@/lib/schemas/catalog'
import { defineUseCase } from '../use-case'

/** Add a product to the catalog; the price is typed in major units of the business currency. */
export async function createProduct(actor: Actor, input: CreateProductInput): Promise<ProductDTO> {
  authorize(actor, createProductUseCase.tasks)
  const { currency } = await getSettings()
  const unitPrice = parsePrice(input.price, currency, input.locale)
  const { taxCategoryId } = input
  try {
    return await db().$transaction(async (tx) => {
      await checkTaxCategory(tx, taxCategoryId)
      const p = await tx.product.create({
        data: { sku: input.sku, name: input.name, unitPrice, taxCategoryId, unit: input.unit },
        select: PRODUCT_SELECT,
      })
      await audit(tx, actor, {
        action: 'product.created',
        entityType: 'product',
        entityId: p.id,
        task: 'MANAGE_CATALOG',
        after: { sku: p.sku, name: p.name, unitPrice, taxCategoryId, unit: p.unit },
      })
      return productDto(p, await ratesToday(tx))
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'manager.catalog.errors.skuTaken', { sku: input.sku }, 'sku')
    throw error
  }
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const createProductUseCase = defineUseCase({
  name: 'createProduct',
  tasks: 'MANAGE_CATALOG',
  schema: createProductSchema,
  run: createProduct,
})
