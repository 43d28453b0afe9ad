import 'server-only'
import { DomainError } from '@/domain/errors'
import { CASH_HANDLERS } from '@/domain/permissions'
import { openCashSessionSchema, type OpenCashSessionInput } from '@/lib/schemas/cash'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { isUniqueViolation } from '../errors'
import { defineUseCase } from '../use-case'

/**
 * Open a drawer with the float counted into it. One open session per drawer: the database's partial unique index
 * decides between two people opening the same drawer at once, and the loser is told it is already open.
 */
export async function openCashSession(actor: Actor, input: OpenCashSessionInput): Promise<{ sessionId: string }> {
  const { task } = authorize(actor, openCashSessionUseCase.tasks)
  try {
    return await db().$transaction(async (tx) => {
      const drawer = await tx.cashDrawer.findUnique({ where: { id: input.drawerId }, select: { id: true, active: true, name: true } })
      if (!drawer || !drawer.active) throw new DomainError('NOT_FOUND', 'errors.notFound', {}, 'drawerId')
      const session = await tx.cashSession.create({
        data: { drawerId: drawer.id, openedById: actor.id, float: input.float },
        select: { id: true },
      })
      await audit(tx, actor, {
        action: 'cash.opened',
        entityType: 'cash_session',
        entityId: session.id,
        task,
        data: { drawer: drawer.name, float: input.float },
      })
      return { sessionId: session.id }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'cash.errors.alreadyOpen', {}, 'drawerId')
    throw error
  }
}

export const openCashSessionUseCase = defineUseCase({
  name: 'openCashSession',
  tasks: CASH_HANDLERS,
  schema: openCashSessionSchema,
  run: openCashSession,
})
