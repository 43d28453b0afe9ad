// Absences (lunch, sick, leave, other): shared by the manager's form, the "my account" page and the server.
import { z } from 'zod'
import { formNumber, integer } from './fields'

export const ABSENCE_KINDS = ['LUNCH', 'SICK', 'LEAVE', 'OTHER'] as const
export type AbsenceKindInput = (typeof ABSENCE_KINDS)[number]

/** Bounds per kind, in minutes: a lunch break is a break, not an afternoon off; longer absences are leave. */
export const ABSENCE_MIN_MINUTES = 5
export const ABSENCE_MAX_MINUTES: Readonly<Record<AbsenceKindInput, number>> = {
  LUNCH: 3 * 60,
  SICK: 60 * 24 * 60,
  LEAVE: 60 * 24 * 60,
  OTHER: 14 * 24 * 60,
}
/** How far back an absence may still be recorded (a sick day noted the next morning), in days. */
export const ABSENCE_MAX_PAST_DAYS = 31
/** How far ahead leave may be planned, in days. */
export const ABSENCE_MAX_FUTURE_DAYS = 366

/** A wall-clock moment in the business time zone, as an <input type="datetime-local"> gives it. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'validation.format' })

const id = z.uuid()
/** Chosen in a list: the only invalid value a person can send is "nothing chosen". */
const chosenPerson = z.uuid({ message: 'validation.required' })
const note = z.string().trim().max(500).optional()

export const recordAbsenceSchema = z.strictObject({
  userId: chosenPerson,
  kind: z.enum(ABSENCE_KINDS),
  startsAt: localDateTime,
  endsAt: localDateTime,
  note,
})
export type RecordAbsenceInput = z.infer<typeof recordAbsenceSchema>

export const LUNCH_PRESETS = [30, 45, 60, 90] as const

export const startOwnLunchSchema = z.strictObject({
  minutes: formNumber(integer(ABSENCE_MIN_MINUTES, ABSENCE_MAX_MINUTES.LUNCH)),
})
export type StartOwnLunchInput = z.infer<typeof startOwnLunchSchema>

export const planOwnLunchSchema = z.strictObject({ startsAt: localDateTime, endsAt: localDateTime })
export type PlanOwnLunchInput = z.infer<typeof planOwnLunchSchema>

export const absenceIdSchema = z.strictObject({ absenceId: id })
export type AbsenceIdInput = z.infer<typeof absenceIdSchema>
