import 'server-only'
import { transitionError } from '@/domain/order-status'
import type { ReleaseOrderInput } from '@/lib/schemas/fulfillment'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { releaseOrderSchema } from '@/lib/schemas/fulfillment'
import { defineUseCase } from '../use-case'

/** Resume work on an order that was on hold. */
export async function releaseOrder(actor: Actor, input: ReleaseOrderInput): Promise<{ version: number }> {
  authorize(actor, releaseOrderUseCase.tasks)
  return db().$transaction(async (tx) => {
    await lockOrder(tx, input.orderId, input.expectedVersion)
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { fulfillment: true, handover: true, heldAt: true, cancelledAt: true, holdReason: true },
    })
    const refusal = transitionError(order, 'RELEASE')
    if (refusal) throw refusal
    await tx.order.update({ where: { id: input.orderId }, data: { heldAt: null, holdReason: null, heldById: null }, select: { id: true } })
    const state = await refreshOrderState(tx, input.orderId)
    await audit(tx, actor, {
      action: 'order.released',
      entityType: 'order',
      entityId: input.orderId,
      orderId: input.orderId,
      task: 'FULFILL',
      before: { holdReason: order.holdReason },
    })
    return { version: state.version }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const releaseOrderUseCase = defineUseCase({ name: 'releaseOrder', tasks: 'FULFILL', schema: releaseOrderSchema, run: releaseOrder })
