import 'server-only'
import { DomainError } from '@/domain/errors'
import { MAX_AMOUNT, parseLocaleAmount } from '@/domain/money'
import { parsePercentToBp } from '@/domain/rates'

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

export const PRODUCT_SELECT = {
  id: true,
  sku: true,
  name: true,
  unitPrice: true,
  taxRateBp: true,
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
  taxRateBp: number
  unit: string
  active: boolean
  /** The shop skill making it needs (ADR 014), or null. */
  requiredSkillId: string | null
  updatedAt: string
}

export function productDto(p: {
  id: string
  sku: string
  name: string
  unitPrice: number
  taxRateBp: number
  unit: string
  active: boolean
  requiredSkillId: string | null
  updatedAt: Date
}): ProductDTO {
  return { ...p, updatedAt: p.updatedAt.toISOString() }
}
