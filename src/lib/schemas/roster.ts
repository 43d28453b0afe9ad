// The roster: shifts per person, contracted hours, the suggested week and the index's left-out tasks.
import { z } from 'zod'
import { TASKS } from '@/domain/permissions'
import { MAX_BLOCKS } from '@/domain/roster'
import { formNumber } from './fields'

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.format' })
const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'validation.format' })

export const rosterWeekSchema = z.strictObject({ weekStart: ymd })
export type RosterWeekInput = z.infer<typeof rosterWeekSchema>

export const setShiftsSchema = z.strictObject({
  userId: z.uuid(),
  /** 'week': the weekly pattern of that date's weekday; 'date': a one-off change for that date; 'reset': drop it. */
  scope: z.enum(['week', 'date', 'reset']),
  day: ymd,
  blocks: z.array(z.tuple([hhmm, hhmm])).max(MAX_BLOCKS),
})
export type SetShiftsInput = z.infer<typeof setShiftsSchema>

export const setContractSchema = z.strictObject({
  userId: z.uuid(),
  /** Hours a week, quarter-hours allowed; empty = not recorded. */
  hours: z.union([z.literal(''), formNumber(z.number().min(0).max(112).multipleOf(0.25))]).nullable(),
})
export type SetContractInput = z.infer<typeof setContractSchema>

export const applySuggestionSchema = z.strictObject({
  weekStart: ymd,
  /** The fingerprint of the suggestion the manager looked at: applying refuses if the roster moved meanwhile. */
  basis: z.string().regex(/^[0-9a-f]{16}$/),
})
export type ApplySuggestionInput = z.infer<typeof applySuggestionSchema>

export const setIndexTasksSchema = z.strictObject({ excluded: z.array(z.enum(TASKS)).max(TASKS.length) })
export type SetIndexTasksInput = z.infer<typeof setIndexTasksSchema>
