import 'server-only'
import { daysBetween } from '@/domain/billing'
import { DomainError } from '@/domain/errors'
import { businessDay, dayBounds } from '@/domain/opening-hours'
import type { CashRangeInput } from '@/lib/schemas/cash'
import { db } from '../db'

/** The longest range the differences screen and its CSV read at once. */
export const MAX_CASH_RANGE_DAYS = 366

export interface ClosedSessionRow {
  id: string
  day: string
  drawer: string
  openedBy: { id: string; name: string }
  closedBy: string
  openedAt: Date
  closedAt: Date
  float: number
  expected: number
  counted: number
  difference: number
  note: string | null
}

/** Sessions closed in [from, to] (business days, both included), oldest first: the manager's differences and CSV. */
export async function closedSessionsIn(range: CashRangeInput, timeZone: string): Promise<ClosedSessionRow[]> {
  if (daysBetween(range.from, range.to) + 1 > MAX_CASH_RANGE_DAYS)
    throw new DomainError('INVALID', 'back.errors.exportRange', { max: MAX_CASH_RANGE_DAYS }, 'to')
  const rows = await db().cashSession.findMany({
    where: { closedAt: { gte: dayBounds(range.from, timeZone).start, lt: dayBounds(range.to, timeZone).end } },
    orderBy: [{ closedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      openedAt: true,
      closedAt: true,
      float: true,
      expected: true,
      counted: true,
      difference: true,
      note: true,
      drawer: { select: { name: true } },
      openedBy: { select: { id: true, name: true } },
      closedBy: { select: { name: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    day: businessDay(r.closedAt!, timeZone),
    drawer: r.drawer.name,
    openedBy: r.openedBy,
    closedBy: r.closedBy?.name ?? '',
    openedAt: r.openedAt,
    closedAt: r.closedAt!,
    float: r.float,
    expected: r.expected!,
    counted: r.counted!,
    difference: r.difference!,
    note: r.note,
  }))
}
