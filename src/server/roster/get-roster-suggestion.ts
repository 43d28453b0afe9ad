import 'server-only'
import type { DayChange } from '@/domain/roster-suggest'
import type { ShiftBlocks } from '@/domain/roster'
import { weekMonday } from '@/domain/roster'
import { businessDay } from '@/domain/opening-hours'
import { DomainError } from '@/domain/errors'
import { rosterWeekSchema, type RosterWeekInput } from '@/lib/schemas/roster'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { defineUseCase } from '../use-case'
import { computeSuggestion } from './store'

export interface RosterSuggestionDTO {
  weekStart: string
  basis: string
  current: { index: number; uncoveredShare: number }
  suggested: { index: number; uncoveredShare: number }
  changes: DayChange[]
  people: Array<{ id: string; name: string; days: ShiftBlocks[] }>
}

/** The suggested roster for a coming week (read only: nothing changes until it is applied). */
export async function getRosterSuggestion(actor: Actor, input: RosterWeekInput, now = new Date()): Promise<RosterSuggestionDTO> {
  authorize(actor, getRosterSuggestionUseCase.tasks)
  const weekStart = weekMonday(input.weekStart)
  const { suggestion, basis, names, timeZone } = await computeSuggestion(weekStart)
  if (suggestion.days[6]! < businessDay(now, timeZone)) throw new DomainError('INVALID', 'manager.roster.errors.pastWeek', {}, 'weekStart')
  return {
    weekStart,
    basis,
    current: suggestion.current,
    suggested: suggestion.suggested,
    changes: suggestion.changes,
    people: [...suggestion.plan].map(([id, days]) => ({ id, name: names.get(id) ?? id, days })),
  }
}

export const getRosterSuggestionUseCase = defineUseCase({
  name: 'getRosterSuggestion',
  tasks: 'MANAGE_TEAM',
  schema: rosterWeekSchema,
  run: getRosterSuggestion,
})
