import 'server-only'
import { DomainError } from '@/domain/errors'
import { transitionError } from '@/domain/order-status'
import { sumAmounts } from '@/domain/tax'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { decideCustomerMessage } from '../messages/decide'
import { authorize } from '../authz'
import { db } from '../db'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { getSettings } from '../settings/get-settings'
import { takeDocumentNumber } from './document-counter'
import { settleLedger } from './ledger'
import { ratedLinesToInvoice } from './rated-lines'
import { queueEInvoice } from '../einvoice/issue-einvoice'
import { sellerLegalName } from '../einvoice/config'
import { BILLING_TX } from './tx-options'
import { issueInvoiceSchema } from '@/lib/schemas/billing'
import { defineUseCase } from '../use-case'

export interface IssueInvoiceResult {
  invoiceId: string
  number: string
  total: number
  /** Money already held on the order (deposit, prepayments, surplus from credited invoices) applied to it. */
  applied: number
}

/**
 * Invoice everything done on an order that is not invoiced yet, exactly those quantities, each line charged its
 * slice of the line's cumulative scale (lineToInvoice). Runs under the order's row
 * lock, so concurrent calls for one order issue one invoice and the others find nothing left to invoice; the number
 * comes from the gapless (INVOICE, business year) counter bumped in the same transaction.
 */
export async function issueInvoice(actor: Actor, input: { orderId: string; expectedVersion?: number }): Promise<IssueInvoiceResult> {
  const { crossRole } = authorize(actor, issueInvoiceUseCase.tasks)
  const [settings, legalName] = await Promise.all([getSettings(), sellerLegalName()])
  return db().$transaction(async (tx) => {
    await lockOrder(tx, input.orderId, input.expectedVersion ?? null)
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: {
        id: true,
        fulfillment: true,
        handover: true,
        heldAt: true,
        cancelledAt: true,
        customer: { select: { id: true, name: true, phone: true, email: true, taxCode: true, legalName: true, invoiceAddress: true } },
        lines: {
          orderBy: { position: 'asc' },
          select: {
            id: true,
            position: true,
            description: true,
            quantity: true,
            unitPrice: true,
            taxRateBp: true,
            taxCategoryId: true,
            qtyFulfilled: true,
            qtyInvoiced: true,
          },
        },
      },
    })
    const refusal = transitionError(order, 'INVOICE')
    if (refusal) throw refusal

    // The slices still to invoice (decision 008), each unit at the rate in force on the day it was done (decision 021).
    const issuingAt = new Date()
    const lines = await ratedLinesToInvoice(tx, order.lines, settings.timeZone, issuingAt)
    if (lines.length === 0) throw new DomainError('CONFLICT', 'back.errors.nothingToInvoice')
    const totals = sumAmounts(lines.map((l) => ({ taxRateBp: l.taxRateBp, net: l.net, tax: l.tax })))

    // Taken last before the insert: the counter row stays locked until commit, so hold it as briefly as possible.
    const { issuedAt, year, seq, number } = await takeDocumentNumber(tx, 'INVOICE', settings)
    const invoice = await tx.invoice.create({
      data: {
        year,
        seq,
        number,
        orderId: order.id,
        customerId: order.customer.id,
        currency: settings.currency,
        subtotal: totals.subtotal,
        taxTotal: totals.taxTotal,
        total: totals.total,
        issuedAt,
        dueAt: new Date(issuedAt.getTime() + settings.paymentTermsDays * 86_400_000),
        issuedById: actor.id,
        crossRole,
        seller: {
          name: settings.name,
          legalName: legalName || settings.name,
          address: settings.address,
          phone: settings.phone,
          taxId: settings.taxId,
        },
        buyer: {
          name: order.customer.name,
          phone: order.customer.phone,
          email: order.customer.email,
          taxCode: order.customer.taxCode,
          legalName: order.customer.legalName,
          invoiceAddress: order.customer.invoiceAddress,
        },
        lines: {
          create: lines.map((l, position) => ({
            orderLineId: l.line.id,
            position,
            description: l.line.description,
            quantity: l.quantity,
            qtyFrom: l.from,
            unitPrice: l.line.unitPrice,
            taxRateBp: l.taxRateBp,
            net: l.net,
            tax: l.tax,
            gross: l.gross,
          })),
        },
      },
      select: { id: true },
    })
    for (const l of lines) {
      // One order line may be two invoice lines (units done on each side of a rate change): increments add up.
      await tx.orderLine.update({ where: { id: l.line.id }, data: { qtyInvoiced: { increment: l.quantity } }, select: { id: true } })
    }
    const settled = await settleLedger(tx, order.id)
    const applied = settled.filter((a) => a.invoiceId === invoice.id).reduce((s, a) => s + a.amount, 0)
    await refreshOrderState(tx, order.id)
    // The e-invoice is issued through the provider after commit, by the outbox (decision 023).
    await queueEInvoice(tx, { invoiceId: invoice.id }, order.id)
    await audit(tx, actor, {
      action: 'invoice.issued',
      entityType: 'invoice',
      entityId: invoice.id,
      orderId: order.id,
      task: 'INVOICE',
      data: { number, total: totals.total, applied },
    })
    await decideCustomerMessage(tx, { event: 'INVOICE_ISSUED', orderId: order.id, subjectId: invoice.id, invoiceNumber: number })
    return { invoiceId: invoice.id, number, total: totals.total, applied }
  }, BILLING_TX)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const issueInvoiceUseCase = defineUseCase({ name: 'issueInvoice', tasks: 'INVOICE', schema: issueInvoiceSchema, run: issueInvoice })
