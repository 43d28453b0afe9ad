import 'server-only'
import { normalizePhone, searchTerms } from '@/domain/search'
import type { CustomerSearchInput } from '@/lib/schemas/customer'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'

export interface CustomerHitDTO {
  id: string
  name: string
  phone: string | null
  email: string | null
  /** Orders not yet closed or cancelled: a hint that the customer may be here to collect one. */
  openOrders: number
}

export const CUSTOMER_SEARCH_LIMIT = 8
/** Everyone at the counter looks customers up. */
export const CUSTOMER_READERS = ['TAKE_ORDER', 'CUSTOMER_SERVICE', 'HANDLE_PICKUP'] as const

/** `%`, `_` and `\` typed by a user are literal characters, not LIKE wildcards. */
export function likeEscape(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * As-you-type customer search over name, phone and email, ignoring case and diacritics ("nguyen" finds "Nguyễn"):
 * every query word must occur in Customer.searchText (folded name + normalised phone + email, trigram-indexed, so a
 * "contains" stays fast at a million rows). A query that is a phone number typed with separators ("090 123 4567") is
 * also matched as its normalised digits. Best matches first: a name starting with the query, then trigram similarity.
 */
export async function searchCustomers(actor: Actor, input: CustomerSearchInput): Promise<CustomerHitDTO[]> {
  authorizeAny(actor, CUSTOMER_READERS)
  const terms = searchTerms(input.q).slice(0, 6)
  if (terms.length === 0) return []
  const folded = terms.join(' ')
  const phone = normalizePhone(input.q)
  const patterns = terms.map((t) => `%${likeEscape(t)}%`)
  // Parameters only; the SQL text is constant. `LIKE ALL` = every word occurs somewhere.
  const rows = await db().$queryRaw<Array<{ id: string; name: string; phone: string | null; email: string | null; openOrders: number }>>`
    SELECT c.id, c.name, c.phone, c.email,
      (SELECT count(*)::int FROM "Order" o WHERE o."customerId" = c.id AND o."closedAt" IS NULL AND o."cancelledAt" IS NULL) AS "openOrders"
    FROM "Customer" c
    WHERE c."searchText" LIKE ALL (${patterns}::text[])
       OR (${phone}::text IS NOT NULL AND c.phone LIKE '%' || ${phone ? likeEscape(phone) : null}::text || '%')
    ORDER BY (c."searchText" LIKE ${`${likeEscape(folded)}%`}) DESC, similarity(c."searchText", ${folded}) DESC, c.name ASC
    LIMIT ${CUSTOMER_SEARCH_LIMIT}`
  return rows
}
