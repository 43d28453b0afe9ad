import 'server-only'
import { csvDocument } from '@/domain/billing'
import { fromMinor } from '@/domain/money'
import { wallClock } from '@/domain/opening-hours'
import type { CashRangeInput } from '@/lib/schemas/cash'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'
import { closedSessionsIn } from './closed-sessions'

/** Closed drawer sessions of [from, to] as CSV (one row each), safe to open in a spreadsheet: cells that would start a
 * formula are neutralised by csvDocument, as in the bookkeeper's export. */
export async function exportCashCsv(actor: Actor, range: CashRangeInput): Promise<{ filename: string; body: string; rows: number }> {
  authorize(actor, exportCashCsvUseCase.tasks)
  const settings = await getSettings()
  const tz = settings.timeZone
  const rows = await closedSessionsIn(range, tz)
  const when = (d: Date) => {
    const w = wallClock(d, tz)
    return `${w.ymd} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
  }
  const money = (minor: number) => fromMinor(minor, settings.currency)
  const header = [
    'day',
    'drawer',
    'opened_by',
    'opened_at',
    'closed_by',
    'closed_at',
    'currency',
    'float',
    'expected',
    'counted',
    'difference',
    'note',
  ]
  const body = rows.map((r) => [
    r.day,
    r.drawer,
    r.openedBy.name,
    when(r.openedAt),
    r.closedBy,
    when(r.closedAt),
    settings.currency,
    money(r.float),
    money(r.expected),
    money(r.counted),
    money(r.difference),
    r.note,
  ])
  return { filename: `cash-sessions-${range.from}-${range.to}.csv`, body: csvDocument([header, ...body]), rows: body.length }
}

export const exportCashCsvUseCase = defineUseCase({ name: 'exportCashCsv', tasks: 'MANAGE_TEAM' })
