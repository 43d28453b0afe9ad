import 'server-only'
import { CUSTOMER_READERS } from '@/domain/permissions'
import { normalizePhone, searchTerms } from '@/domain/search'
import { Prisma } from '@/generated/prisma/client'
import type { CustomerSearchInput } from '@/lib/schemas/customer'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'
import { toInvoiceDetails, type InvoiceDetailsDTO } from './invoice-details'

export interface CustomerHitDTO {
  id: string
  name: string
  phone: string | null
  email: string | null
  /** Orders not yet closed or cancelled: a hint that the customer may be here to collect one. */
  openOrders: number
  /** Tax code, legal name and address for a VAT invoice; null when the customer has not asked for one. */
  invoiceDetails: InvoiceDetailsDTO | null
}

export const CUSTOMER_SEARCH_LIMIT = 8

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

/** "The search text starts with the query": the name typed in order, whole words and the last one begun ("nguyen xuan
 * ha"). It implies the match (every query word is then in the search text), and `Customer_searchText_prefix_idx`
 * answers it with a range scan, where the trigram index reads the posting lists of every trigram of every word —
 * tens of thousands of entries each for common names ("nguyen", "xuan", "hanh": 5–10 ms among 200,000 customers,
 * more on a busy machine). */
function customerPrefixPattern(terms: readonly string[]): string {
  return `${likeEscape(terms.join(' '))}%`
}

/** The first `limit` customers whose search text starts with the query, in the prefix index's own order: asking for
 * that order (`USING ~<~`, the index's operator class) keeps the plan on the index whatever the statistics say — with
 * a LIMIT and an overestimated match count, PostgreSQL otherwise prefers reading the table from the start (10 ms when
 * the estimate was 2,000 names for the real 151). */
function prefixedSql(prefix: string, limit: number, columns = Prisma.sql`c.id`): Prisma.Sql {
  return Prisma.sql`SELECT ${columns} FROM "Customer" c WHERE c."searchText" LIKE ${prefix} ORDER BY c."searchText" USING ~<~ LIMIT ${limit}`
}

const POOL_COLUMNS = Prisma.sql`c.id, c.name, c.phone, c.email, c."taxCode", c."legalName", c."invoiceAddress", c."searchText"`

/**
 * At most `limit` customers matching the query (customerMatchSql), those whose search text starts with it first: when
 * that finds `limit` of them, the trigram match is not run at all. All the matches whenever there are at most `limit`;
 * beyond that, which ones is unspecified (as any LIMIT without ORDER BY), and now favours the name typed in order.
 */
export function matchingCustomersSql(terms: readonly string[], phone: string | null, limit: number): Prisma.Sql {
  const prefix = customerPrefixPattern(terms)
  return Prisma.sql`
    WITH prefixed AS (${prefixedSql(prefix, limit)})
    SELECT id FROM prefixed
    UNION ALL
    (SELECT c.id FROM "Customer" c
      WHERE ${customerMatchSql('c', terms, phone)} AND c."searchText" NOT LIKE ${prefix}
      LIMIT ${limit} - (SELECT count(*) FROM prefixed))`
}

/** Matches ranked per keystroke at most: beyond it (a family name that a third of a big customer list shares) the
 * ranking would cost a similarity per match (1.3 s for 76,000 "nguyen" among 200,000 customers). */
const CUSTOMER_SEARCH_POOL = 200

/**
 * As-you-type customer search over name, phone and email, ignoring case and diacritics ("nguyen" finds "Nguyễn"):
 * every query word must occur in Customer.searchText (folded name + normalised phone + email, trigram-indexed, so a
 * "contains" stays fast at a million rows). A query that is a phone number typed with separators ("090 123 4567") is
 * also matched as its normalised digits. Best matches first: a name starting with the query, then trigram similarity.
 * The ranking looks at CUSTOMER_SEARCH_POOL matches at most — every match unless the query is very common, and then
 * the ones starting with the query first (the first of them in the order of the search text) — so its cost stays
 * bounded however large the customer list grows.
 * When at least CUSTOMER_SEARCH_LIMIT names start with the query (the full name typed in order), those fill the whole
 * answer by the ranking's first key, so the other matches are not looked for (same answer, without the trigram
 * index's cost for several common words).
 */
export async function searchCustomers(actor: Actor, input: CustomerSearchInput): Promise<CustomerHitDTO[]> {
  authorizeAny(actor, CUSTOMER_READERS)
  const terms = searchTerms(input.q).slice(0, 6)
  if (terms.length === 0) return []
  const folded = terms.join(' ')
  const match = customerMatchSql('c', terms, normalizePhone(input.q))
  const prefix = customerPrefixPattern(terms)
  // Parameters only; the SQL text depends only on the number of words. The pool carries the columns the answer and
  // the ranking need, so no candidate is looked up twice.
  type Row = Omit<CustomerHitDTO, 'invoiceDetails'> & { taxCode: string | null; legalName: string | null; invoiceAddress: string | null }
  const rows = await db().$queryRaw<Row[]>`
    WITH prefixed AS (${prefixedSql(prefix, CUSTOMER_SEARCH_POOL, POOL_COLUMNS)}),
    pool AS (
      SELECT * FROM prefixed
      UNION
      (SELECT ${POOL_COLUMNS} FROM "Customer" c WHERE ${match} AND (SELECT count(*) FROM prefixed) < ${CUSTOMER_SEARCH_LIMIT} LIMIT ${CUSTOMER_SEARCH_POOL})
    )
    SELECT p.id, p.name, p.phone, p.email, p."taxCode", p."legalName", p."invoiceAddress",
      (SELECT count(*)::int FROM "Order" o WHERE o."customerId" = p.id AND o."closedAt" IS NULL AND o."cancelledAt" IS NULL) AS "openOrders"
    FROM pool p
    ORDER BY (p."searchText" LIKE ${prefix}) DESC, similarity(p."searchText", ${folded}) DESC, p.name ASC
    LIMIT ${CUSTOMER_SEARCH_LIMIT}`
  return rows.map(({ taxCode, legalName, invoiceAddress, ...hit }) => ({
    ...hit,
    invoiceDetails: toInvoiceDetails({ taxCode, legalName, invoiceAddress }),
  }))
}

/** Who may call it, read by its route and the authorization matrix. */
export const searchCustomersUseCase = defineUseCase({ name: 'searchCustomers', tasks: CUSTOMER_READERS })
