import 'server-only'
import { formatOrderNumber } from '@/domain/numbering'
import type { FulfillmentStatus } from '@/domain/order-status'
import { lineToInvoice, orderToInvoice } from '@/domain/tax'
import { Prisma } from '@/generated/prisma/client'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

export interface ToInvoiceRowDTO {
  orderId: string
  number: string
  version: number
  customerName: string
  dueAt: string
  fulfillment: FulfillmentStatus
  handedOver: boolean
  /** Lines with something done and not invoiced, and their value: exactly what the next invoice charges (gross). */
  lines: number
  value: number
  /** Money held on the order that the invoice will absorb (deposit, prepayments). */
  held: number
}

export const TO_INVOICE_LIMIT = 200

/**
 * Open orders with fulfilled quantities not invoiced yet, soonest due first. Walks the open-orders partial index and
 * checks lines per order, so it stays fast however many closed orders the table holds.
 */
export async function listToInvoice(
  actor: Actor,
): Promise<{ rows: ToInvoiceRowDTO[]; currency: string; truncated: boolean; total: number }> {
  authorize(actor, 'INVOICE')
  const settings = await getSettings()
  const orders = await db().$queryRaw<Array<{ id: string }>>(Prisma.sql`
    SELECT o.id FROM "Order" o
    WHERE o."closedAt" IS NULL AND o."cancelledAt" IS NULL
      AND EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o.id AND l."qtyFulfilled" > l."qtyInvoiced")
    ORDER BY o."dueAt", o.id
    LIMIT ${TO_INVOICE_LIMIT + 1}`)
  const ids = orders.slice(0, TO_INVOICE_LIMIT).map((o) => o.id)
  const rows = await db().order.findMany({
    where: { id: { in: ids } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      number: true,
      version: true,
      dueAt: true,
      fulfillment: true,
      handover: true,
      cancelledAt: true,
      customer: { select: { name: true } },
      lines: { select: { quantity: true, qtyFulfilled: true, qtyInvoiced: true, unitPrice: true, taxRateBp: true } },
      payments: { select: { amount: true, allocations: { select: { amount: true } } } },
    },
  })
  const result = rows.map((o) => {
    const open = o.lines.filter((l) => lineToInvoice(l).quantity > 0)
    const value = orderToInvoice({ cancelled: o.cancelledAt !== null, lines: o.lines }).gross
    const held = o.payments.filter((p) => p.amount > 0).reduce((s, p) => s + p.amount - p.allocations.reduce((a, x) => a + x.amount, 0), 0)
    return {
      orderId: o.id,
      number: formatOrderNumber(settings.orderPrefix, o.number),
      version: o.version,
      customerName: o.customer.name,
      dueAt: o.dueAt.toISOString(),
      fulfillment: o.fulfillment,
      handedOver: o.handover !== 'WAITING',
      lines: open.length,
      value,
      held: Math.max(0, Math.min(held, value)),
    }
  })
  return {
    rows: result,
    currency: settings.currency,
    truncated: orders.length > TO_INVOICE_LIMIT,
    total: result.reduce((s, r) => s + r.value, 0),
  }
}
