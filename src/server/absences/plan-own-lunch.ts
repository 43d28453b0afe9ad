import 'server-only'
import type { PlanOwnLunchInput } from '@/lib/schemas/absence'
import type { Actor } from '../auth/actor'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { checkAbsencePeriod, insertAbsence, localToUtc, type AbsenceDTO } from './rules'
import { planOwnLunchSchema } from '@/lib/schemas/absence'
import { defineUseCase } from '../use-case'

/** Plan my own lunch break for later, so the manager's look-ahead knows. Lunch only: other absences go through the
 * manager (docs/decisions/005). */
export async function planOwnLunch(actor: Actor, input: PlanOwnLunchInput, now = new Date()): Promise<AbsenceDTO> {
  const { timeZone } = await getSettings()
  const start = localToUtc(input.startsAt, timeZone, 'startsAt')
  const end = localToUtc(input.endsAt, timeZone, 'endsAt')
  checkAbsencePeriod('LUNCH', start, end, now)
  return db().$transaction((tx) => insertAbsence(tx, actor, { userId: actor.id, kind: 'LUNCH', start, end, note: null }, timeZone, null))
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const planOwnLunchUseCase = defineUseCase({
  name: 'planOwnLunch',
  tasks: 'signed-in',
  schema: planOwnLunchSchema,
  run: planOwnLunch,
})
