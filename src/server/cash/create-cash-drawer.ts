import 'server-only'
import { DomainError } from '@/domain/errors'
import { createCashDrawerSchema, type CreateCashDrawerInput } from '@/lib/schemas/cash'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { isUniqueViolation } from '../errors'
import { defineUseCase } from '../use-case'

/** Add a drawer (a counter with its own till). From the first one on, cash is taken only into an open drawer. */
export async function createCashDrawer(actor: Actor, input: CreateCashDrawerInput): Promise<{ drawerId: string }> {
  authorize(actor, createCashDrawerUseCase.tasks)
  try {
    return await db().$transaction(async (tx) => {
      const drawer = await tx.cashDrawer.create({ data: { name: input.name }, select: { id: true } })
      await audit(tx, actor, {
        action: 'cash.drawer_created',
        entityType: 'cash_drawer',
        entityId: drawer.id,
        task: 'MANAGE_TEAM',
        data: { name: input.name },
      })
      return { drawerId: drawer.id }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'cash.errors.drawerNameTaken', {}, 'name')
    throw error
  }
}

export const createCashDrawerUseCase = defineUseCase({
  name: 'createCashDrawer',
  tasks: 'MANAGE_TEAM',
  schema: createCashDrawerSchema,
  run: createCashDrawer,
})
