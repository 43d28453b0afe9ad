import 'server-only'
import { transitionError } from '@/domain/order-status'
import type { HoldOrderInput } from '@/lib/schemas/fulfillment'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { holdOrderSchema } from '@/lib/schemas/fulfillment'
import { defineUseCase } from '../use-case'

/** Stop work on an order, with the reason everyone will see (e.g. waiting for the customer to approve a proof). */
export async function holdOrder(actor: Actor, input: HoldOrderInput): Promise<{ version: number }> {
  authorize(actor, holdOrderUseCase.tasks)
  return db().$transaction(async (tx) => {
    await lockOrder(tx, input.orderId, input.expectedVersion)
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { fulfillment: true, handover: true, heldAt: true, cancelledAt: true },
    })
    const refusal = transitionError(order, 'HOLD')
    if (refusal) throw refusal
    await tx.order.update({
      where: { id: input.orderId },
      data: { heldAt: new Date(), holdReason: input.reason, heldById: actor.id },
      select: { id: true },
    })
    const state = await refreshOrderState(tx, input.orderId)
    await audit(tx, actor, {
      action: 'order.held',
      entityType: 'order',
      entityId: input.orderId,
      orderId: input.orderId,
      task: 'FULFILL',
      data: { reason: input.reason },
    })
    return { version: state.version }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const holdOrderUseCase = defineUseCase({ name: 'holdOrder', tasks: 'FULFILL', schema: holdOrderSchema, run: holdOrder })
