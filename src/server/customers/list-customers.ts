import 'server-only'
import { CUSTOMER_READERS } from '@/domain/permissions'
import { normalizePhone, searchTerms } from '@/domain/search'
import { Prisma } from '@/generated/prisma/client'
import type { CustomerPageDTO, ListCustomersQuery } from '@/lib/schemas/api'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { decodeKeyset, encodeKeyset } from '../keyset-cursor'
import { customerMatchSql } from './search-customers'
import { defineUseCase } from '../use-case'
import { toInvoiceDetails, type InvoiceDetailsRow } from './invoice-details'

/**
 * Customers newest first, a page at a time (keyset on createdAt, id — never OFFSET), optionally only those matching
 * `q` the way the counter's search does (every word in the folded name/phone/email, or the phone typed with
 * separators). For integrations that sync the customer list; the counter's ranked as-you-type search stays in
 * searchCustomers.
 */
export async function listCustomers(actor: Actor, query: ListCustomersQuery): Promise<CustomerPageDTO> {
  authorizeAny(actor, CUSTOMER_READERS)
  const conditions: Prisma.Sql[] = []
  const terms = query.q ? searchTerms(query.q).slice(0, 6) : []
  // The counter's match, which the trigram index answers (`LIKE ALL` and an OR on the phone column read every
  // customer); searchText holds the phone as stored, so the phone typed with separators is still found.
  if (query.q && terms.length > 0) conditions.push(customerMatchSql('c', terms, normalizePhone(query.q)))
  if (query.cursor) {
    const after = decodeKeyset(query.cursor)
    conditions.push(Prisma.sql`(c."createdAt", c.id) < (${after.at}::timestamp, ${after.id}::uuid)`)
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty
  type Row = { id: string; name: string; phone: string | null; email: string | null; at: string } & InvoiceDetailsRow
  const rows = await db().$queryRaw<Row[]>`
    SELECT c.id, c.name, c.phone, c.email, c."taxCode", c."legalName", c."invoiceAddress", c."createdAt"::text AS at
    FROM "Customer" c
    ${where}
    ORDER BY c."createdAt" DESC, c.id DESC
    LIMIT ${query.limit + 1}`
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    data: page.map(({ id, name, phone, email, ...row }) => ({ id, name, phone, email, invoiceDetails: toInvoiceDetails(row) })),
    nextCursor: rows.length > query.limit && last ? encodeKeyset(last.at, last.id) : null,
  }
}

/** Who may call it, read by its route and the authorization matrix. */
export const listCustomersUseCase = defineUseCase({ name: 'listCustomers', tasks: CUSTOMER_READERS })
