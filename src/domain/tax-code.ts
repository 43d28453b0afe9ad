// Vietnamese tax codes (mã số thuế, MST) and e-invoice symbols (docs/decisions/022-tax-code-and-invoice-symbol.md).

/** Weights of the first nine digits; the tenth is the check digit. The structure is Circular 105/2020/TT-BTC art. 5;
 * the weights are not published there: they are python-stdnum's (stdnum.vn.mst), checked against real codes in the
 * tests. */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const

/** The check digit of a 9-digit base, or null when the base has none (10 − (sum mod 11) would be 10): no code is
 * issued with such a base. */
export function mstCheckDigit(base: string): number | null {
  if (!/^\d{9}$/.test(base)) return null
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(base[i]), 0)
  const check = 10 - (sum % 11)
  return check === 10 ? null : check
}

export type MstProblem = 'format' | 'checkDigit' | 'sequence' | 'branch'

/**
 * Normalises a typed tax code ("0314409058", "0314409058-002", "0314 409 058 - 002", "03.1440.9058") to the way it is
 * printed — 10 digits, or 10 digits, a dash and the 3-digit unit (branch) number — or says what is wrong: not 10 or 13
 * digits ('format'), a wrong check digit ('checkDigit'), an all-zero sequence ('sequence') or unit 000 ('branch').
 * Twelve digits are an individual's or household business's personal identification number, their tax code since
 * 1 July 2025 (Circular 86/2024/TT-BTC): accepted as typed, without a dash (it has no published check digit).
 */
export function parseMst(input: string): { ok: true; mst: string } | { ok: false; problem: MstProblem } {
  const digits = input.trim().replace(/[\s.-]/g, '')
  if (!/^[\d\s.-]*$/.test(input.trim())) return { ok: false, problem: 'format' }
  // A dash belongs to a unit number: "0314409058-00" is a 13-digit code with a digit missing, not a personal number.
  if (/^\d{12}$/.test(digits) && !input.includes('-')) return { ok: true, mst: digits }
  if (!/^\d{10}(\d{3})?$/.test(digits)) return { ok: false, problem: 'format' }
  if (digits.slice(2, 9) === '0000000') return { ok: false, problem: 'sequence' }
  if (digits.length === 13 && digits.slice(10) === '000') return { ok: false, problem: 'branch' }
  if (mstCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { ok: false, problem: 'checkDigit' }
  return { ok: true, mst: digits.length === 10 ? digits : `${digits.slice(0, 10)}-${digits.slice(10)}` }
}

// ---- Invoice template and symbol (Circular 78/2021/TT-BTC art. 4) -------------------------------------------------

/** Template ("ký hiệu mẫu số"): 1 = VAT invoice, 2 = sales invoice (the two a shop issues). */
export const INVOICE_TEMPLATES = ['1', '2'] as const
export type InvoiceTemplate = (typeof INVOICE_TEMPLATES)[number]

/**
 * The 6-character symbol ("ký hiệu hóa đơn"), e.g. C26TAA: C (with the tax authority's code) or K (without); the last
 * two digits of the year; the kind — T (registered with the tax authority), D (special goods), L (per occurrence),
 * M (cash register), N, B, G, H (other documents); then two capital letters the seller chooses to tell its series apart
 * (the circular names them "YY"). The year is the year the invoice is issued in.
 */
export function parseInvoiceSymbol(input: string): { ok: true; symbol: string; withCode: boolean; year: number } | { ok: false } {
  const symbol = input.trim().toUpperCase()
  const m = /^([CK])(\d{2})([TDLMNBGH])([A-Z]{2})$/.exec(symbol)
  if (!m) return { ok: false }
  return { ok: true, symbol, withCode: m[1] === 'C', year: 2000 + Number(m[2]) }
}
