import 'server-only'
import { BILLING_READERS } from '@/domain/permissions'
import { formatOrderNumber } from '@/domain/numbering'
import { Prisma } from '@/generated/prisma/client'
import type { InvoicePageDTO, ListInvoicesQuery } from '@/lib/schemas/api'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db, utcValue } from '../db'
import { decodeKeyset, encodeKeyset } from '../keyset-cursor'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'

interface Row {
  id: string
  number: string
  orderId: string
  orderNumber: number
  customerId: string
  customerName: string
  currency: string
  subtotal: number
  taxTotal: number
  total: number
  credited: number
  paid: number
  issuedAt: Date
  dueAt: Date
  at: string
}

/**
 * Issued invoices newest first, a page at a time (keyset on issuedAt, id), with what each still asks for:
 * total - credit notes - payments applied (as on the receivables page). Filters: open/settled, customer, order,
 * issue time range. For accounting packages; who may see billing (INVOICE or RECORD_PAYMENT) may list them.
 */
export async function listInvoices(actor: Actor, query: ListInvoicesQuery): Promise<InvoicePageDTO> {
  authorizeAny(actor, BILLING_READERS)
  const settings = await getSettings()
  const conditions: Prisma.Sql[] = []
  if (query.customerId) conditions.push(Prisma.sql`i."customerId" = ${query.customerId}::uuid`)
  if (query.orderId) conditions.push(Prisma.sql`i."orderId" = ${query.orderId}::uuid`)
  if (query.issuedFrom) conditions.push(Prisma.sql`i."issuedAt" >= ${utcValue(query.issuedFrom)}`)
  if (query.issuedTo) conditions.push(Prisma.sql`i."issuedAt" < ${utcValue(query.issuedTo)}`)
  if (query.status === 'open') conditions.push(Prisma.sql`i.total - cr.credited - al.paid > 0`)
  if (query.status === 'settled') conditions.push(Prisma.sql`i.total - cr.credited - al.paid <= 0`)
  if (query.cursor) {
    const after = decodeKeyset(query.cursor)
    conditions.push(Prisma.sql`(i."issuedAt", i.id) < (${after.at}::timestamp, ${after.id}::uuid)`)
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty
  const rows = await db().$queryRaw<Row[]>`
    SELECT i.id, i.number, i."orderId", o.number AS "orderNumber", i."customerId", c.name AS "customerName", i.currency,
           i.subtotal, i."taxTotal", i.total, cr.credited, al.paid, i."issuedAt", i."dueAt", i."issuedAt"::text AS at
    FROM "Invoice" i
    JOIN "Order" o ON o.id = i."orderId"
    JOIN "Customer" c ON c.id = i."customerId"
    CROSS JOIN LATERAL (SELECT coalesce(sum(n.total), 0)::int AS credited FROM "CreditNote" n WHERE n."invoiceId" = i.id) cr
    CROSS JOIN LATERAL (SELECT coalesce(sum(a.amount), 0)::int AS paid FROM "PaymentAllocation" a WHERE a."invoiceId" = i.id) al
    ${where}
    ORDER BY i."issuedAt" DESC, i.id DESC
    LIMIT ${query.limit + 1}`
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    data: page.map((r) => ({
      id: r.id,
      number: r.number,
      order: { id: r.orderId, number: formatOrderNumber(settings.orderPrefix, r.orderNumber) },
      customer: { id: r.customerId, name: r.customerName },
      currency: r.currency,
      subtotal: r.subtotal,
      taxTotal: r.taxTotal,
      total: r.total,
      credited: r.credited,
      paid: r.paid,
      open: r.total - r.credited - r.paid,
      issuedAt: r.issuedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeKeyset(last.at, last.id) : null,
  }
}

/** Who may call it, read by its route and the authorization matrix. */
export const listInvoicesUseCase = defineUseCase({ name: 'listInvoices', tasks: BILLING_READERS })
