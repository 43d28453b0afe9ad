// Customer lookup at the counter: staff type "nguyen van duc" or "0901234567" without diacritics or spacing and must
// still find "Nguyễn Văn Đức" / "090 123 4567". Stored search text and queries go through the same folding.

/**
 * Lower-case, diacritics stripped, đ/Đ -> d, whitespace collapsed and trimmed: "Nguyễn Văn Đức" -> "nguyen van duc".
 * Idempotent, so folding stored text and folding a query can never disagree.
 */
export function foldForSearch(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/\s+/g, ' ').trim()
}

/**
 * Digits with an optional leading "+", separators (spaces, dots, dashes, parentheses) dropped; null unless 8 to 15
 * digits remain (ITU E.164 allows at most 15) or when anything else was typed. The number is not rewritten to
 * international form: "090 123 4567" stays "0901234567", "+84 90 123 4567" becomes "+84901234567".
 */
export function normalizePhone(input: string): string | null {
  if (typeof input !== 'string') return null
  const compact = input.replace(/[\s.\-()]/g, '')
  if (!/^\+?\d{8,15}$/.test(compact)) return null
  return compact
}

/**
 * Trimmed and lower-cased, or null when it does not look like an address (one "@", something before it, a dotted
 * domain after it, no spaces, within the 64/254 length limits). Lower-casing the local part is technically lossy
 * but matches how every mainstream provider treats addresses and makes them unique per customer.
 */
export function normalizeEmail(input: string): string | null {
  if (typeof input !== 'string') return null
  const email = input.trim().toLowerCase()
  if (email.length > 254) return null
  const match = /^([^\s@]+)@([^\s@.]+(?:\.[^\s@.]+)+)$/.exec(email)
  if (!match) return null
  if ((match[1] ?? '').length > 64) return null
  return email
}

/** The stored, indexed text a customer is found by: folded name, then phone and email as stored. */
export function customerSearchText(customer: { name: string; phone?: string | null; email?: string | null }): string {
  return [foldForSearch(customer.name), customer.phone?.trim(), customer.email?.trim().toLowerCase()]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' ')
}

/** Query words, folded; empty when the query is blank. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query)
  return folded === '' ? [] : folded.split(' ')
}

/**
 * Whether search text matches a query: every query word occurs somewhere in it, in any order, so "duc nguyen" finds
 * "nguyen van duc" and "090 123" finds "0901234567". A blank query matches nothing (listing everyone is not a search).
 */
export function matchesSearch(searchText: string, query: string): boolean {
  const terms = searchTerms(query)
  if (terms.length === 0) return false
  const text = foldForSearch(searchText)
  return terms.every((term) => text.includes(term))
}
