import 'server-only'
import { DomainError } from '@/domain/errors'
import type { SetStaffActiveInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { endTokensOf } from '../api-tokens/end-tokens'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db, type Tx } from '../db'
import { workLeftWhere } from '../orders/work-left'
import { moveWorkLeft } from './reassign'
import { assertTeamStillManaged, lockUser } from './guards'
import { setStaffActiveSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/**
 * Deactivate someone who left (their live session ends at once: the session version moves on and inactive people are
 * refused on every request; their API tokens end for good), or bring them back — with a new sign-in, and new tokens
 * if they need them. History stays: people are never deleted.
 *
 * Nobody inactive holds work: deactivating someone with orders that have work left (order-status.hasWorkLeft) is
 * refused unless `handOverTo` names a qualified colleague, who takes them over in the same transaction.
 */
export async function setStaffActive(
  actor: Actor,
  input: SetStaffActiveInput,
): Promise<{ id: string; active: boolean; changed: boolean; handedOver: number }> {
  authorize(actor, setStaffActiveUseCase.tasks)
  if (input.userId === actor.id && !input.active) throw new DomainError('CONFLICT', 'manager.team.errors.notYourself')
  return db().$transaction(async (tx) => {
    await lockUser(tx, input.userId)
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { active: true } })
    if (before.active === input.active) return { id: input.userId, active: input.active, changed: false, handedOver: 0 }
    const handedOver = input.active ? 0 : await handOverBeforeLeaving(tx, actor, input)
    await tx.user.update({
      where: { id: input.userId },
      data: { active: input.active, sessionVersion: { increment: 1 } },
      select: { id: true },
    })
    const tokensRevoked = input.active ? 0 : await endTokensOf(tx, input.userId)
    if (!input.active) await assertTeamStillManaged(tx)
    await audit(tx, actor, {
      action: input.active ? 'user.reactivated' : 'user.deactivated',
      entityType: 'user',
      entityId: input.userId,
      task: 'MANAGE_TEAM',
      ...(input.active ? {} : { data: { tokensRevoked, handedOver } }),
    })
    return { id: input.userId, active: input.active, changed: true, handedOver }
  })
}

/** Under the person's lock: hand their work over, or refuse when they hold some and nobody was named. */
async function handOverBeforeLeaving(tx: Tx, actor: Actor, input: SetStaffActiveInput): Promise<number> {
  if (input.handOverTo) {
    const moved = await moveWorkLeft(tx, actor, { fromId: input.userId, toId: input.handOverTo, note: null }, 'MANAGE_TEAM')
    return moved.count
  }
  const holding = await tx.order.count({ where: { assigneeId: input.userId, ...workLeftWhere } })
  if (holding > 0) throw new DomainError('CONFLICT', 'manager.team.errors.holdsWork', { count: holding }, 'handOverTo')
  return 0
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const setStaffActiveUseCase = defineUseCase({
  name: 'setStaffActive',
  tasks: 'MANAGE_TEAM',
  schema: setStaffActiveSchema,
  run: setStaffActive,
})
