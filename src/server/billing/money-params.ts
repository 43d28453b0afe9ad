import 'server-only'
import type { DomainError } from '@/domain/errors'
import { fromMinor } from '@/domain/money'

/**
 * Domain refusals carry amounts in minor units; messages show them with ICU `{max, number, money}` (the currency
 * format named by messageFormats in src/server/errors.ts), so the amount is turned into major units here (VND is
 * unchanged, 1250 EUR cents becomes 12.5) and the currency added.
 */
export function withMoneyParams(error: DomainError, currency: string, keys: readonly string[] = ['max']): DomainError {
  for (const key of keys) {
    const value = error.params[key]
    if (typeof value === 'number') (error.params as Record<string, string | number>)[key] = fromMinor(value, currency)
  }
  ;(error.params as Record<string, string | number>).currency = currency
  return error
}
