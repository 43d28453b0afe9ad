// Tax rates as people type them ("8", "8,5 %", "10.25") and as they are stored (basis points: 850 = 8.5 %).

import { MAX_TAX_RATE_BP } from './tax'

/**
 * Parses a percentage typed in the user's locale into basis points: ("8", en) -> 800, ("8,5", vi) -> 850,
 * ("10.25 %", en) -> 1025. At most two decimals (a basis point is 0.01 %), between 0 and 100 %. Null, never a throw,
 * for anything else; grouping separators are not accepted (no rate has four digits before the decimal point).
 */
export function parsePercentToBp(input: string, locale: string): number | null {
  if (typeof input !== 'string') return null
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  // Either separator is read as the decimal point when it cannot be a grouping separator (at most 3 integer digits).
  const text = input.trim().replace(/\s*%$/u, '').trim()
  const m = /^(\d{1,3})(?:([.,])(\d{1,2}))?$/.exec(text)
  if (!m) return null
  if (m[2] && m[2] !== decimal && m[2] !== '.') return null
  const whole = Number(m[1])
  const fraction = m[3] ? Number(m[3].padEnd(2, '0')) : 0
  const bp = whole * 100 + fraction
  return bp > MAX_TAX_RATE_BP ? null : bp
}

/** Basis points as the percentage to put back into an input: (850, vi) -> "8,5", (1000, en) -> "10". */
export function formatBpForInput(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(bp / 100)
}
