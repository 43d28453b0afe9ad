// Human-readable numbers. Invoice and credit-note numbers are consecutive per year without gaps (the counter row is
// bumped inside the issuing transaction); order numbers are a plain autoincrement shown with the business prefix.

/** Sequence numbers live in Postgres int4 columns; a larger number would make the query itself fail. */
export const MAX_SEQ = 2_147_483_647
export const SEQ_PAD = 6
export const DEFAULT_ORDER_PREFIX = 'DH'
export const DEFAULT_INVOICE_PREFIX = 'HD'
export const DEFAULT_CREDIT_NOTE_PREFIX = 'GG'

// Letters first so a prefix can never be mistaken for a year or a sequence; no "-" so parsing is unambiguous.
// Unicode letters are allowed because the natural Vietnamese prefix for an invoice is "HĐ".
const PREFIX = /^\p{L}[\p{L}\p{N}]{0,9}$/u

/** Upper-cased prefix, or RangeError when it is not 1-10 letters/digits starting with a letter. */
export function canonicalPrefix(prefix: string): string {
  const upper = prefix.trim().toUpperCase()
  if (!PREFIX.test(upper)) throw new RangeError(`Invalid number prefix: ${JSON.stringify(prefix)}`)
  return upper
}

function assertSeq(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_SEQ) throw new RangeError(`${what} must be in [1, ${MAX_SEQ}], got ${n}`)
}

function pad(n: number): string {
  return String(n).padStart(SEQ_PAD, '0')
}

/** ("HD", 2026, 123) -> "HD-2026-000123"; sequences beyond 999999 simply get longer. */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year: ${year}`)
  assertSeq(seq, 'seq')
  return `${canonicalPrefix(prefix)}-${year}-${pad(seq)}`
}

export interface DocumentNumber {
  prefix: string
  year: number
  seq: number
}

const DOCUMENT_NUMBER = /^(\p{L}[\p{L}\p{N}]{0,9})-([1-9]\d{3})-(\d{6,10})$/u

/**
 * Inverse of formatDocumentNumber (case-insensitive, surrounding spaces ignored; prefix returned upper-cased).
 * Null for anything formatDocumentNumber would not produce, including non-canonical padding ("HD-2026-0001234").
 */
export function parseDocumentNumber(s: string): DocumentNumber | null {
  if (typeof s !== 'string') return null
  const match = DOCUMENT_NUMBER.exec(s.trim().toUpperCase())
  if (!match) return null
  const [, prefix = '', yearText = '', seqText = ''] = match
  if (seqText.length > SEQ_PAD && seqText.startsWith('0')) return null
  const seq = Number(seqText)
  if (seq < 1 || seq > MAX_SEQ) return null
  return { prefix, year: Number(yearText), seq }
}

/** ("DH", 123) -> "DH-000123". */
export function formatOrderNumber(prefix: string, n: number): string {
  assertSeq(n, 'order number')
  return `${canonicalPrefix(prefix)}-${pad(n)}`
}

const ORDER_QUERY = /^#?(?:(\p{L}[\p{L}\p{N}]{0,9})-)?(\d{1,10})$/u

/**
 * The order number a search box query designates: "123", "#123", "DH-000123", "dh-123", "#DH-123", with surrounding
 * spaces. Null for anything else, including another prefix and numbers outside int4. Pass the business's order
 * prefix; the default is the seed's.
 *
 * A bare phone number ("0901234567") also parses; a search box should try it as both.
 */
export function parseOrderNumberQuery(q: string, prefix: string = DEFAULT_ORDER_PREFIX): number | null {
  if (typeof q !== 'string') return null
  const match = ORDER_QUERY.exec(q.trim().toUpperCase())
  if (!match) return null
  const [, typedPrefix, digits = ''] = match
  if (typedPrefix !== undefined && typedPrefix !== canonicalPrefix(prefix)) return null
  const n = Number(digits)
  if (n < 1 || n > MAX_SEQ) return null
  return n
}

/** The sequence number after `last` (0 for a year with nothing issued yet). */
export function nextSeq(last: number): number {
  if (!Number.isSafeInteger(last) || last < 0 || last >= MAX_SEQ) {
    throw new RangeError(`last must be an integer in [0, ${MAX_SEQ}), got ${last}`)
  }
  return last + 1
}

/** True when the numbers are exactly start, start + 1, ... in some order: no gap, no duplicate. */
export function isGapless(seqs: readonly number[], start = 1): boolean {
  const sorted = [...seqs].sort((a, b) => a - b)
  return sorted.every((seq, i) => seq === start + i)
}
