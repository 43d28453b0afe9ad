import 'server-only'
import { businessDay } from '@/domain/opening-hours'
import { checkSchedule, nextRateChange, rateOnDay, type RateChange, type RatePeriod } from '@/domain/tax-schedule'
import { db, type Tx } from '../db'

// Reading the VAT categories and their schedules (docs/decisions/021). Not a use case: callers authorize first.

export interface TaxCategoryRow {
  id: string
  code: string
  name: string
  exempt: boolean
  periods: RatePeriod[]
}

export interface TaxCategoryDTO {
  id: string
  code: string
  name: string
  exempt: boolean
  /** The rate in force today (shop time zone). */
  rateBp: number
  periods: RatePeriod[]
  /** The next change of rate, if one is scheduled. */
  next: RateChange | null
}

const ymd = (d: Date) => d.toISOString().slice(0, 10)

/** Every category with its periods, by name. A shop has a handful. */
export async function loadTaxCategories(client: Tx | ReturnType<typeof db> = db()): Promise<TaxCategoryRow[]> {
  const rows = await client.taxCategory.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, code: true, name: true, exempt: true, periods: { select: { validFrom: true, rateBp: true } } },
  })
  return rows.map((c) => ({ ...c, periods: checkSchedule(c.periods.map((p) => ({ validFrom: ymd(p.validFrom), rateBp: p.rateBp }))) }))
}

/** Categories as a settings or catalog screen shows them: today's rate and the coming change. */
export function taxCategoryDtos(rows: readonly TaxCategoryRow[], now: Date, timeZone: string): TaxCategoryDTO[] {
  const today = businessDay(now, timeZone)
  return rows.map((c) => ({ ...c, rateBp: rateOnDay(c.periods, today), next: nextRateChange(c.periods, today) }))
}
