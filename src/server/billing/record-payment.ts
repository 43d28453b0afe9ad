import 'server-only'
import { cashChange, checkPayment } from '@/domain/billing'
import { DomainError, isDomainError } from '@/domain/errors'
import { balanceDue } from '@/domain/order-status'
import type { Prisma } from '@/generated/prisma/client'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { decideCustomerMessage } from '../messages/decide'
import { authorize } from '../authz'
import { db, type Tx } from '../db'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { getSettings } from '../settings/get-settings'
import { cashSessionFor } from '../cash/cash-session'
import { loadLedger, openOf, settleLedger } from './ledger'
import { withMoneyParams } from './money-params'
import { BILLING_TX } from './tx-options'
import { recordPaymentSchema } from '@/lib/schemas/billing'
import { defineUseCase } from '../use-case'

export interface RecordPaymentInput {
  orderId: string
  invoiceId?: string
  method: 'CASH' | 'CARD' | 'TRANSFER'
  amount: number
  tendered?: number
  reference?: string
  drawerId?: string
}

/** The caller's transaction, for a payment that must stand or fall with the caller's own change (a bank transfer
 * matched or assigned to the order, src/server/transfers), and how the payment's one timeline row names it there. */
export interface PaymentWithin {
  tx: Tx
  /** The payment's audit row instead of "payment recorded": the transfer it came from, with its bank reference. */
  auditAs?: { action: string; entityType: string; entityId: string; data: Prisma.InputJsonObject }
}

export interface RecordPaymentResult {
  paymentId: string
  /** Cash to hand back (tendered - amount), 0 for card and transfer. */
  change: number
  /** What the customer still owes against issued invoices after this payment (negative: owed back), as on the order. */
  balance: number
  orderClosed: boolean
}

/**
 * Money received for an order: at the counter (HANDLE_PICKUP) or in the back office (RECORD_PAYMENT). Against one
 * invoice (at most its open balance), or to the order's open invoices oldest first, with anything beyond them held on
 * the order as a prepayment; the money held never exceeds what the order will cost. Serialised per order by the row
 * lock, so two cashiers taking the last payment at once cannot overpay it. `within`: the caller's transaction and the
 * payment's timeline row as the caller names it (PaymentWithin).
 */
export async function recordPayment(actor: Actor, input: RecordPaymentInput, within?: PaymentWithin): Promise<RecordPaymentResult> {
  const { task, crossRole } = authorize(actor, recordPaymentUseCase.tasks)
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new DomainError('INVALID', 'errors.invalidAmount', {}, 'amount')
  const change = cashChange(input.method, input.amount, input.tendered)
  if (isDomainError(change)) throw change
  const settings = await getSettings()
  const body = async (tx: Tx): Promise<RecordPaymentResult> => {
    await lockOrder(tx, input.orderId, null)
    const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { id: true, customerId: true } })
    const ledger = await loadLedger(tx, order.id)
    let invoiceOpen: number | undefined
    if (input.invoiceId !== undefined) {
      // Scoped to this order: an invoice of another order is "not found", never paid by mistake.
      if (!ledger.invoices.some((i) => i.id === input.invoiceId)) throw new DomainError('NOT_FOUND', 'errors.notFound', {}, 'invoiceId')
      invoiceOpen = openOf(ledger, input.invoiceId)
    }
    const refusal = checkPayment(ledger.money, input.amount, invoiceOpen)
    if (refusal) throw withMoneyParams(refusal, settings.currency)
    // Cash goes into an open drawer (locked until commit, so it cannot close under this payment): decision 017.
    const cashSessionId = input.method === 'CASH' ? await cashSessionFor(tx, actor.id, input.drawerId) : null

    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        customerId: order.customerId,
        invoiceId: input.invoiceId ?? null,
        kind: 'PAYMENT',
        method: input.method,
        amount: input.amount,
        tendered: input.tendered ?? null,
        reference: input.reference ?? null,
        receivedById: actor.id,
        crossRole,
        cashSessionId,
      },
      select: { id: true },
    })
    if (input.invoiceId !== undefined) {
      await tx.paymentAllocation.create({ data: { paymentId: payment.id, invoiceId: input.invoiceId, amount: input.amount } })
    }
    // Without an invoice: oldest open invoices first; what remains stays on the order until the next invoice.
    await settleLedger(tx, order.id)
    const state = await refreshOrderState(tx, order.id)
    const after = await loadLedger(tx, order.id)
    // One row per payment on the timeline: a transfer's says so itself ("paid by transfer, bank ref …").
    const recorded = within?.auditAs ?? {
      action: 'payment.recorded',
      entityType: 'payment',
      entityId: payment.id,
      data: { amount: input.amount, method: input.method, ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}) },
    }
    await audit(tx, actor, { ...recorded, orderId: order.id, task })
    await decideCustomerMessage(tx, { event: 'PAYMENT_RECEIVED', orderId: order.id, subjectId: payment.id, amount: input.amount })
    return {
      paymentId: payment.id,
      change,
      balance: balanceDue({ invoicedNet: after.money.invoicedNet, paid: after.money.held, refunded: 0 }),
      orderClosed: state.closed,
    }
  }
  return within ? body(within.tx) : db().$transaction(body, BILLING_TX)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const recordPaymentUseCase = defineUseCase({
  name: 'recordPayment',
  tasks: ['HANDLE_PICKUP', 'RECORD_PAYMENT'],
  schema: recordPaymentSchema,
  run: recordPayment,
})
