'use server'

// The roster: the week grid's edits, contracted hours, the suggested week and the cover index's tasks. Thin: each one
// use case's declaration (MANAGE_TEAM) run through runAction.
import { runAction } from '@/server/action'
import { applyRosterSuggestionUseCase } from '@/server/roster/apply-roster-suggestion'
import { getRosterSuggestionUseCase } from '@/server/roster/get-roster-suggestion'
import { setContractUseCase } from '@/server/roster/set-contract'
import { setIndexTasksUseCase } from '@/server/roster/set-index-tasks'
import { setShiftsUseCase } from '@/server/roster/set-shifts'

export async function setShiftsAction(raw: unknown) {
  return runAction(setShiftsUseCase, raw)
}
export async function setContractAction(raw: unknown) {
  return runAction(setContractUseCase, raw)
}
export async function getRosterSuggestionAction(raw: unknown) {
  return runAction(getRosterSuggestionUseCase, raw)
}
export async function applyRosterSuggestionAction(raw: unknown) {
  return runAction(applyRosterSuggestionUseCase, raw)
}
export async function setIndexTasksAction(raw: unknown) {
  return runAction(setIndexTasksUseCase, raw)
}
