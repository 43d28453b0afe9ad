import 'server-only'
import {
  invoiceOpen,
  planSettlement,
  withReturns,
  type LedgerAllocation,
  type LedgerInvoice,
  type LedgerPayment,
  type OrderMoney,
} from '@/domain/billing'
import type { Tx } from '../db'

// The order's books as src/domain/billing.ts reads them. Callers hold the order's row lock (lockOrder), so what is
// read here cannot change before they write.

export interface OrderLedger {
  invoices: Array<LedgerInvoice & { issuedAt: Date }>
  /** DEPOSIT and PAYMENT rows (amount > 0), oldest first, less any money returned from them. */
  payments: LedgerPayment[]
  allocations: LedgerAllocation[]
  money: OrderMoney
}

export async function loadLedger(tx: Tx, orderId: string): Promise<OrderLedger> {
  const [order, invoices, credits, payments, allocations] = await Promise.all([
    tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { total: true, cancelledAt: true } }),
    tx.invoice.findMany({
      where: { orderId },
      orderBy: [{ issuedAt: 'asc' }, { year: 'asc' }, { seq: 'asc' }],
      select: { id: true, total: true, issuedAt: true },
    }),
    tx.creditNote.groupBy({ by: ['invoiceId'], where: { orderId }, _sum: { total: true } }),
    tx.payment.findMany({
      where: { orderId },
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      select: { id: true, kind: true, amount: true, creditNoteId: true },
    }),
    tx.paymentAllocation.findMany({ where: { payment: { orderId } }, select: { paymentId: true, invoiceId: true, amount: true } }),
  ])
  const creditedBy = new Map(credits.map((c) => [c.invoiceId, c._sum.total ?? 0]))
  const ledgerInvoices = invoices.map((i) => ({ id: i.id, total: i.total, credited: creditedBy.get(i.id) ?? 0, issuedAt: i.issuedAt }))
  const invoicedNet = ledgerInvoices.reduce((s, i) => s + i.total - i.credited, 0)
  const held = payments.reduce((s, p) => s + p.amount, 0)
  const sources = payments.filter((p) => p.kind !== 'REFUND').map((p) => ({ id: p.id, amount: p.amount }))
  // Returns of unapplied money (refunds without a credit note) take their money out of the payments it came from.
  const returned = -payments.filter((p) => p.kind === 'REFUND' && p.creditNoteId === null).reduce((s, p) => s + p.amount, 0)
  return {
    invoices: ledgerInvoices,
    payments: returned > 0 ? withReturns(sources, allocations, returned) : sources,
    allocations,
    money: { orderTotal: order.total, invoicedNet, held, cancelled: order.cancelledAt !== null },
  }
}

export function openOf(ledger: OrderLedger, invoiceId: string): number {
  const invoice = ledger.invoices.find((i) => i.id === invoiceId)
  return invoice ? invoiceOpen(invoice, ledger.allocations) : 0
}

/**
 * Apply money held on the order to its open invoices (see planSettlement) and write the allocation rows. Returns the
 * rows written, so callers can report e.g. how much of a deposit went to a new invoice.
 */
export async function settleLedger(tx: Tx, orderId: string, ledger?: OrderLedger): Promise<LedgerAllocation[]> {
  const books = ledger ?? (await loadLedger(tx, orderId))
  const rows = planSettlement(books.invoices, books.payments, books.allocations)
  if (rows.length > 0) await tx.paymentAllocation.createMany({ data: rows })
  return rows
}
