import 'server-only'
import { DomainError } from '@/domain/errors'
import { checkCredit } from '@/domain/order-status'
import { creditLineAmounts, sumAmounts } from '@/domain/tax'
import type { CreditNoteInput } from '@/lib/schemas/billing'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { getSettings } from '../settings/get-settings'
import { takeDocumentNumber } from './document-counter'
import { loadLedger, openOf, settleLedger } from './ledger'
import { BILLING_TX } from './tx-options'
import { creditNoteSchema } from '@/lib/schemas/billing'
import { queueEInvoice } from '../einvoice/issue-einvoice'
import { defineUseCase } from '../use-case'

export interface IssueCreditNoteResult {
  creditNoteId: string
  number: string
  total: number
  /** What may now be paid back against it (the customer paid more than the invoice now asks). */
  refundable: number
}

/**
 * Correct an issued invoice (which itself never changes) by crediting some or all of its lines, with a reason.
 * Amounts come from creditLineAmounts, so all credits of a line never exceed it to the last minor unit. With
 * `reinvoice` the credited quantities go back to "to invoice" (a billing mistake: the work stays done and is
 * invoiced again correctly); without it they stay billed (goodwill, a complaint). Gapless CREDIT_NOTE numbering.
 */
export async function issueCreditNote(actor: Actor, input: CreditNoteInput): Promise<IssueCreditNoteResult> {
  const { crossRole } = authorize(actor, issueCreditNoteUseCase.tasks)
  const settings = await getSettings()
  const found = await db().invoice.findUnique({ where: { id: input.invoiceId }, select: { orderId: true } })
  if (!found) throw new DomainError('NOT_FOUND', 'errors.notFound')
  return db().$transaction(async (tx) => {
    await lockOrder(tx, found.orderId, input.expectedVersion ?? null)
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: input.invoiceId },
      select: {
        id: true,
        number: true,
        orderId: true,
        customerId: true,
        currency: true,
        lines: {
          select: {
            id: true,
            orderLineId: true,
            description: true,
            quantity: true,
            qtyFrom: true,
            unitPrice: true,
            taxRateBp: true,
            creditLines: { select: { quantity: true } },
          },
        },
      },
    })
    const byId = new Map(invoice.lines.map((l) => [l.id, l]))
    const seen = new Set<string>()
    const lines = input.lines.map((requested, index) => {
      const line = byId.get(requested.invoiceLineId)
      if (!line || seen.has(line.id)) throw new DomainError('INVALID', 'back.errors.creditLineNotOnInvoice', {}, `lines.${index}`)
      seen.add(line.id)
      const alreadyCredited = line.creditLines.reduce((s, c) => s + c.quantity, 0)
      const refusal = checkCredit(line.quantity, alreadyCredited, requested.quantity)
      if (refusal) throw new DomainError(refusal.code, refusal.messageKey, refusal.params, `lines.${index}.quantity`)
      const amounts = creditLineAmounts({
        quantity: requested.quantity,
        unitPrice: line.unitPrice,
        taxRateBp: line.taxRateBp,
        invoicedQuantity: line.quantity,
        invoicedFrom: line.qtyFrom,
        alreadyCredited,
      })
      return { line, quantity: requested.quantity, ...amounts }
    })
    if (lines.length === 0) throw new DomainError('INVALID', 'back.errors.nothingToCredit')
    const totals = sumAmounts(lines.map((l) => ({ taxRateBp: l.line.taxRateBp, net: l.net, tax: l.tax })))

    if (input.reinvoice) {
      // Several invoice lines can point at one order line; give back per order line.
      const back = new Map<string, number>()
      for (const l of lines) back.set(l.line.orderLineId, (back.get(l.line.orderLineId) ?? 0) + l.quantity)
      for (const [orderLineId, quantity] of back) {
        const updated = await tx.orderLine.updateMany({
          where: { id: orderLineId, qtyInvoiced: { gte: quantity } },
          data: { qtyInvoiced: { decrement: quantity } },
        })
        if (updated.count !== 1) throw new DomainError('CONFLICT', 'back.errors.reinvoiceUnfulfilled')
      }
    }

    const { issuedAt, year, seq, number } = await takeDocumentNumber(tx, 'CREDIT_NOTE', settings)
    const creditNote = await tx.creditNote.create({
      data: {
        year,
        seq,
        number,
        invoiceId: invoice.id,
        orderId: invoice.orderId,
        customerId: invoice.customerId,
        currency: invoice.currency,
        reason: input.reason,
        reinvoice: input.reinvoice,
        subtotal: totals.subtotal,
        taxTotal: totals.taxTotal,
        total: totals.total,
        issuedAt,
        issuedById: actor.id,
        crossRole,
        lines: {
          create: lines.map((l) => ({
            invoiceLineId: l.line.id,
            orderLineId: l.line.orderLineId,
            quantity: l.quantity,
            net: l.net,
            tax: l.tax,
            gross: l.gross,
          })),
        },
      },
      select: { id: true },
    })
    // A credit on a paid invoice frees money: it settles the order's other open invoices first, else waits for a
    // refund (or the next invoice).
    await settleLedger(tx, invoice.orderId)
    await refreshOrderState(tx, invoice.orderId)
    // A credit note is an adjusting e-invoice of the invoice it credits, issued after commit (decision 023).
    await queueEInvoice(tx, { creditNoteId: creditNote.id }, invoice.orderId)
    const ledger = await loadLedger(tx, invoice.orderId)
    const refundable = Math.max(0, Math.min(totals.total, -openOf(ledger, invoice.id), ledger.money.held))
    await audit(tx, actor, {
      action: 'credit_note.issued',
      entityType: 'credit_note',
      entityId: creditNote.id,
      orderId: invoice.orderId,
      task: 'INVOICE',
      data: { number, invoice: invoice.number, total: totals.total, reason: input.reason, reinvoice: input.reinvoice },
    })
    return { creditNoteId: creditNote.id, number, total: totals.total, refundable }
  }, BILLING_TX)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const issueCreditNoteUseCase = defineUseCase({
  name: 'issueCreditNote',
  tasks: 'INVOICE',
  schema: creditNoteSchema,
  run: issueCreditNote,
})
