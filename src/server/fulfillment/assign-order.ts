import 'server-only'
import { DomainError } from '@/domain/errors'
import { can } from '@/domain/permissions'
import type { AssignOrderInput } from '@/lib/schemas/fulfillment'
import { loadActor, type Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { assignOrderSchema } from '@/lib/schemas/fulfillment'
import { defineUseCase } from '../use-case'

/** Give an order to someone who can fulfil it (oneself or a colleague), or to nobody. */
export async function assignOrder(
  actor: Actor,
  input: AssignOrderInput,
): Promise<{ version: number; assignee: { id: string; name: string } | null }> {
  authorize(actor, assignOrderUseCase.tasks)
  let assignee: { id: string; name: string } | null = null
  if (input.assigneeId !== null) {
    const person = input.assigneeId === actor.id ? actor : await loadActor(input.assigneeId, null)
    if (!person || !can(person, 'FULFILL')) throw new DomainError('INVALID', 'back.errors.assigneeCannotFulfil', {}, 'assigneeId')
    assignee = { id: person.id, name: person.name }
  }
  return db().$transaction(async (tx) => {
    await lockOrder(tx, input.orderId, input.expectedVersion)
    const before = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { cancelledAt: true, closedAt: true, assignee: { select: { id: true, name: true } } },
    })
    if (before.cancelledAt) throw new DomainError('CONFLICT', 'errors.orderCancelled')
    if ((before.assignee?.id ?? null) === (assignee?.id ?? null)) throw new DomainError('INVALID', 'back.errors.nothingChanged')
    await tx.order.update({ where: { id: input.orderId }, data: { assigneeId: assignee?.id ?? null }, select: { id: true } })
    const state = await refreshOrderState(tx, input.orderId)
    await audit(tx, actor, {
      action: 'order.assigned',
      entityType: 'order',
      entityId: input.orderId,
      orderId: input.orderId,
      task: 'FULFILL',
      before: { assigneeId: before.assignee?.id ?? null },
      after: { assigneeId: assignee?.id ?? null },
      data: assignee ? { note: assignee.name } : { note: '—' },
    })
    return { version: state.version, assignee }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const assignOrderUseCase = defineUseCase({ name: 'assignOrder', tasks: 'FULFILL', schema: assignOrderSchema, run: assignOrder })
