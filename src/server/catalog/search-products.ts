import 'server-only'
import { businessDay } from '@/domain/opening-hours'
import { foldForSearch, searchTerms } from '@/domain/search'
import { getSettings } from '../settings/get-settings'
import type { ProductSearchInput } from '@/lib/schemas/order'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { likeEscape } from '../customers/search-customers'
import { defineUseCase } from '../use-case'

export interface ProductHitDTO {
  id: string
  sku: string
  name: string
  unit: string
  /** Net catalog price, minor units. */
  unitPrice: number
  /** Its category's rate today; an invoice charges the rate on the day the work is done (docs/decisions/021). */
  taxRateBp: number
}

export const PRODUCT_SEARCH_LIMIT = 8

// Diacritics folded inside SQL the same way foldForSearch folds the query ("mau" finds "màu", "dong" finds "Đóng"),
// without relying on the unaccent extension or on the database's ctype for lower(): translate() maps every accented
// letter, upper and lower case, to its folded form, and lower() is then only needed for ASCII.
const ACCENTED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđäëïöüÿçñ'
const FOLD_FROM = [...ACCENTED, ...ACCENTED.toUpperCase()].filter((c) => foldForSearch(c).length === 1)
const FOLD_TO = FOLD_FROM.map((c) => foldForSearch(c))
const FROM = FOLD_FROM.join('')
const TO = FOLD_TO.join('')

/**
 * Active products whose SKU or name matches what is typed at the counter: every word must occur in the folded
 * "sku name". An SKU typed from its start ranks first, then names starting with the query, then by name. A catalog
 * is small (hundreds to a few thousand rows), so the folded scan is cheap; inactive products are never offered.
 */
export async function searchProducts(actor: Actor, input: ProductSearchInput): Promise<ProductHitDTO[]> {
  authorize(actor, searchProductsUseCase.tasks)
  const terms = searchTerms(input.q).slice(0, 6)
  if (terms.length === 0) return []
  const folded = terms.join(' ')
  const patterns = terms.map((t) => `%${likeEscape(t)}%`)
  const today = businessDay(new Date(), (await getSettings()).timeZone)
  return db().$queryRaw<ProductHitDTO[]>`
    SELECT p.id, p.sku, p.name, p.unit, p."unitPrice", COALESCE(handoff_tax_rate(p."taxCategoryId", ${today}::date), 0) AS "taxRateBp"
    FROM "Product" p
    WHERE p.active
      AND lower(translate(p.sku || ' ' || p.name, ${FROM}, ${TO})) LIKE ALL (${patterns}::text[])
    ORDER BY (lower(p.sku) LIKE ${`${likeEscape(folded)}%`}) DESC,
      (lower(translate(p.name, ${FROM}, ${TO})) LIKE ${`${likeEscape(folded)}%`}) DESC,
      p.name ASC
    LIMIT ${PRODUCT_SEARCH_LIMIT}`
}

/** Who may call it, read by its route and the authorization matrix. */
export const searchProductsUseCase = defineUseCase({ name: 'searchProducts', tasks: 'TAKE_ORDER' })
