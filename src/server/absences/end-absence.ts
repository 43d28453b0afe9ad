import 'server-only'
import type { AbsenceIdInput } from '@/lib/schemas/absence'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { endOrCancelAbsence } from './rules'
import { absenceIdSchema } from '@/lib/schemas/absence'
import { defineUseCase } from '../use-case'

/** Someone is back early (end the absence now) or a planned absence is called off (remove it). */
export async function endAbsence(
  actor: Actor,
  input: AbsenceIdInput,
  now = new Date(),
): Promise<{ id: string; outcome: 'ended' | 'cancelled' }> {
  authorize(actor, endAbsenceUseCase.tasks)
  return db().$transaction((tx) => endOrCancelAbsence(tx, actor, input.absenceId, now, 'MANAGE_TEAM'))
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const endAbsenceUseCase = defineUseCase({ name: 'endAbsence', tasks: 'MANAGE_TEAM', schema: absenceIdSchema, run: endAbsence })
