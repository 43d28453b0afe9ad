import 'server-only'
import { MINUTE_MS } from '@/domain/opening-hours'
import type { StartOwnLunchInput } from '@/lib/schemas/absence'
import type { Actor } from '../auth/actor'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { checkAbsencePeriod, insertAbsence, type AbsenceDTO } from './rules'
import { startOwnLunchSchema } from '@/lib/schemas/absence'
import { defineUseCase } from '../use-case'

/**
 * "Start lunch now": everyone may mark their own lunch break, no task needed (docs/decisions/005). The overview sees
 * them away at once.
 */
export async function startOwnLunch(actor: Actor, input: StartOwnLunchInput, now = new Date()): Promise<AbsenceDTO> {
  const { timeZone } = await getSettings()
  // Whole minutes, so the break ends on a readable time.
  const start = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS)
  const end = new Date(start.getTime() + input.minutes * MINUTE_MS)
  checkAbsencePeriod('LUNCH', start, end, now)
  return db().$transaction((tx) => insertAbsence(tx, actor, { userId: actor.id, kind: 'LUNCH', start, end, note: null }, timeZone, null))
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const startOwnLunchUseCase = defineUseCase({
  name: 'startOwnLunch',
  tasks: 'signed-in',
  schema: startOwnLunchSchema,
  run: startOwnLunch,
})
