import 'server-only'
import { DomainError } from '@/domain/errors'
import { MAX_AMOUNT, parseLocaleAmount } from '@/domain/money'
import { parsePercentToBp } from '@/domain/rates'
import { db, type Tx } from '../db'
import { getSettings } from '../settings/get-settings'
import { loadTaxCategories, taxCategoryDtos } from './tax-categories'

// Turning what the catalog form typed into stored values (not a use case; callers authorize first).

/** A price typed in major units in the user's locale, as minor units of the business currency. */
export function parsePrice(price: string, currency: string, locale: string): number {
  const minor = parseLocaleAmount(price, currency, locale)
  if (minor === null || minor < 0 || minor > MAX_AMOUNT) throw new DomainError('INVALID', 'manager.catalog.errors.price', {}, 'price')
  return minor
}

export function parseTaxRate(rate: string, locale: string, field = 'taxRate'): number {
  const bp = parsePercentToBp(rate, locale)
  if (bp === null) throw new DomainError('INVALID', 'manager.catalog.errors.taxRate', {}, field)
  return bp
}

/** The category a product is put in must exist (the foreign key would say so as a 500). */
export async function checkTaxCategory(tx: Tx, taxCategoryId: string): Promise<void> {
  const found = await tx.taxCategory.findUnique({ where: { id: taxCategoryId }, select: { id: true } })
  if (!found) throw new DomainError('INVALID', 'manager.catalog.errors.taxCategory', {}, 'taxCategoryId')
}

export const PRODUCT_SELECT = {
  id: true,
  sku: true,
  name: true,
  unitPrice: true,
  taxCategoryId: true,
  unit: true,
  active: true,
  requiredSkillId: true,
  updatedAt: true,
} as const

export interface ProductDTO {
  id: string
  sku: string
  name: string
  unitPrice: number
  taxCategoryId: string
  /** The category's rate today (docs/decisions/021). */
  taxRateBp: number
  unit: string
  active: boolean
  /** The shop skill making it needs (ADR 014), or null. */
  requiredSkillId: string | null
  updatedAt: string
}

export function productDto(
  p: {
    id: string
    sku: string
    name: string
    unitPrice: number
    taxCategoryId: string
    requiredSkillId: string | null
    unit: string
    active: boolean
    updatedAt: Date
  },
  rates: ReadonlyMap<string, number>,
): ProductDTO {
  return { ...p, taxRateBp: rates.get(p.taxCategoryId) ?? 0, updatedAt: p.updatedAt.toISOString() }
}

/** Today's rate of every category, for product DTOs. */
export async function ratesToday(client: Tx | ReturnType<typeof db> = db()): Promise<Map<string, number>> {
  const [{ timeZone }, categories] = await Promise.all([getSettings(), loadTaxCategories(client)])
  return new Map(taxCategoryDtos(categories, new Date(), timeZone).map((c) => [c.id, c.rateBp]))
}
