import 'server-only'
import { db } from '../db'

export interface OrderMoneyFigures {
  /** Invoice totals minus credit-note totals. */
  invoicedNet: number
  /** Payments and deposits minus refunds. */
  paidNet: number
}

/**
 * Money figures of many orders in three grouped queries (for lists: the desk, the ready list), so a row can say what
 * is left to pay (src/domain/intake.ts leftToPay) without loading every document.
 */
export async function moneyByOrder(orderIds: readonly string[]): Promise<Map<string, OrderMoneyFigures>> {
  const out = new Map<string, OrderMoneyFigures>(orderIds.map((id) => [id, { invoicedNet: 0, paidNet: 0 }]))
  if (orderIds.length === 0) return out
  const where = { orderId: { in: [...orderIds] } }
  const [invoices, credits, payments] = await Promise.all([
    db().invoice.groupBy({ by: ['orderId'], where, _sum: { total: true } }),
    db().creditNote.groupBy({ by: ['orderId'], where, _sum: { total: true } }),
    db().payment.groupBy({ by: ['orderId'], where, _sum: { amount: true } }),
  ])
  for (const row of invoices) out.get(row.orderId)!.invoicedNet += row._sum.total ?? 0
  for (const row of credits) out.get(row.orderId)!.invoicedNet -= row._sum.total ?? 0
  // Refunds are stored negative, so the plain sum is money held.
  for (const row of payments) out.get(row.orderId)!.paidNet += row._sum.amount ?? 0
  return out
}
