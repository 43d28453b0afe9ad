import 'server-only'
import { cache } from 'react'
import { isTrackingToken, leftToPay } from '@/domain/intake'
import { formatOrderNumber } from '@/domain/numbering'
import { customerStatus, type CustomerStatus } from '@/domain/order-status'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

/**
 * What a customer sees at /track/<token>, without signing in. The token is the credential (192 random bits), so this
 * is the one read without an Actor. Decided on purpose, and asserted key by key in the tests:
 *  - the shop's name (the customer knows whom they ordered from), the order number (printed on their ticket), the
 *    status and the dates that answer "is it ready?", pickup or delivery, and what is left to pay;
 *  - the items as description and quantity only: enough to recognise the order, no prices per line;
 *  - never the customer's name, phone, email or address, notes, who worked on it, invoices or payments, or any id
 *    (a forwarded or shoulder-surfed link must not tell a stranger who ordered what or where they live).
 */
export interface TrackingDTO {
  businessName: string
  orderNumber: string
  status: CustomerStatus
  mode: 'PICKUP' | 'DELIVERY'
  createdAt: string
  dueAt: string
  readyAt: string | null
  handedOverAt: string | null
  currency: string
  total: number
  /** What is left to pay in all (deposit deducted); 0 or less means nothing to pay. */
  balanceDue: number
  items: Array<{ description: string; quantity: number }>
}

/**
 * The tracking view of an order, or null for a malformed or unknown token (the page answers 404 either way). Cached
 * per request: the page's metadata and body ask for the same order.
 */
export const getTracking = cache(async function getTracking(token: string): Promise<TrackingDTO | null> {
  if (!isTrackingToken(token)) return null
  const o = await db().order.findUnique({
    where: { trackingToken: token },
    select: {
      number: true,
      mode: true,
      createdAt: true,
      dueAt: true,
      readyAt: true,
      handedOverAt: true,
      fulfillment: true,
      handover: true,
      heldAt: true,
      cancelledAt: true,
      total: true,
      lines: { orderBy: { position: 'asc' }, select: { description: true, quantity: true } },
      invoices: { select: { total: true } },
      creditNotes: { select: { total: true } },
      payments: { select: { amount: true } },
    },
  })
  if (!o) return null
  const settings = await getSettings()
  const invoicedNet = o.invoices.reduce((s, i) => s + i.total, 0) - o.creditNotes.reduce((s, c) => s + c.total, 0)
  const paidNet = o.payments.reduce((s, p) => s + p.amount, 0)
  return {
    businessName: settings.name,
    orderNumber: formatOrderNumber(settings.orderPrefix, o.number),
    status: customerStatus(o),
    mode: o.mode,
    createdAt: o.createdAt.toISOString(),
    dueAt: o.dueAt.toISOString(),
    readyAt: o.readyAt?.toISOString() ?? null,
    handedOverAt: o.handedOverAt?.toISOString() ?? null,
    currency: settings.currency,
    total: o.total,
    balanceDue: leftToPay({ total: o.total, invoicedNet, paidNet, cancelled: o.cancelledAt !== null }),
    items: o.lines.map((l) => ({ description: l.description, quantity: l.quantity })),
  }
})
