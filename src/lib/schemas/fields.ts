// Numeric fields, defined once for the API's JSON bodies and the forms' server actions alike. JSON already carries
// numbers, so these never coerce: `null`, `""`, `" "`, `false`, `[]`, `"0x10"` or `"1e3"` is a type error, never 0, 1,
// 16 or 1000 (z.coerce read them so, and the API once wiped recorded work with `"set": null`). A form that posts its
// fields as text reads them through formNumber() — the coercion lives at that boundary only, over the same field.
import { z } from 'zod'
import { MAX_AMOUNT } from '@/domain/money'

/** A whole number within bounds (OpenAPI: `integer` with minimum and maximum). */
export function integer(min: number, max: number) {
  return z.number().int().min(min).max(max)
}

/** The largest version an order or invoice reaches (a PostgreSQL `integer`). */
export const MAX_VERSION = 2_147_483_647

/** The version of a record the client read (optimistic locking: a change meanwhile is refused as STALE). */
export const version = integer(1, MAX_VERSION)

/** An amount of money in minor units, more than nothing. */
export const amount = integer(1, MAX_AMOUNT)

/** A field posted as text (FormData, a URL): a plain decimal numeral is read as the number it writes; anything
 * else — blank, hex, exponent, words — is passed on unchanged for `field` to refuse. */
export function formNumber<S extends z.ZodType<number>>(field: S) {
  return z.preprocess((v) => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v), field)
}
