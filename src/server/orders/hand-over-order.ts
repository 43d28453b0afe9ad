import 'server-only'
import { DomainError } from '@/domain/errors'
import { transitionError } from '@/domain/order-status'
import type { HandOverInput } from '@/lib/schemas/order'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockOrder, refreshOrderState } from './order-state'
import { handOverSchema } from '@/lib/schemas/order'
import { defineUseCase } from '../use-case'

export interface HandOverResultDTO {
  version: number
  handover: 'COLLECTED' | 'DELIVERED'
  /** Handed over, fully billed and fully paid: the order is finished. */
  closed: boolean
}

/**
 * The customer collects the order (or it was delivered): HANDLE_PICKUP, only for a ready order that is not on hold,
 * cancelled or already handed over. `expectedVersion` is the version the person at the counter saw; if the order
 * changed meanwhile they are told who changed it instead of handing over something they have not seen. Payment is a
 * separate step (recordPayment); an order closes when it is handed over, billed and paid, whichever comes last.
 */
export async function handOverOrder(actor: Actor, input: HandOverInput, now = new Date()): Promise<HandOverResultDTO> {
  authorize(actor, handOverOrderUseCase.tasks)
  return db().$transaction(async (tx) => {
    await lockOrder(tx, input.orderId, input.expectedVersion)
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      select: { mode: true, fulfillment: true, handover: true, heldAt: true, cancelledAt: true },
    })
    if (!order) throw new DomainError('NOT_FOUND', 'errors.notFound')
    const refusal = transitionError(order, 'HAND_OVER')
    if (refusal) throw refusal
    const handover = order.mode === 'DELIVERY' ? ('DELIVERED' as const) : ('COLLECTED' as const)
    await tx.order.update({
      where: { id: input.orderId },
      data: { handover, handedOverAt: now, handedOverById: actor.id },
    })
    const state = await refreshOrderState(tx, input.orderId, now)
    await audit(tx, actor, {
      action: handover === 'DELIVERED' ? 'order.delivered' : 'order.collected',
      entityType: 'order',
      entityId: input.orderId,
      orderId: input.orderId,
      task: 'HANDLE_PICKUP',
      before: { handover: order.handover },
      after: { handover, closed: state.closed },
    })
    return { version: state.version, handover, closed: state.closed }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const handOverOrderUseCase = defineUseCase({
  name: 'handOverOrder',
  tasks: 'HANDLE_PICKUP',
  schema: handOverSchema,
  run: handOverOrder,
})
