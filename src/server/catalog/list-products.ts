import 'server-only'
import type { ListProductsInput } from '@/lib/schemas/catalog'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { PRODUCT_SELECT, productDto, ratesToday, type ProductDTO } from './product-input'

export const PRODUCT_LIST_LIMIT = 500

/** The catalog as the manager edits it: active, deactivated or both, optionally filtered by name or SKU. */
export async function listProducts(
  actor: Actor,
  input: ListProductsInput = {},
): Promise<{ products: ProductDTO[]; truncated: boolean; counts: { active: number; inactive: number } }> {
  authorize(actor, 'MANAGE_CATALOG')
  const q = input.q?.trim()
  const status = input.status ?? 'active'
  const where = {
    ...(status === 'all' ? {} : { active: status === 'active' }),
    ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' as const } }, { sku: { contains: q, mode: 'insensitive' as const } }] } : {}),
  }
  const [rows, counts, rates] = await Promise.all([
    db().product.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: PRODUCT_LIST_LIMIT + 1, select: PRODUCT_SELECT }),
    db().product.groupBy({ by: ['active'], _count: { _all: true } }),
    ratesToday(),
  ])
  return {
    products: rows.slice(0, PRODUCT_LIST_LIMIT).map((p) => productDto(p, rates)),
    truncated: rows.length > PRODUCT_LIST_LIMIT,
    counts: {
      active: counts.find((c) => c.active)?._count._all ?? 0,
      inactive: counts.find((c) => !c.active)?._count._all ?? 0,
    },
  }
}
