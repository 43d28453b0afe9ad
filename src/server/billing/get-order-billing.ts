import 'server-only'
import { invoiceOpen, maxPayable, maxRefund, maxReturn, paymentUnallocated } from '@/domain/billing'
import { can, ORDER_READERS } from '@/domain/permissions'
import { orderToInvoice } from '@/domain/tax'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { loadLedger } from './ledger'

export interface OrderBillingDTO {
  invoices: Array<{
    id: string
    number: string
    issuedAt: string
    dueAt: string
    total: number
    credited: number
    paid: number
    open: number
  }>
  creditNotes: Array<{
    id: string
    number: string
    invoiceId: string
    issuedAt: string
    total: number
    reinvoice: boolean
    reason: string
    refunded: number
    refundable: number
  }>
  /** Gross value of what is done but not invoiced yet: exactly what the next invoice charges (orderToInvoice). */
  toInvoice: number
  /** Money held on the order not applied to any invoice (deposit before the first invoice, prepayments). */
  unallocated: number
  /** Unapplied money that may be handed back without a credit note (cancelled orders only). */
  returnable: number
  /** The most the customer may still pay now. */
  maxPayable: number
  /** Whether the actor may issue invoices / credit notes, and take payments (to show or hide the forms). */
  canInvoice: boolean
  canTakePayment: boolean
}

/** An order's books for the back office: per-invoice open balances, refundable credit notes, what is to invoice. */
export async function getOrderBilling(actor: Actor, orderId: string): Promise<OrderBillingDTO> {
  authorizeAny(actor, ORDER_READERS)
  // One snapshot for all the reads, so the figures agree with each other even while a payment is being recorded.
  const [ledger, invoices, notes, order] = await db().$transaction(
    async (tx) => {
      const books = await loadLedger(tx, orderId)
      return Promise.all([
        books,
        tx.invoice.findMany({
          where: { orderId },
          orderBy: [{ issuedAt: 'asc' }, { seq: 'asc' }],
          select: { id: true, number: true, issuedAt: true, dueAt: true },
        }),
        tx.creditNote.findMany({
          where: { orderId },
          orderBy: [{ issuedAt: 'asc' }, { seq: 'asc' }],
          select: {
            id: true,
            number: true,
            invoiceId: true,
            issuedAt: true,
            total: true,
            reinvoice: true,
            reason: true,
            refunds: { select: { amount: true } },
          },
        }),
        tx.order.findUniqueOrThrow({
          where: { id: orderId },
          select: { cancelledAt: true, lines: { select: { qtyFulfilled: true, qtyInvoiced: true, unitPrice: true, taxRateBp: true } } },
        }),
      ])
    },
    { isolationLevel: 'RepeatableRead' },
  )
  const unallocated = ledger.payments.reduce((s, p) => s + Math.max(0, paymentUnallocated(p, ledger.allocations)), 0)
  const byId = new Map(ledger.invoices.map((i) => [i.id, i]))
  const openById = new Map(ledger.invoices.map((i) => [i.id, invoiceOpen(i, ledger.allocations)]))
  return {
    invoices: invoices.map((i) => {
      const l = byId.get(i.id)
      const total = l?.total ?? 0
      const credited = l?.credited ?? 0
      const open = openById.get(i.id) ?? 0
      return {
        id: i.id,
        number: i.number,
        issuedAt: i.issuedAt.toISOString(),
        dueAt: i.dueAt.toISOString(),
        total,
        credited,
        paid: total - credited - open,
        open,
      }
    }),
    creditNotes: notes.map((n) => {
      const refunded = -n.refunds.reduce((s, r) => s + r.amount, 0)
      return {
        id: n.id,
        number: n.number,
        invoiceId: n.invoiceId,
        issuedAt: n.issuedAt.toISOString(),
        total: n.total,
        reinvoice: n.reinvoice,
        reason: n.reason,
        refunded,
        refundable: maxRefund({
          creditTotal: n.total,
          refundedOnCredit: refunded,
          invoiceOpen: openById.get(n.invoiceId) ?? 0,
          held: ledger.money.held,
        }),
      }
    }),
    toInvoice: orderToInvoice({ cancelled: order.cancelledAt !== null, lines: order.lines }).gross,
    unallocated,
    returnable: maxReturn(ledger.money, unallocated),
    maxPayable: maxPayable(ledger.money),
    canInvoice: can(actor, 'INVOICE'),
    canTakePayment: can(actor, 'RECORD_PAYMENT') || can(actor, 'HANDLE_PICKUP'),
  }
}
