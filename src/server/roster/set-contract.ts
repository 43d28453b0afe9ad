import 'server-only'
import { DomainError } from '@/domain/errors'
import { setContractSchema, type SetContractInput } from '@/lib/schemas/roster'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockUser } from '../team/guards'
import { defineUseCase } from '../use-case'

/** Record someone's contracted hours a week (the suggestion stays within them); empty clears it. */
export async function setContract(actor: Actor, input: SetContractInput): Promise<{ contractedMinutes: number | null }> {
  authorize(actor, setContractUseCase.tasks)
  const minutes = input.hours === '' || input.hours === null ? null : Math.round(input.hours * 60)
  return db().$transaction(async (tx) => {
    await lockUser(tx, input.userId)
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { contractedMinutesPerWeek: true } })
    if (!before) throw new DomainError('NOT_FOUND', 'errors.notFound')
    await tx.user.update({ where: { id: input.userId }, data: { contractedMinutesPerWeek: minutes }, select: { id: true } })
    await audit(tx, actor, {
      action: 'roster.contract_changed',
      entityType: 'user',
      entityId: input.userId,
      task: 'MANAGE_TEAM',
      before: { contractedMinutesPerWeek: before.contractedMinutesPerWeek },
      after: { contractedMinutesPerWeek: minutes },
    })
    return { contractedMinutes: minutes }
  })
}

export const setContractUseCase = defineUseCase({ name: 'setContract', tasks: 'MANAGE_TEAM', schema: setContractSchema, run: setContract })
