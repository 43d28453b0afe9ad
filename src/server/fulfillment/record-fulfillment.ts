import 'server-only'
import { DomainError } from '@/domain/errors'
import { checkFulfill, transitionError } from '@/domain/order-status'
import type { RecordFulfillmentInput } from '@/lib/schemas/fulfillment'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { decideCustomerMessage } from '../messages/decide'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { recordFulfillmentSchema } from '@/lib/schemas/fulfillment'
import { defineUseCase } from '../use-case'

export interface RecordFulfillmentResult {
  version: number
  fulfillment: 'NOT_STARTED' | 'PARTLY_FULFILLED' | 'FULFILLED'
  changed: Array<{ lineId: string; from: number; to: number }>
}

/**
 * Record work done on an order's lines: per line either the new fulfilled quantity (`set`) or how many more were
 * finished (`add`, negative to correct). Never more than ordered, never below what is already invoiced (checkFulfill),
 * and only on the order version the worker was looking at, so a colleague's simultaneous change is never overwritten.
 */
export async function recordFulfillment(actor: Actor, input: RecordFulfillmentInput): Promise<RecordFulfillmentResult> {
  const { crossRole } = authorize(actor, recordFulfillmentUseCase.tasks)
  return db().$transaction(async (tx) => {
    await lockOrder(tx, input.orderId, input.expectedVersion)
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: {
        fulfillment: true,
        handover: true,
        heldAt: true,
        cancelledAt: true,
        lines: { select: { id: true, position: true, description: true, quantity: true, qtyFulfilled: true, qtyInvoiced: true } },
      },
    })
    const refusal = transitionError(order, 'FULFILL')
    if (refusal) throw refusal
    const byId = new Map(order.lines.map((l) => [l.id, l]))
    const seen = new Set<string>()
    const changed: Array<{ lineId: string; position: number; description: string; from: number; to: number; delta: number }> = []
    for (const [index, change] of input.lines.entries()) {
      const line = byId.get(change.lineId)
      if (!line || seen.has(change.lineId)) throw new DomainError('INVALID', 'back.errors.lineNotOnOrder', {}, `lines.${index}`)
      seen.add(change.lineId)
      const delta = 'set' in change ? change.set - line.qtyFulfilled : change.add
      if (delta === 0) continue
      const error = checkFulfill(line, delta)
      if (error) throw new DomainError(error.code, error.messageKey, error.params, `lines.${index}`)
      changed.push({
        lineId: line.id,
        position: line.position,
        description: line.description,
        from: line.qtyFulfilled,
        to: line.qtyFulfilled + delta,
        delta,
      })
    }
    if (changed.length === 0) throw new DomainError('INVALID', 'back.errors.nothingChanged')
    for (const c of changed) {
      // The CHECK (0 <= qtyInvoiced <= qtyFulfilled <= quantity) guards this write too.
      await tx.orderLine.update({ where: { id: c.lineId }, data: { qtyFulfilled: c.to }, select: { id: true } })
      await tx.fulfillmentEvent.create({
        data: { orderId: input.orderId, orderLineId: c.lineId, quantity: c.delta, byId: actor.id, crossRole },
      })
    }
    const state = await refreshOrderState(tx, input.orderId)
    // The work that finished the order tells the customer, in this transaction (the outbox sends it after commit).
    if (state.fulfillment === 'FULFILLED' && order.fulfillment !== 'FULFILLED')
      await decideCustomerMessage(tx, { event: 'ORDER_READY', orderId: input.orderId })
    await audit(tx, actor, {
      action: 'order.fulfilled',
      entityType: 'order',
      entityId: input.orderId,
      orderId: input.orderId,
      task: 'FULFILL',
      // Which line (its number on the order and its text) and how many: what the timeline shows for this entry.
      data: {
        status: state.fulfillment,
        lines: changed.map(({ position, description, from, to }) => ({ position, description, from, to })),
      },
    })
    return {
      version: state.version,
      fulfillment: state.fulfillment as RecordFulfillmentResult['fulfillment'],
      changed: changed.map(({ lineId, from, to }) => ({ lineId, from, to })),
    }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const recordFulfillmentUseCase = defineUseCase({
  name: 'recordFulfillment',
  tasks: 'FULFILL',
  schema: recordFulfillmentSchema,
  run: recordFulfillment,
})
