import 'server-only'
import { DomainError } from '@/domain/errors'
import { parseOrderNumberQuery } from '@/domain/numbering'
import { assignTransferSchema } from '@/lib/schemas/billing'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { recordPayment } from '../billing/record-payment'
import { BILLING_TX } from '../billing/tx-options'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'
import { lockUnmatched } from './unmatched-row'

/**
 * A person assigns a transfer from the unmatched list to an order: a TRANSFER payment of the transfer's amount by
 * them, under the payment rules (never more than the order may take), in the transaction that takes the transfer
 * off the list — so two people assigning it at once apply it once.
 */
export async function assignTransfer(
  actor: Actor,
  input: { transferId: string; orderNumber: string },
): Promise<{ orderId: string; paymentId: string }> {
  authorize(actor, assignTransferUseCase.tasks)
  const settings = await getSettings()
  const number = parseOrderNumberQuery(input.orderNumber, settings.orderPrefix)
  if (number === null) throw new DomainError('INVALID', 'back.transfers.errors.orderNumber', {}, 'orderNumber')
  const order = await db().order.findUnique({ where: { number }, select: { id: true } })
  if (!order) throw new DomainError('NOT_FOUND', 'back.transfers.errors.orderNumber', {}, 'orderNumber')
  return db().$transaction(async (tx) => {
    const transfer = await lockUnmatched(tx, input.transferId)
    const reference = (transfer.bankReference ?? `${transfer.provider} ${transfer.providerTxId}`).slice(0, 100)
    // The payment's one timeline row: "transfer assigned to this order, bank ref …", by the person who assigned it.
    const auditAs = {
      action: 'payment.transfer_assigned',
      entityType: 'bank_transfer',
      entityId: transfer.id,
      data: { provider: transfer.provider, amount: transfer.amount, reference },
    }
    const { paymentId } = await recordPayment(
      actor,
      { orderId: order.id, method: 'TRANSFER', amount: transfer.amount, reference },
      { tx, auditAs },
    )
    await tx.bankTransfer.update({
      where: { id: transfer.id },
      data: { status: 'ASSIGNED', reason: null, orderId: order.id, paymentId, resolvedById: actor.id, resolvedAt: new Date() },
    })
    return { orderId: order.id, paymentId }
  }, BILLING_TX)
}

/** Who may call it and its input, read by its server action and the authorization matrix. */
export const assignTransferUseCase = defineUseCase({
  name: 'assignTransfer',
  tasks: 'RECORD_PAYMENT',
  schema: assignTransferSchema,
  run: assignTransfer,
})
