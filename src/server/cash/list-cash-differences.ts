import 'server-only'
import { summariseDifferences, type DifferenceSummary } from '@/domain/cash-drawer'
import type { CashRangeInput } from '@/lib/schemas/cash'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'
import { closedSessionsIn } from './closed-sessions'

export interface CashDifferencesDTO {
  currency: string
  /** Per person (who opened the drawer) and business day, newest first. */
  summaries: DifferenceSummary[]
  /** Every closed session of the range, newest first. */
  sessions: Array<{
    id: string
    day: string
    drawer: string
    openedBy: string
    closedBy: string
    expected: number
    counted: number
    difference: number
    note: string | null
  }>
}

/** The manager's view of the drawers: differences per person and day over a range of business days. */
export async function listCashDifferences(actor: Actor, range: CashRangeInput): Promise<CashDifferencesDTO> {
  authorize(actor, listCashDifferencesUseCase.tasks)
  const settings = await getSettings()
  const rows = await closedSessionsIn(range, settings.timeZone)
  return {
    currency: settings.currency,
    summaries: summariseDifferences(
      rows.map((r) => ({ day: r.day, personId: r.openedBy.id, personName: r.openedBy.name, difference: r.difference })),
    ),
    sessions: rows
      .map((r) => ({
        id: r.id,
        day: r.day,
        drawer: r.drawer,
        openedBy: r.openedBy.name,
        closedBy: r.closedBy,
        expected: r.expected,
        counted: r.counted,
        difference: r.difference,
        note: r.note,
      }))
      .reverse(),
  }
}

export const listCashDifferencesUseCase = defineUseCase({ name: 'listCashDifferences', tasks: 'MANAGE_TEAM' })
