import 'server-only'
import { DomainError } from '@/domain/errors'
import { orderStatuses } from '@/domain/order-status'
import type { Tx } from '../db'

/**
 * Lock an order row for the rest of the transaction and check the version the user saw. Every use case that changes
 * an order goes through here, so two people changing one order are serialised, and the second one is told who
 * changed it instead of silently overwriting (optimistic concurrency on `Order.version`).
 * Pass `expectedVersion: null` for changes that are safe to apply on top of any version (e.g. recording a payment).
 */
export async function lockOrder(tx: Tx, orderId: string, expectedVersion: number | null): Promise<{ id: string; version: number }> {
  const rows = await tx.$queryRaw<Array<{ id: string; version: number }>>`
    SELECT id, version FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`
  const row = rows[0]
  if (!row) throw new DomainError('NOT_FOUND', 'errors.notFound')
  if (expectedVersion !== null && row.version !== expectedVersion) {
    const last = await tx.auditEvent.findFirst({
      where: { orderId },
      orderBy: { id: 'desc' },
      select: { actor: { select: { name: true } } },
    })
    throw last?.actor
      ? new DomainError('STALE', 'errors.stale', { by: last.actor.name })
      : new DomainError('STALE', 'errors.staleAnonymous')
  }
  return row
}

export interface OrderStateSnapshot {
  version: number
  fulfillment: string
  billing: string
  payment: string
  closed: boolean
}

/**
 * Recompute the derived statuses (fulfillment, billing, payment, ready/closed times) and the cached totals from the
 * lines and documents, bump the version, and write them — inside the caller's transaction, after its change.
 * Statuses are never typed in; this is the only writer.
 */
export async function refreshOrderState(tx: Tx, orderId: string, now = new Date()): Promise<OrderStateSnapshot> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      handover: true,
      handedOverAt: true,
      cancelledAt: true,
      readyAt: true,
      closedAt: true,
      lines: { select: { quantity: true, qtyFulfilled: true, qtyInvoiced: true } },
    },
  })
  const [invoices, credits, payments] = await Promise.all([
    tx.invoice.aggregate({ where: { orderId }, _sum: { total: true }, _count: true }),
    tx.creditNote.aggregate({ where: { orderId }, _sum: { total: true } }),
    tx.payment.groupBy({ by: ['kind'], where: { orderId }, _sum: { amount: true } }),
  ])
  const paid = payments.filter((p) => p.kind !== 'REFUND').reduce((s, p) => s + (p._sum.amount ?? 0), 0)
  const refunded = -payments.filter((p) => p.kind === 'REFUND').reduce((s, p) => s + (p._sum.amount ?? 0), 0)
  const { fulfillment, billing, payment, closed } = orderStatuses({
    lines: order.lines,
    invoicedNet: (invoices._sum.total ?? 0) - (credits._sum.total ?? 0),
    paid,
    refunded,
    invoiced: invoices._count > 0,
    handover: order.handover,
    cancelled: order.cancelledAt !== null,
  })
  const updated = await tx.order.update({
    where: { id: orderId },
    data: {
      fulfillment,
      billing,
      payment,
      readyAt: fulfillment === 'FULFILLED' ? (order.readyAt ?? now) : null,
      closedAt: closed ? (order.closedAt ?? now) : null,
      version: { increment: 1 },
    },
    select: { version: true },
  })
  return { version: updated.version, fulfillment, billing, payment, closed }
}
