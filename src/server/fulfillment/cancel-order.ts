import 'server-only'
import { transitionError } from '@/domain/order-status'
import type { CancelOrderInput } from '@/lib/schemas/fulfillment'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { loadLedger } from '../billing/ledger'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { cancelOrderSchema } from '@/lib/schemas/fulfillment'
import { defineUseCase } from '../use-case'

export interface CancelOrderResult {
  version: number
  /** Money the customer paid (deposit included) that is still held and must be paid back or credited. */
  moneyHeld: number
  /** Invoices still standing (net of credit notes): they are not touched by cancelling and need a credit note. */
  invoicedNet: number
}

/**
 * Cancel an order with a reason. Work stops; issued invoices stay as they are (they are corrected by credit notes,
 * never edited), and the money held is reported so the person cancelling sees what to give back.
 */
export async function cancelOrder(actor: Actor, input: CancelOrderInput): Promise<CancelOrderResult> {
  authorize(actor, cancelOrderUseCase.tasks)
  return db().$transaction(async (tx) => {
    await lockOrder(tx, input.orderId, input.expectedVersion)
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { fulfillment: true, handover: true, heldAt: true, cancelledAt: true },
    })
    const refusal = transitionError(order, 'CANCEL', { reason: input.reason })
    if (refusal) throw refusal
    await tx.order.update({
      where: { id: input.orderId },
      data: { cancelledAt: new Date(), cancelReason: input.reason, cancelledById: actor.id },
      select: { id: true },
    })
    const state = await refreshOrderState(tx, input.orderId)
    const { money } = await loadLedger(tx, input.orderId)
    await audit(tx, actor, {
      action: 'order.cancelled',
      entityType: 'order',
      entityId: input.orderId,
      orderId: input.orderId,
      task: 'FULFILL',
      data: { reason: input.reason, moneyHeld: money.held, invoicedNet: money.invoicedNet },
    })
    return { version: state.version, moneyHeld: money.held, invoicedNet: money.invoicedNet }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const cancelOrderUseCase = defineUseCase({ name: 'cancelOrder', tasks: 'FULFILL', schema: cancelOrderSchema, run: cancelOrder })
