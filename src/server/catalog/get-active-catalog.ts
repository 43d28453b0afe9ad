import 'server-only'
import type { CatalogRequestInput } from '@/lib/schemas/order'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'
import { ratesToday } from './product-input'
import type { ProductHitDTO } from './search-products'

export interface CatalogDTO {
  /** Changes whenever a product is added, changed, (de)activated or removed. */
  version: string
  /** The active products; null when the caller already holds this version. */
  products: ProductHitDTO[] | null
}

/**
 * The active catalog, for the counter's browser to search locally (issue 14: a line is added from what is on screen,
 * never after a server round trip, so a fast typist's keys cannot overtake it). A shop has tens to a few thousand
 * products: a few hundred KB at most, sent once per intake page.
 *
 * Freshness: a version (product count + latest updatedAt) that the browser sends back when the window regains focus
 * and every minute; unchanged, only the version comes back. Chosen over an HTTP ETag because the lookups are
 * `no-store` (they carry a session) and over a push channel because a catalog changes a few times a day: a minute's
 * delay is harmless, and a product deactivated meanwhile is still refused when the order is created. The count
 * catches a deletion, updatedAt every change including (de)activation.
 */
export async function getActiveCatalog(actor: Actor, input: CatalogRequestInput): Promise<CatalogDTO> {
  authorize(actor, getActiveCatalogUseCase.tasks)
  // Version first: a change between the two reads leaves an older version with newer data, and the next check fetches
  // again; the other order could keep stale data under a current version.
  const [row] = await db().$queryRaw<{ count: number; latest: Date | null }[]>`
    SELECT count(*)::int AS count, max("updatedAt") AS latest FROM "Product"`
  const version = `${row?.count ?? 0}-${row?.latest?.getTime() ?? 0}`
  if (input.known === version) return { version, products: null }
  const [rows, rates] = await Promise.all([
    db().product.findMany({
      where: { active: true },
      select: { id: true, sku: true, name: true, unit: true, unitPrice: true, taxCategoryId: true },
      orderBy: { name: 'asc' },
    }),
    ratesToday(),
  ])
  const products = rows.map(({ taxCategoryId, ...p }) => ({ ...p, taxRateBp: rates.get(taxCategoryId) ?? 0 }))
  return { version, products }
}

export const getActiveCatalogUseCase = defineUseCase({ name: 'getActiveCatalog', tasks: 'TAKE_ORDER' })
