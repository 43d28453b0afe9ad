import 'server-only'
import { DomainError } from '@/domain/errors'
import type { Prisma } from '@/generated/prisma/client'
import { formatOrderNumber } from '@/domain/numbering'
import {
  balanceDue,
  customerStatus,
  isOverdue,
  transitionBlocks,
  type BillingStatus,
  type BlockReason,
  type CustomerStatus,
  type FulfillmentStatus,
  type Handover,
  type OrderAction,
  type PaymentStatus,
} from '@/domain/order-status'
import { lineAmounts, orderToInvoice } from '@/domain/tax'
import { ORDER_READERS, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import type { OrderLineRow } from './order-rows'
import { defineUseCase } from '../use-case'
import { INVOICE_DETAILS_SELECT, toInvoiceDetails, type InvoiceDetailsDTO } from '../customers/invoice-details'

/** An order line as screens see it: the stored line (without its keys) and its amounts (lineAmounts). */
export type OrderLineDTO = Omit<OrderLineRow, 'orderId' | 'productId' | 'taxCategoryId'> & { net: number; tax: number; gross: number }

export interface TimelineEventDTO {
  id: string
  at: string
  action: string
  actorName: string | null
  task: Task | null
  crossRole: boolean
  data: Record<string, unknown> | null
}

export interface OrderDetailDTO {
  id: string
  number: string
  version: number
  status: CustomerStatus
  fulfillment: FulfillmentStatus
  billing: BillingStatus
  payment: PaymentStatus
  handover: Handover
  customer: {
    id: string
    name: string
    phone: string | null
    email: string | null
    /** Messages (issue 18): their language, channel and consent, with when it was last changed. */
    language: string
    preferredChannel: 'EMAIL' | 'ZALO' | 'SMS' | null
    messageConsent: boolean
    consentChangedAt: string | null
    /** For a VAT invoice (issue 19): null when the customer has not asked for one. */
    invoiceDetails: InvoiceDetailsDTO | null
  }
  dueAt: string
  createdAt: string
  mode: 'PICKUP' | 'DELIVERY'
  deliveryAddress: string | null
  notes: string | null
  holdReason: string | null
  cancelReason: string | null
  readyAt: string | null
  handedOverAt: string | null
  closedAt: string | null
  takenBy: string
  takenCovering: boolean
  assignee: { id: string; name: string } | null
  trackingToken: string
  currency: string
  subtotal: number
  taxTotal: number
  total: number
  lines: OrderLineDTO[]
  invoices: Array<{ id: string; number: string; total: number; issuedAt: string }>
  creditNotes: Array<{ id: string; number: string; total: number; issuedAt: string; invoiceId: string }>
  payments: Array<{
    id: string
    kind: 'DEPOSIT' | 'PAYMENT' | 'REFUND'
    method: 'CASH' | 'CARD' | 'TRANSFER'
    amount: number
    receivedAt: string
    receivedBy: string
  }>
  /** Deposit taken at the counter (sum of DEPOSIT payments). */
  deposit: number
  /** Invoiced net of credit notes. */
  invoicedNet: number
  /** Money held: payments (deposit included) minus refunds. */
  paidNet: number
  /** What the customer still owes against issued invoices (negative: owed back). */
  balance: number
  /** What the customer will owe in all once everything ordered is invoiced: order total minus money held. */
  outstanding: number
  /** Done and not invoiced yet (gross): exactly what the next invoice charges (orderToInvoice). */
  toInvoice: number
  /** Past due and not finished (isOverdue), at the moment the order was read. */
  overdue: boolean
  /** Why each action is not allowed now (transitionBlock), null when it is; pages show it, never re-derive it. */
  blocked: Record<OrderAction, BlockReason | null>
  timeline: TimelineEventDTO[]
}

/** What the order page reads of an order, in one query. */
const ORDER_DETAIL_SELECT = {
  id: true,
  number: true,
  version: true,
  fulfillment: true,
  billing: true,
  payment: true,
  handover: true,
  heldAt: true,
  holdReason: true,
  cancelledAt: true,
  cancelReason: true,
  dueAt: true,
  createdAt: true,
  mode: true,
  deliveryAddress: true,
  notes: true,
  readyAt: true,
  handedOverAt: true,
  closedAt: true,
  takenCovering: true,
  trackingToken: true,
  subtotal: true,
  taxTotal: true,
  total: true,
  customer: {
    select: {
      id: true,
      name: true,
      phone: true,
      email: true,
      language: true,
      preferredChannel: true,
      messageConsent: true,
      consentChangedAt: true,
      ...INVOICE_DETAILS_SELECT,
    },
  },
  takenBy: { select: { name: true } },
  assignee: { select: { id: true, name: true } },
  lines: { orderBy: { position: 'asc' } },
  invoices: { orderBy: { issuedAt: 'asc' }, select: { id: true, number: true, total: true, issuedAt: true } },
  creditNotes: { orderBy: { issuedAt: 'asc' }, select: { id: true, number: true, total: true, issuedAt: true, invoiceId: true } },
  payments: {
    orderBy: { receivedAt: 'asc' },
    select: { id: true, kind: true, method: true, amount: true, receivedAt: true, receivedBy: { select: { name: true } } },
  },
  events: {
    orderBy: { id: 'asc' },
    take: 500,
    select: { id: true, at: true, action: true, task: true, crossRole: true, data: true, actor: { select: { name: true } } },
  },
} as const satisfies Prisma.OrderSelect

type OrderDetailRow = Prisma.OrderGetPayload<{ select: typeof ORDER_DETAIL_SELECT }>

function toLineDTO(l: OrderDetailRow['lines'][number]): OrderLineDTO {
  return {
    id: l.id,
    position: l.position,
    sku: l.sku,
    description: l.description,
    note: l.note,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxRateBp: l.taxRateBp,
    qtyFulfilled: l.qtyFulfilled,
    qtyInvoiced: l.qtyInvoiced,
    ...lineAmounts(l),
  }
}

function toTimelineEvent(e: OrderDetailRow['events'][number]): TimelineEventDTO {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    action: e.action,
    actorName: e.actor?.name ?? null,
    task: e.task,
    crossRole: e.crossRole,
    data: (e.data as Record<string, unknown> | null) ?? null,
  }
}

