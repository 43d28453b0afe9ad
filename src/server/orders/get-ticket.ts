import 'server-only'
import { DESK_TASKS } from '@/domain/permissions'
import { DomainError } from '@/domain/errors'
import { leftToPay } from '@/domain/intake'
import { formatOrderNumber } from '@/domain/numbering'
import { customerStatus, type CustomerStatus } from '@/domain/order-status'
import { lineAmounts, sumAmounts, type RateBreakdown } from '@/domain/tax'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

export interface TicketDTO {
  id: string
  number: string
  status: CustomerStatus
  business: { name: string; address: string; phone: string; taxId: string }
  customer: { name: string; phone: string | null }
  createdAt: string
  dueAt: string
  mode: 'PICKUP' | 'DELIVERY'
  deliveryAddress: string | null
  notes: string | null
  takenBy: string
  currency: string
  lines: Array<{
    position: number
    sku: string | null
    description: string
    note: string | null
    quantity: number
    unitPrice: number
    taxRateBp: number
    gross: number
  }>
  subtotal: number
  taxTotal: number
  total: number
  byRate: RateBreakdown[]
  /** Deposits taken (sum of DEPOSIT payments). */
  deposit: number
  /** Money held in all (deposits, payments, minus refunds). */
  paidNet: number
  leftToPay: number
  trackingToken: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What the printed ticket shows: the shop, the order, its money so far and the tracking token for the QR code. */
export async function getTicket(actor: Actor, orderId: string): Promise<TicketDTO> {
  authorizeAny(actor, DESK_TASKS)
  if (!UUID.test(orderId)) throw new DomainError('NOT_FOUND', 'errors.notFound')
  const settings = await getSettings()
  const o = await db().order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      createdAt: true,
      dueAt: true,
      mode: true,
      deliveryAddress: true,
      notes: true,
      fulfillment: true,
      handover: true,
      heldAt: true,
      cancelledAt: true,
      total: true,
      trackingToken: true,
      customer: { select: { name: true, phone: true } },
      takenBy: { select: { name: true } },
      lines: {
        orderBy: { position: 'asc' },
        select: { position: true, sku: true, description: true, note: true, quantity: true, unitPrice: true, taxRateBp: true },
      },
      invoices: { select: { total: true } },
      creditNotes: { select: { total: true } },
      payments: { select: { kind: true, amount: true } },
    },
  })
  if (!o) throw new DomainError('NOT_FOUND', 'errors.notFound')
  const lines = o.lines.map((l) => ({ ...l, ...lineAmounts(l) }))
  const totals = sumAmounts(lines.map((l) => ({ taxRateBp: l.taxRateBp, net: l.net, tax: l.tax })))
  const invoicedNet = o.invoices.reduce((s, i) => s + i.total, 0) - o.creditNotes.reduce((s, c) => s + c.total, 0)
  const paidNet = o.payments.reduce((s, p) => s + p.amount, 0)
  return {
    id: o.id,
    number: formatOrderNumber(settings.orderPrefix, o.number),
    status: customerStatus(o),
    business: { name: settings.name, address: settings.address, phone: settings.phone, taxId: settings.taxId },
    customer: o.customer,
    createdAt: o.createdAt.toISOString(),
    dueAt: o.dueAt.toISOString(),
    mode: o.mode,
    deliveryAddress: o.deliveryAddress,
    notes: o.notes,
    takenBy: o.takenBy.name,
    currency: settings.currency,
    lines: lines.map((l) => ({
      position: l.position,
      sku: l.sku,
      description: l.description,
      note: l.note,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRateBp: l.taxRateBp,
      gross: l.gross,
    })),
    subtotal: totals.subtotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
    byRate: totals.byRate,
    deposit: o.payments.filter((p) => p.kind === 'DEPOSIT').reduce((s, p) => s + p.amount, 0),
    paidNet,
    leftToPay: leftToPay({ total: o.total, invoicedNet, paidNet, cancelled: o.cancelledAt !== null }),
    trackingToken: o.trackingToken,
  }
}
