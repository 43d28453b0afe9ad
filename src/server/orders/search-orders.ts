import 'server-only'
import { DESK_TASKS } from '@/domain/permissions'
import { leftToPay } from '@/domain/intake'
import { formatOrderNumber, parseOrderNumberQuery } from '@/domain/numbering'
import { customerStatus, isOverdue, type CustomerStatus } from '@/domain/order-status'
import { normalizePhone, searchTerms } from '@/domain/search'
import { Prisma } from '@/generated/prisma/client'
import type { OrderSearchInput } from '@/lib/schemas/order'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { matchingCustomersSql } from '../customers/search-customers'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { moneyByOrder } from './order-money'

export interface DeskOrderRowDTO {
  id: string
  number: string
  customerName: string
  customerPhone: string | null
  status: CustomerStatus
  mode: 'PICKUP' | 'DELIVERY'
  dueAt: string
  /** Past due and not finished (isOverdue). */
  overdue: boolean
  readyAt: string | null
  handedOverAt: string | null
  total: number
  /** What the customer still has to pay in all (deposit deducted); negative when money is owed back. */
  leftToPay: number
  /** The number itself matched (as opposed to the customer). */
  numberMatch: boolean
}

export const ORDER_SEARCH_LIMIT = 25
/** Customers whose orders the desk search looks at: all of them unless the name is very common. */
const MATCHED_CUSTOMERS = 50

/** The fields a desk row needs (toDeskRows); shared by the desk search and the ready list. */
export const DESK_ROW_SELECT = {
  id: true,
  number: true,
  mode: true,
  dueAt: true,
  readyAt: true,
  handedOverAt: true,
  fulfillment: true,
  handover: true,
  heldAt: true,
  cancelledAt: true,
  total: true,
  customer: { select: { name: true, phone: true } },
} as const

type RowInput = {
  id: string
  number: number
  mode: 'PICKUP' | 'DELIVERY'
  dueAt: Date
  readyAt: Date | null
  handedOverAt: Date | null
  fulfillment: 'NOT_STARTED' | 'PARTLY_FULFILLED' | 'FULFILLED'
  handover: 'WAITING' | 'COLLECTED' | 'DELIVERED'
  heldAt: Date | null
  cancelledAt: Date | null
  total: number
  customer: { name: string; phone: string | null }
}

/** Shape order rows for the desk, with what is left to pay. */
export async function toDeskRows(
  rows: readonly RowInput[],
  orderPrefix: string,
  now: Date,
  matchedNumber: number | null = null,
): Promise<DeskOrderRowDTO[]> {
  const money = await moneyByOrder(rows.map((r) => r.id))
  return rows.map((o) => {
    const m = money.get(o.id) ?? { invoicedNet: 0, paidNet: 0 }
    return {
      id: o.id,
      number: formatOrderNumber(orderPrefix, o.number),
      customerName: o.customer.name,
      customerPhone: o.customer.phone,
      status: customerStatus(o),
      mode: o.mode,
      dueAt: o.dueAt.toISOString(),
      overdue: isOverdue({ dueAt: o.dueAt, fulfillment: o.fulfillment, handover: o.handover, cancelled: o.cancelledAt !== null }, now),
      readyAt: o.readyAt?.toISOString() ?? null,
      handedOverAt: o.handedOverAt?.toISOString() ?? null,
      total: o.total,
      leftToPay: leftToPay({ total: o.total, ...m, cancelled: o.cancelledAt !== null }),
      numberMatch: matchedNumber !== null && o.number === matchedNumber,
    }
  })
}

/**
 * The desk's one search box: an order number ("123", "#123", "DH-000123"), a customer's name (diacritics and case
 * ignored) or phone, or an email. A phone number also parses as an order number, so both are tried: the order with
 * that number (if any) comes first, then the matching customers' orders — open ones before finished ones, newest
 * first.
 */
export async function searchOrders(actor: Actor, input: OrderSearchInput, now = new Date()): Promise<DeskOrderRowDTO[]> {
  authorizeAny(actor, DESK_TASKS)
  const settings = await getSettings()
  const terms = searchTerms(input.q).slice(0, 6)
  if (terms.length === 0) return []
  const number = parseOrderNumberQuery(input.q, settings.orderPrefix)
  const phone = normalizePhone(input.q)
  // "#123" or "DH-000123" is never a name or a phone: look customers up only when the query could be one.
  const customers = !(number !== null && /[#-]/.test(input.q))
  // The number and the customers' orders are two index lookups joined by UNION (an OR of the two made PostgreSQL read
  // every order: docs/performance.md, "Scale"); the customers are the first MATCHED_CUSTOMERS found, names typed in
  // order first.
  const matched = customers ? matchingCustomersSql(terms, phone, MATCHED_CUSTOMERS) : Prisma.sql`SELECT NULL::uuid AS id WHERE false`
  const ids = await db().$queryRaw<Array<{ id: string }>>`
    WITH matched AS (${matched}),
    hits AS (
      SELECT o.id, o.number, o."closedAt", o."cancelledAt", o."createdAt" FROM "Order" o WHERE o.number = ${number ?? -1}::int
      UNION
      SELECT o.id, o.number, o."closedAt", o."cancelledAt", o."createdAt" FROM "Order" o WHERE o."customerId" IN (SELECT id FROM matched)
    )
    SELECT id FROM hits
    ORDER BY (number = ${number ?? -1}::int) DESC, ("closedAt" IS NULL AND "cancelledAt" IS NULL) DESC, "createdAt" DESC
    LIMIT ${ORDER_SEARCH_LIMIT}`
  if (ids.length === 0) return []
  const rows = await db().order.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: DESK_ROW_SELECT })
  const rank = new Map(ids.map((r, i) => [r.id, i]))
  rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
  return toDeskRows(rows, settings.orderPrefix, now, number)
}
