import 'server-only'
import { cashTotals, countTotal, denominationsFor } from '@/domain/cash-drawer'
import { addDays, zonedWallTimeToUtc, DEMO_TIME_ZONE } from '@/domain/opening-hours'
import type { Tx } from '../db'

/** Pieces per note making up `amount` (largest notes first), as a cashier would count it. */
function countOf(amount: number): Record<string, number> {
  const counts: Record<string, number> = {}
  let left = amount
  for (const d of denominationsFor('VND')) {
    const pieces = Math.floor(left / d)
    if (pieces > 0) counts[String(d)] = pieces
    left -= pieces * d
  }
  return counts
}

/**
 * The demo's two counters (decision 017): the last three days closed with small differences (one explained), and
 * today's "Quầy 1" opened by Hà at opening time with a 1,000,000 ₫ float, so the counter can take cash at once.
 */
export async function seedCashDrawers(tx: Tx, people: { reception: string; minhanh: string }, now: Date, today: string): Promise<void> {
  const at = (ymd: string, hhmm: string) => zonedWallTimeToUtc(ymd, hhmm, DEMO_TIME_ZONE)
  const one = await tx.cashDrawer.create({ data: { name: 'Quầy 1' }, select: { id: true } })
  await tx.cashDrawer.create({ data: { name: 'Quầy 2' } })
  const days: Array<{ daysAgo: number; by: string; difference: number; note: string | null }> = [
    { daysAgo: 3, by: people.reception, difference: 0, note: null },
    { daysAgo: 2, by: people.minhanh, difference: -50_000, note: 'Thối nhầm tiền cho khách, đã báo quản lý' },
    { daysAgo: 1, by: people.reception, difference: -5_000, note: null },
  ]
  for (const d of days) {
    const ymd = addDays(today, -d.daysAgo)
    const figures = cashTotals(1_000_000, [])
    const counts = countOf(figures.expected + d.difference)
    await tx.cashSession.create({
      data: {
        drawerId: one.id,
        openedById: d.by,
        openedAt: at(ymd, '07:30'),
        float: 1_000_000,
        closedAt: at(ymd, '19:05'),
        closedById: d.by,
        counts,
        counted: countTotal('VND', counts),
        expected: figures.expected,
        difference: d.difference,
        note: d.note,
        totals: { ...figures, byMethod: { CASH: 0, CARD: 0, TRANSFER: 0 }, currency: 'VND' },
      },
    })
  }
  const opening = at(today, '07:30')
  await tx.cashSession.create({
    data: { drawerId: one.id, openedById: people.reception, openedAt: opening < now ? opening : now, float: 1_000_000 },
  })
}
