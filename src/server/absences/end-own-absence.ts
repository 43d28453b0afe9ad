import 'server-only'
import { DomainError } from '@/domain/errors'
import type { AbsenceIdInput } from '@/lib/schemas/absence'
import type { Actor } from '../auth/actor'
import { db } from '../db'
import { endOrCancelAbsence } from './rules'
import { absenceIdSchema } from '@/lib/schemas/absence'
import { defineUseCase } from '../use-case'

/** Back from lunch early, or a planned lunch called off. Only one's own lunch breaks; sick days and leave are the
 * manager's to change (docs/decisions/005). */
export async function endOwnAbsence(
  actor: Actor,
  input: AbsenceIdInput,
  now = new Date(),
): Promise<{ id: string; outcome: 'ended' | 'cancelled' }> {
  return db().$transaction(async (tx) => {
    const own = await tx.absence.findFirst({ where: { id: input.absenceId, userId: actor.id }, select: { kind: true } })
    if (!own) throw new DomainError('NOT_FOUND', 'errors.notFound')
    if (own.kind !== 'LUNCH') throw new DomainError('FORBIDDEN', 'account.absences.onlyLunch')
    return endOrCancelAbsence(tx, actor, input.absenceId, now, null, actor.id)
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const endOwnAbsenceUseCase = defineUseCase({
  name: 'endOwnAbsence',
  tasks: 'signed-in',
  schema: absenceIdSchema,
  run: endOwnAbsence,
})
