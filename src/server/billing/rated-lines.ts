import 'server-only'
import { doneRuns, rateSlices } from '@/domain/tax-schedule'
import { lineSliceAmounts, lineToInvoice, type LineAmounts } from '@/domain/tax'
import { loadTaxCategories } from '../catalog/tax-categories'
import type { Tx } from '../db'

export interface OrderLineToRate {
  id: string
  unitPrice: number
  taxRateBp: number
  taxCategoryId: string | null
  qtyFulfilled: number
  qtyInvoiced: number
}

export interface RatedInvoiceLine<L> extends LineAmounts {
  line: L
  from: number
  quantity: number
  taxRateBp: number
}

/**
 * What the next invoice charges per order line: the slice still to invoice (lineToInvoice, decision 008), cut where
 * the rate changes so that every unit carries its category's rate on the business day it was done (rateSlices,
 * decision 021). A line without a category keeps the rate it was taken at. Runs inside the issuing transaction, under
 * the order's lock, so the fulfilment events read are the ones the quantities came from.
 */
export async function ratedLinesToInvoice<L extends OrderLineToRate>(
  tx: Tx,
  lines: readonly L[],
  timeZone: string,
  now: Date,
): Promise<Array<RatedInvoiceLine<L>>> {
  const open = lines.map((line) => ({ line, slice: lineToInvoice(line) })).filter((x) => x.slice.quantity > 0)
  const categorised = open.filter((x) => x.line.taxCategoryId !== null).map((x) => x.line.id)
  if (categorised.length === 0) return open.map(({ line, slice }) => ({ line, ...slice, taxRateBp: line.taxRateBp }))
  const [categories, events] = await Promise.all([
    loadTaxCategories(tx),
    tx.fulfillmentEvent.findMany({ where: { orderLineId: { in: categorised } }, select: { orderLineId: true, quantity: true, at: true } }),
  ])
  const periods = new Map(categories.map((c) => [c.id, c.periods]))
  return open.flatMap(({ line, slice }) => {
    const schedule = line.taxCategoryId === null ? undefined : periods.get(line.taxCategoryId)
    if (!schedule) return [{ line, ...slice, taxRateBp: line.taxRateBp }]
    const runs = doneRuns(events.filter((e) => e.orderLineId === line.id))
    return rateSlices({ from: slice.from, quantity: slice.quantity, runs, periods: schedule, timeZone, fallback: now }).map((r) => ({
      line,
      from: r.from,
      quantity: r.quantity,
      taxRateBp: r.taxRateBp,
      ...lineSliceAmounts({ from: r.from, quantity: r.quantity, unitPrice: line.unitPrice, taxRateBp: r.taxRateBp }),
    }))
  })
}
