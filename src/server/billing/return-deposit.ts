import 'server-only'
import { checkReturn, maxReturn, paymentUnallocated } from '@/domain/billing'
import { DomainError } from '@/domain/errors'
import type { ReturnDepositInput } from '@/lib/schemas/billing'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { cashSessionFor } from '../cash/cash-session'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { getSettings } from '../settings/get-settings'
import { loadLedger } from './ledger'
import { withMoneyParams } from './money-params'
import { BILLING_TX } from './tx-options'
import { returnDepositSchema } from '@/lib/schemas/billing'
import { defineUseCase } from '../use-case'

/**
 * Hand back money that was never applied to an invoice — a deposit or prepayment on an order that was cancelled.
 * Nothing was invoiced for it, so there is no credit note: a negative REFUND row naming neither invoice nor credit
 * note (the database allows exactly that shape), never more than the unapplied money beyond what the order still
 * costs. Everything else goes through a credit note (recordRefund).
 */
export async function returnDeposit(
  actor: Actor,
  input: ReturnDepositInput,
): Promise<{ paymentId: string; returned: number; returnable: number }> {
  const { task, crossRole } = authorize(actor, returnDepositUseCase.tasks)
  const settings = await getSettings()
  return db().$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { id: true, customerId: true, number: true } })
    if (!order) throw new DomainError('NOT_FOUND', 'errors.notFound')
    await lockOrder(tx, order.id, null)
    const ledger = await loadLedger(tx, order.id)
    const unallocated = ledger.payments.reduce((s, p) => s + Math.max(0, paymentUnallocated(p, ledger.allocations)), 0)
    const refusal = checkReturn(ledger.money, unallocated, input.amount)
    if (refusal) throw withMoneyParams(refusal, settings.currency)
    // Cash paid back comes out of an open drawer (decision 017).
    const cashSessionId = input.method === 'CASH' ? await cashSessionFor(tx, actor.id, input.drawerId) : null
    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        customerId: order.customerId,
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
    await refreshOrderState(tx, order.id)
    await audit(tx, actor, {
      action: 'payment.returned',
      entityType: 'payment',
      entityId: payment.id,
      orderId: order.id,
      task,
      data: { amount: input.amount, method: input.method },
    })
    const after = maxReturn({ ...ledger.money, held: ledger.money.held - input.amount }, unallocated - input.amount)
    return { paymentId: payment.id, returned: input.amount, returnable: after }
  }, BILLING_TX)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const returnDepositUseCase = defineUseCase({
  name: 'returnDeposit',
  tasks: ['RECORD_PAYMENT', 'HANDLE_PICKUP'],
  schema: returnDepositSchema,
  run: returnDeposit,
})
