import 'server-only'
import { BILLING_READERS } from '@/domain/permissions'
import { addToAging, agingBucket, daysBetween, emptyAging, type AgingBucket, type AgingTotals } from '@/domain/billing'
import { formatOrderNumber } from '@/domain/numbering'
import { businessDay } from '@/domain/opening-hours'
import { Prisma } from '@/generated/prisma/client'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

export interface ReceivableInvoiceDTO {
  id: string
  number: string
  orderId: string
  orderNumber: string
  issuedAt: string
  dueAt: string
  /** Days since the invoice was issued (business days of the calendar, time zone of the business). */
  ageDays: number
  bucket: AgingBucket
  pastDue: boolean
  total: number
  open: number
}

export interface ReceivableCustomerDTO {
  customerId: string
  name: string
  phone: string | null
  aging: AgingTotals
  invoices: ReceivableInvoiceDTO[]
}

export interface ReceivablesDTO {
  asOf: string
  currency: string
  aging: AgingTotals
  customers: ReceivableCustomerDTO[]
  /** Invoices the customer over-paid (typically after a credit note): money owed back. */
  owedBack: Array<{ invoiceId: string; number: string; customerName: string; orderId: string; orderNumber: string; amount: number }>
}

interface Row {
  id: string
  number: string
  issuedAt: Date
  dueAt: Date
  total: number
  customerId: string
  customerName: string
  phone: string | null
  orderId: string
  orderNumber: number
  open: number
}

/**
 * Open invoices aged by days since issue (0-30, 31-60, 61-90, 90+), per customer, largest balance first; plus the
 * invoices where the business owes money back. Ageing is by issue date, as on the paper the customer holds; the due
 * date (issue + payment terms) is shown beside it and marks invoices past due.
 */
export async function listReceivables(actor: Actor, now = new Date()): Promise<ReceivablesDTO> {
  authorizeAny(actor, BILLING_READERS)
  const settings = await getSettings()
  const today = businessDay(now, settings.timeZone)
  const rows = await db().$queryRaw<Row[]>(Prisma.sql`
    SELECT i.id, i.number, i."issuedAt", i."dueAt", i.total, i."customerId", c.name AS "customerName", c.phone,
           o.id AS "orderId", o.number AS "orderNumber",
           (i.total - coalesce(cn.credited, 0) - coalesce(a.allocated, 0))::int AS open
    FROM "Invoice" i
    JOIN "Customer" c ON c.id = i."customerId"
    JOIN "Order" o ON o.id = i."orderId"
    LEFT JOIN (SELECT "invoiceId", sum(total) AS credited FROM "CreditNote" GROUP BY 1) cn ON cn."invoiceId" = i.id
    LEFT JOIN (SELECT "invoiceId", sum(amount) AS allocated FROM "PaymentAllocation" GROUP BY 1) a ON a."invoiceId" = i.id
    WHERE i.total - coalesce(cn.credited, 0) - coalesce(a.allocated, 0) <> 0
    ORDER BY i."issuedAt", i.seq`)
  const aging = emptyAging()
  const customers = new Map<string, ReceivableCustomerDTO>()
  const owedBack: ReceivablesDTO['owedBack'] = []
  for (const r of rows) {
    const orderNumber = formatOrderNumber(settings.orderPrefix, r.orderNumber)
    if (r.open < 0) {
      owedBack.push({ invoiceId: r.id, number: r.number, customerName: r.customerName, orderId: r.orderId, orderNumber, amount: -r.open })
      continue
    }
    const ageDays = Math.max(0, daysBetween(businessDay(r.issuedAt, settings.timeZone), today))
    addToAging(aging, ageDays, r.open)
    let customer = customers.get(r.customerId)
    if (!customer) {
      customer = { customerId: r.customerId, name: r.customerName, phone: r.phone, aging: emptyAging(), invoices: [] }
      customers.set(r.customerId, customer)
    }
    addToAging(customer.aging, ageDays, r.open)
    customer.invoices.push({
      id: r.id,
      number: r.number,
      orderId: r.orderId,
      orderNumber,
      issuedAt: r.issuedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      ageDays,
      bucket: agingBucket(ageDays),
      pastDue: r.dueAt < now,
      total: r.total,
      open: r.open,
    })
  }
  return {
    asOf: now.toISOString(),
    currency: settings.currency,
    aging,
    customers: [...customers.values()].sort((a, b) => b.aging.total - a.aging.total || a.name.localeCompare(b.name)),
    owedBack,
  }
}
