import 'server-only'
import type { RecordAbsenceInput } from '@/lib/schemas/absence'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { checkAbsencePeriod, insertAbsence, localToUtc, type AbsenceDTO } from './rules'
import { recordAbsenceSchema } from '@/lib/schemas/absence'
import { defineUseCase } from '../use-case'

/** Record any kind of absence for anyone on the team (times are wall-clock times in the business time zone). */
export async function recordAbsence(actor: Actor, input: RecordAbsenceInput, now = new Date()): Promise<AbsenceDTO> {
  authorize(actor, recordAbsenceUseCase.tasks)
  const { timeZone } = await getSettings()
  const start = localToUtc(input.startsAt, timeZone, 'startsAt')
  const end = localToUtc(input.endsAt, timeZone, 'endsAt')
  checkAbsencePeriod(input.kind, start, end, now)
  return db().$transaction((tx) =>
    insertAbsence(tx, actor, { userId: input.userId, kind: input.kind, start, end, note: input.note ?? null }, timeZone, 'MANAGE_TEAM'),
  )
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const recordAbsenceUseCase = defineUseCase({
  name: 'recordAbsence',
  tasks: 'MANAGE_TEAM',
  schema: recordAbsenceSchema,
  run: recordAbsence,
})
