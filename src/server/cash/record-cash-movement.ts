import 'server-only'
import { DomainError } from '@/domain/errors'
import { CASH_HANDLERS } from '@/domain/permissions'
import { recordCashMovementSchema, type RecordCashMovementInput } from '@/lib/schemas/cash'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { BILLING_TX } from '../billing/tx-options'
import { defineUseCase } from '../use-case'

/**
 * Cash put into or taken out of an open drawer, with its reason ("bought paper", "took 2,000,000 ₫ to the bank").
 * The session is locked FOR SHARE like a cash payment, so a movement and the closing of the drawer never interleave.
 */
export async function recordCashMovement(actor: Actor, input: RecordCashMovementInput): Promise<{ movementId: string }> {
  const { task } = authorize(actor, recordCashMovementUseCase.tasks)
  return db().$transaction(async (tx) => {
    const found = await tx.$queryRaw<{ id: string; closedAt: Date | null }[]>`
      SELECT id, "closedAt" FROM "CashSession" WHERE id = ${input.sessionId}::uuid FOR SHARE`
    if (found.length === 0) throw new DomainError('NOT_FOUND', 'errors.notFound', {}, 'sessionId')
    if (found[0]!.closedAt) throw new DomainError('CONFLICT', 'cash.errors.drawerClosed', {}, 'sessionId')
    const movement = await tx.cashMovement.create({
      data: { sessionId: input.sessionId, kind: input.kind, amount: input.amount, reason: input.reason, byId: actor.id },
      select: { id: true },
    })
    await audit(tx, actor, {
      action: input.kind === 'IN' ? 'cash.paid_in' : 'cash.paid_out',
      entityType: 'cash_session',
      entityId: input.sessionId,
      task,
      data: { amount: input.amount, reason: input.reason },
    })
    return { movementId: movement.id }
  }, BILLING_TX)
}

export const recordCashMovementUseCase = defineUseCase({
  name: 'recordCashMovement',
  tasks: CASH_HANDLERS,
  schema: recordCashMovementSchema,
  run: recordCashMovement,
})