/** The order's money: deposit, invoiced and paid net, what is owed now, in all, and what the next invoice charges. */
function moneyFigures(
  o: OrderDetailRow,
): Pick<OrderDetailDTO, 'deposit' | 'invoicedNet' | 'paidNet' | 'balance' | 'outstanding' | 'toInvoice'> {
  const invoiced = o.invoices.reduce((s, i) => s + i.total, 0)
  const credited = o.creditNotes.reduce((s, c) => s + c.total, 0)
  const paid = o.payments.filter((p) => p.kind !== 'REFUND').reduce((s, p) => s + p.amount, 0)
  const refunded = -o.payments.filter((p) => p.kind === 'REFUND').reduce((s, p) => s + p.amount, 0)
  const invoicedNet = invoiced - credited
  return {
    deposit: o.payments.filter((p) => p.kind === 'DEPOSIT').reduce((s, p) => s + p.amount, 0),
    invoicedNet,
    paidNet: paid - refunded,
    balance: balanceDue({ invoicedNet, paid, refunded }),
    outstanding: o.cancelledAt ? invoicedNet - (paid - refunded) : Math.max(o.total, invoicedNet) - (paid - refunded),
    toInvoice: orderToInvoice({ cancelled: o.cancelledAt !== null, lines: o.lines }).gross,
  }
}

/** One order with its lines, documents, payments and timeline, for anyone who works with orders. */
export async function getOrder(actor: Actor, orderId: string, now = new Date()): Promise<OrderDetailDTO> {
  authorizeAny(actor, ORDER_READERS)
  const settings = await getSettings()
  const o = await db().order.findUnique({ where: { id: orderId }, select: ORDER_DETAIL_SELECT })
  if (!o) throw new DomainError('NOT_FOUND', 'errors.notFound')
  const { taxCode: _t, legalName: _l, invoiceAddress: _a, ...customerFields } = o.customer
  return {
    id: o.id,
    number: formatOrderNumber(settings.orderPrefix, o.number),
    version: o.version,
    status: customerStatus(o),
    fulfillment: o.fulfillment,
    billing: o.billing,
    payment: o.payment,
    handover: o.handover,
    customer: {
      ...customerFields,
      consentChangedAt: o.customer.consentChangedAt?.toISOString() ?? null,
      invoiceDetails: toInvoiceDetails(o.customer),
    },
    dueAt: o.dueAt.toISOString(),
    createdAt: o.createdAt.toISOString(),
    mode: o.mode,
    deliveryAddress: o.deliveryAddress,
    notes: o.notes,
    holdReason: o.heldAt ? o.holdReason : null,
    cancelReason: o.cancelledAt ? o.cancelReason : null,
    readyAt: o.readyAt?.toISOString() ?? null,
    handedOverAt: o.handedOverAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
    takenBy: o.takenBy.name,
    takenCovering: o.takenCovering,
    assignee: o.assignee,
    trackingToken: o.trackingToken,
    currency: settings.currency,
    subtotal: o.subtotal,
    taxTotal: o.taxTotal,
    total: o.total,
    lines: o.lines.map(toLineDTO),
    invoices: o.invoices.map((i) => ({ ...i, issuedAt: i.issuedAt.toISOString() })),
    creditNotes: o.creditNotes.map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString() })),
    payments: o.payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      method: p.method,
      amount: p.amount,
      receivedAt: p.receivedAt.toISOString(),
      receivedBy: p.receivedBy.name,
    })),
    ...moneyFigures(o),
    overdue: isOverdue({ dueAt: o.dueAt, fulfillment: o.fulfillment, handover: o.handover, cancelled: o.cancelledAt !== null }, now),
    blocked: transitionBlocks(o),
    timeline: o.events.map(toTimelineEvent),
  }
}

/** Who may call it, read by its route and the authorization matrix. */
export const getOrderUseCase = defineUseCase({ name: 'getOrder', tasks: ORDER_READERS })
