// Money is an integer number of the currency's minor unit (ISO 4217: VND has none, EUR has cents). Floating point
// appears only at the edges (display, <input type=number>), never in arithmetic that ends up in a document.

/** Amounts are stored in Postgres int4 columns; this leaves headroom below 2^31 - 1. */
export const MAX_AMOUNT = 2_000_000_000

const exponentCache = new Map<string, number>()

/**
 * ISO 4217 minor-unit exponent (VND 0, EUR 2, JPY 0, BHD 3), as the runtime's ICU data knows it.
 * Throws RangeError for a malformed code. A well-formed but unassigned code (e.g. "ABC") gets ICU's default of 2.
 */
export function currencyExponent(currency: string): number {
  const cached = exponentCache.get(currency)
  if (cached !== undefined) return cached
  // Intl itself throws RangeError for malformed codes; the explicit check also rejects non-strings at runtime.
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) {
    throw new RangeError(`Invalid currency code: ${String(currency)}`)
  }
  const exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits
  if (exponent === undefined) throw new RangeError(`No minor unit known for ${currency}`)
  exponentCache.set(currency, exponent)
  return exponent
}

export function isAmount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= -MAX_AMOUNT && n <= MAX_AMOUNT
}

/** Returns `n` when it is a safe integer in [-MAX_AMOUNT, MAX_AMOUNT]; throws RangeError otherwise. */
export function assertAmount(n: number, what = 'amount'): number {
  if (!isAmount(n)) throw new RangeError(`${what} must be an integer in [-${MAX_AMOUNT}, ${MAX_AMOUNT}], got ${n}`)
  return n
}

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero (2.5 -> 3, -2.5 -> -3).
 * Both must be safe integers; the division is done with integer remainder so no floating-point rounding
 * can move a result across a .5 boundary.
 */
export function roundHalfAwayFromZero(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError(`roundHalfAwayFromZero needs safe integers, got ${numerator} / ${denominator}`)
  }
  if (denominator === 0) throw new RangeError('Division by zero')
  const negative = numerator < 0 !== denominator < 0
  const a = Math.abs(numerator)
  const b = Math.abs(denominator)
  const remainder = a % b
  // (a - remainder) is an exact multiple of b, so this division is exact.
  let quotient = (a - remainder) / b
  // remainder < b <= 2^53, so 2 * remainder is still exact.
  if (2 * remainder >= b) quotient += 1
  if (quotient === 0) return 0 // never -0: it formats as "-0 ₫"
  return negative ? -quotient : quotient
}

function assertSafeInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a safe integer, got ${n}`)
}

/**
 * Exact decimal representation of a minor amount in major units, "." as separator, no grouping:
 * (1250, EUR) -> "12.50", (-5, EUR) -> "-0.05", (150000, VND) -> "150000". Suitable for input values and for
 * feeding back into toMinor.
 */
export function toDecimalString(minor: number, currency: string): string {
  assertSafeInteger(minor, 'minor')
  const exponent = currencyExponent(currency)
  const digits = Math.abs(minor).toString()
  const sign = minor < 0 ? '-' : ''
  if (exponent === 0) return sign + digits
  const padded = digits.padStart(exponent + 1, '0')
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`
}

/**
 * Locale formatting of an integer minor amount: (150000, VND, vi) -> "150.000 ₫", (150000, VND, en) -> "₫150,000".
 * The amount reaches Intl as an exact decimal string, so no floating-point error can show up.
 * Note that ICU separates number and symbol with a no-break space (U+00A0) in "vi".
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const decimal = toDecimalString(minor, currency)
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal as Intl.StringNumericLiteral)
}

/** Major units as a JavaScript number (for display widgets and number inputs only): (1250, EUR) -> 12.5. */
export function fromMinor(minor: number, currency: string): number {
  assertSafeInteger(minor, 'minor')
  // Division of an integer by a power of ten is correctly rounded, so String() of the result round-trips
  // through toMinor for every amount within MAX_AMOUNT.
  const result = minor / 10 ** currencyExponent(currency)
  return result === 0 ? 0 : result
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/

/**
 * Parses a major amount typed by a user or read from a number input into minor units: ("12.50", EUR) -> 1250,
 * ("150000", VND) -> 150000.
 *
 * Returns null, never throws, for anything that is not an amount: empty input, a non-"." decimal separator, grouping
 * separators, exponent notation, NaN/Infinity, a result outside [-MAX_AMOUNT, MAX_AMOUNT], and more decimals than
 * the currency has. The last one is strict even when the extra digits are zeros: "150.000" typed for VND by
 * someone used to Vietnamese grouping means 150000, and reading it as 150 would be a silent 1000x error.
 *
 * A number argument goes through String(), so float noise (0.1 + 0.2) is rejected rather than rounded.
 * The sign is kept; callers that need a positive amount check for it.
 */
export function toMinor(major: string | number, currency: string): number | null {
  const exponent = currencyExponent(currency)
  let text: string
  if (typeof major === 'number') {
    if (!Number.isFinite(major)) return null
    text = String(major)
  } else if (typeof major === 'string') {
    text = major.trim()
  } else {
    return null
  }
  const match = DECIMAL.exec(text)
  if (!match) return null
  const sign = match[1] ?? ''
  const integerPart = match[2] ?? ''
  const fraction = match[3] ?? ''
  if (integerPart === '' && fraction === '') return null
  if (fraction.length > exponent) return null
  const minorDigits = (integerPart + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '')
  // MAX_AMOUNT has 10 digits; anything longer is out of range and may not be exact as a Number.
  if (minorDigits.length > 10) return null
  const magnitude = Number(minorDigits)
  if (magnitude > MAX_AMOUNT) return null
  if (magnitude === 0) return 0
  return sign === '-' ? -magnitude : magnitude
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Parses an amount typed in the user's locale conventions: in "vi" "150.000" is 150000 and "12,5" is 12.5; in "en"
 * "150,000" is 150000. Grouping separators (and spaces used as grouping) are accepted only in valid positions
 * (groups of three), so "1.50" in "vi" is rejected instead of being read as 150. Same null-on-invalid contract as
 * toMinor.
 */
export function parseLocaleAmount(input: string, currency: string, locale: string): number | null {
  if (typeof input !== 'string') return null
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5)
  let group = parts.find((p) => p.type === 'group')?.value ?? ','
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.'
  // ICU groups some locales with (narrow) no-break spaces that nobody types; any typed space stands for a group.
  if (/^\s$/u.test(group)) group = ' '
  const text = input.trim().replace(/\s+/gu, group)
  const g = escapeRegExp(group)
  const pattern = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${escapeRegExp(decimal)}(\\d+))?$`)
  const match = pattern.exec(text)
  if (!match) return null
  const integerPart = (match[2] ?? '').split(group).join('')
  const fraction = match[3]
  return toMinor(`${match[1] ?? ''}${integerPart}${fraction === undefined ? '' : `.${fraction}`}`, currency)
}
