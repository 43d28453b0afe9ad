import 'server-only'
import { checkRefund } from '@/domain/billing'
import { DomainError } from '@/domain/errors'
import type { RecordRefundInput } from '@/lib/schemas/billing'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { cashSessionFor } from '../cash/cash-session'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { getSettings } from '../settings/get-settings'
import { loadLedger, openOf, settleLedger } from './ledger'
import { withMoneyParams } from './money-params'
import { BILLING_TX } from './tx-options'
import { recordRefundSchema } from '@/lib/schemas/billing'
import { defineUseCase } from '../use-case'

/**
 * Pay money back to the customer against a credit note: a negative REFUND payment (the database insists on the
 * credit note), never more than the note credited (less earlier refunds), than the customer over-paid its invoice,
 * or than the money held on the order.
 */
export async function recordRefund(
  actor: Actor,
  input: RecordRefundInput,
): Promise<{ paymentId: string; orderClosed: boolean; refundedTotal: number }> {
  const { task, crossRole } = authorize(actor, recordRefundUseCase.tasks)
  const settings = await getSettings()
  const found = await db().creditNote.findUnique({ where: { id: input.creditNoteId }, select: { orderId: true } })
  if (!found) throw new DomainError('NOT_FOUND', 'errors.notFound')
  return db().$transaction(async (tx) => {
    await lockOrder(tx, found.orderId, null)
    const note = await tx.creditNote.findUniqueOrThrow({
      where: { id: input.creditNoteId },
      select: {
        id: true,
        number: true,
        total: true,
        invoiceId: true,
        orderId: true,
        customerId: true,
        refunds: { select: { amount: true } },
      },
    })
    const ledger = await loadLedger(tx, note.orderId)
    const refundedOnCredit = -note.refunds.reduce((s, r) => s + r.amount, 0)
    const figures = { creditTotal: note.total, refundedOnCredit, invoiceOpen: openOf(ledger, note.invoiceId), held: ledger.money.held }
    const refusal = checkRefund(figures, input.amount)
    if (refusal) throw withMoneyParams(refusal, settings.currency)
    // Cash paid back comes out of an open drawer (decision 017).
    const cashSessionId = input.method === 'CASH' ? await cashSessionFor(tx, actor.id, input.drawerId) : null
    const payment = await tx.payment.create({
      data: {
        orderId: note.orderId,
        customerId: note.customerId,
        invoiceId: note.invoiceId,
        creditNoteId: note.id,
        kind: 'REFUND',
        method: input.method,
        amount: -input.amount,
        reference: input.reference ?? null,
        receivedById: actor.id,
        crossRole,
        cashSessionId,
      },
      select: { id: true },
    })
    // The money leaves the invoice it over-paid.
    await tx.paymentAllocation.create({ data: { paymentId: payment.id, invoiceId: note.invoiceId, amount: -input.amount } })
    await settleLedger(tx, note.orderId)
    const state = await refreshOrderState(tx, note.orderId)
    await audit(tx, actor, {
      action: 'payment.refunded',
      entityType: 'payment',
      entityId: payment.id,
      orderId: note.orderId,
      task,
      data: { amount: input.amount, method: input.method, number: note.number },
    })
    return { paymentId: payment.id, orderClosed: state.closed, refundedTotal: refundedOnCredit + input.amount }
  }, BILLING_TX)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const recordRefundUseCase = defineUseCase({
  name: 'recordRefund',
  tasks: ['RECORD_PAYMENT', 'HANDLE_PICKUP'],
  schema: recordRefundSchema,
  run: recordRefund,
})
