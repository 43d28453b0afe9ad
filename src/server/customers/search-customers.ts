import 'server-only'
import { normalizePhone, searchTerms } from '@/domain/search'
import { Prisma } from '@/generated/prisma/client'
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
 * "This customer matches the query", written so that the trigram index on searchText answers it: one LIKE per word
 * (an index cannot serve `LIKE ALL (array)`, which made every search read the whole table), and a phone number typed
 * with separators ("090 123 4567") matched as its digits in the same column (searchText holds the phone as stored) —
 * a LIKE on another column in the OR would again mean reading every customer. docs/performance.md, "Scale".
 */
export function customerMatchSql(alias: string, terms: readonly string[], phone: string | null): Prisma.Sql {
  const column = Prisma.raw(`${alias}."searchText"`)
  const words = Prisma.join(
    terms.map((t) => Prisma.sql`${column} LIKE ${`%${likeEscape(t)}%`}`),
    ' AND ',
  )
  return phone ? Prisma.sql`((${words}) OR ${column} LIKE ${`%${likeEscape(phone)}%`})` : Prisma.sql`(${words})`
}

/** Matches ranked per keystroke at most: beyond it (a family name that a third of a big customer list shares) the
 * ranking would cost a similarity per match (1.3 s for 76,000 "nguyen" among 200,000 customers). */
export const CUSTOMER_SEARCH_POOL = 200

/**
 * As-you-type customer search over name, phone and email, ignoring case and diacritics ("nguyen" finds "Nguyễn"):
 * every query word must occur in Customer.searchText (folded name + normalised phone + email, trigram-indexed, so a
 * "contains" stays fast at a million rows). A query that is a phone number typed with separators ("090 123 4567") is
 * also matched as its normalised digits. Best matches first: a name starting with the query, then trigram similarity.
 * The ranking looks at CUSTOMER_SEARCH_POOL matches at most — every match unless the query is very common, and then
 * the ones starting with the query first — so its cost stays bounded however large the customer list grows.
 */
export async function searchCustomers(actor: Actor, input: CustomerSearchInput): Promise<CustomerHitDTO[]> {
  authorizeAny(actor, CUSTOMER_READERS)
  const terms = searchTerms(input.q).slice(0, 6)
  if (terms.length === 0) return []
  const folded = terms.join(' ')
  const match = customerMatchSql('c', terms, normalizePhone(input.q))
  const prefix = `${likeEscape(folded)}%`
  // Parameters only; the SQL text depends only on the number of words.
  const rows = await db().$queryRaw<Array<{ id: string; name: string; phone: string | null; email: string | null; openOrders: number }>>`
    WITH pool AS (
      (SELECT c.id FROM "Customer" c WHERE ${match} AND c."searchText" LIKE ${prefix} LIMIT ${CUSTOMER_SEARCH_POOL})
      UNION
      (SELECT c.id FROM "Customer" c WHERE ${match} LIMIT ${CUSTOMER_SEARCH_POOL})
    )
    SELECT c.id, c.name, c.phone, c.email,
      (SELECT count(*)::int FROM "Order" o WHERE o."customerId" = c.id AND o."closedAt" IS NULL AND o."cancelledAt" IS NULL) AS "openOrders"
    FROM "Customer" c
    WHERE c.id IN (SELECT id FROM pool)
    ORDER BY (c."searchText" LIKE ${prefix}) DESC, similarity(c."searchText", ${folded}) DESC, c.name ASC
    LIMIT ${CUSTOMER_SEARCH_LIMIT}`
  return rows
}
