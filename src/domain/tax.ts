// Prices are net (excluding tax); tax is computed and rounded per line, and document totals are plain sums of the
// line amounts, so a document's lines always add up to its total to the last minor unit. A line billed in parts is
// billed in slices of one cumulative scale (lineToInvoice, creditLineAmounts): see decision 008.
//
// Invalid inputs throw DomainError('INVALID') rather than RangeError: a huge quantity typed at the counter must
// reach the user as a validation message, not as a 500.

import { DomainError } from './errors'
import { MAX_AMOUNT, roundHalfAwayFromZero } from './money'

export const BASIS_POINTS = 10_000
/** 100 %. Higher rates (some excise duties) are not something this business issues. */
export const MAX_TAX_RATE_BP = 10_000

export interface TaxableLine {
  quantity: number
  /** Net unit price in minor units. */
  unitPrice: number
  /** 1000 = 10 %. */
  taxRateBp: number
}

export interface LineAmounts {
  net: number
  tax: number
  gross: number
}

export interface RateBreakdown {
  taxRateBp: number
  net: number
  tax: number
}

export interface DocumentTotals {
  subtotal: number
  taxTotal: number
  total: number
  /** One entry per distinct rate, ascending by rate. */
  byRate: RateBreakdown[]
}

function invalid(messageKey: string, field: string, params: Record<string, string | number> = {}): DomainError {
  return new DomainError('INVALID', messageKey, params, field)
}

function tooLarge(field: string): DomainError {
  return invalid('errors.amountTooLarge', field, { max: MAX_AMOUNT })
}

function checkQuantity(quantity: number, field = 'quantity'): void {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw invalid('errors.invalidQuantity', field)
}

function checkLine(line: TaxableLine): void {
  checkQuantity(line.quantity)
  if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) throw invalid('errors.invalidPrice', 'unitPrice')
  if (line.unitPrice > MAX_AMOUNT) throw tooLarge('unitPrice')
  if (!Number.isSafeInteger(line.taxRateBp) || line.taxRateBp < 0 || line.taxRateBp > MAX_TAX_RATE_BP) {
    throw invalid('errors.invalidTaxRate', 'taxRateBp', { max: MAX_TAX_RATE_BP })
  }
}

/** Tax on a net amount: net * rate / 10000, halves rounded away from zero, in integer arithmetic. */
export function taxOn(net: number, taxRateBp: number): number {
  // net <= MAX_AMOUNT and rate <= 10000 keep the product below 2^53.
  return roundHalfAwayFromZero(net * taxRateBp, BASIS_POINTS)
}

/** Amounts of one document line: net = quantity * unitPrice, tax rounded per line, gross = net + tax. */
export function lineAmounts(line: TaxableLine): LineAmounts {
  checkLine(line)
  // The product loses precision only far above 2^53, where it is still above MAX_AMOUNT, so the check holds.
  const net = line.quantity * line.unitPrice
  if (net > MAX_AMOUNT) throw tooLarge('quantity')
  const tax = taxOn(net, line.taxRateBp)
  const gross = net + tax
  if (gross > MAX_AMOUNT) throw tooLarge('quantity')
  return { net, tax, gross }
}

/**
 * Amounts of units [from, from + quantity) of a line, computed as the difference of two cumulative line amounts.
 * Slices that tile [0, n) add up exactly to lineAmounts for n units, whereas rounding each slice on its own can
 * drift: 3 x 5 at 10 % is tax 2 in one line but 1 + 1 + 1 = 3 in three.
 */
export function lineSliceAmounts(slice: TaxableLine & { from: number }): LineAmounts {
  checkQuantity(slice.from, 'from')
  const { quantity, unitPrice, taxRateBp } = slice
  const before = lineAmounts({ quantity: slice.from, unitPrice, taxRateBp })
  const after = lineAmounts({ quantity: slice.from + quantity, unitPrice, taxRateBp })
  return { net: after.net - before.net, tax: after.tax - before.tax, gross: after.gross - before.gross }
}

// ---- The amount still to invoice (docs/decisions/008-amount-still-to-invoice.md) --------------------------------
//
// One scale per order line: the cumulative amounts of its first q units, lineAmounts(q). An invoice charges the units
// (qtyInvoiced, qtyFulfilled] as the difference of two points on that scale, and a credit note takes units back as the
// same kind of difference, from the top of the invoice line's own stretch of the scale. So however a line is split
// into invoices, its invoices add up to lineAmounts of the invoiced quantity, to the last minor unit, and what a
// screen shows as still to invoice is what the next invoice charges — both come from lineToInvoice.

/** What an order line needs for its amount still to invoice. */
export interface InvoiceableLine {
  unitPrice: number
  taxRateBp: number
  qtyFulfilled: number
  /** Net of credit notes that gave quantities back to "to invoice". */
  qtyInvoiced: number
}

export interface LineToInvoice extends LineAmounts {
  /** Position on the line's scale of the first unit to invoice (the line's qtyInvoiced). */
  from: number
  /** Units to invoice: done and not invoiced yet (0 when none). */
  quantity: number
}

/**
 * The slice of one order line the next invoice charges: units (qtyInvoiced, qtyFulfilled] on the line's cumulative
 * scale. The one rule for "still to invoice": every screen, the API, the KPIs and issueInvoice use it.
 */
export function lineToInvoice(line: InvoiceableLine): LineToInvoice {
  const from = line.qtyInvoiced
  const quantity = Math.max(0, line.qtyFulfilled - line.qtyInvoiced)
  if (quantity === 0) {
    checkQuantity(from, 'from')
    return { from, quantity: 0, net: 0, tax: 0, gross: 0 }
  }
  return { from, quantity, ...lineSliceAmounts({ from, quantity, unitPrice: line.unitPrice, taxRateBp: line.taxRateBp }) }
}

/**
 * What is still to invoice on an order: the sum of lineToInvoice over its lines, and nothing on a cancelled order
 * (no invoice can be issued on one: transitionBlock).
 */
export function orderToInvoice(order: { cancelled: boolean; lines: readonly InvoiceableLine[] }): LineAmounts {
  let net = 0
  let tax = 0
  if (!order.cancelled) {
    for (const line of order.lines) {
      const slice = lineToInvoice(line)
      net += slice.net
      tax += slice.tax
    }
  }
  return { net, tax, gross: net + tax }
}

/**
 * Amounts of a credit-note line taking `quantity` units back from an invoice line of `invoicedQuantity` units that
 * started at unit `invoicedFrom` of its order line's scale, of which `alreadyCredited` were credited before. Credits
 * take their slice from the top of the invoice line's stretch, so all credits of one invoice line together are
 * exactly that line when it is fully credited, and never more. Invoice lines issued before decision 008 were rounded
 * on their own: they start at 0 (invoicedFrom 0), which is exactly how they were computed, so their credits do not
 * change. Throws INVALID ('errors.overCredited') when more is credited than remains.
 */
export function creditLineAmounts(
  credit: TaxableLine & { invoicedQuantity: number; alreadyCredited: number; invoicedFrom: number },
): LineAmounts {
  checkQuantity(credit.invoicedQuantity, 'invoicedQuantity')
  checkQuantity(credit.alreadyCredited, 'alreadyCredited')
  checkQuantity(credit.invoicedFrom, 'invoicedFrom')
  checkQuantity(credit.quantity)
  const remaining = credit.invoicedQuantity - credit.alreadyCredited
  if (remaining < 0 || credit.quantity > remaining) {
    throw invalid('errors.overCredited', 'quantity', { max: Math.max(0, remaining) })
  }
  return lineSliceAmounts({
    from: credit.invoicedFrom + remaining - credit.quantity,
    quantity: credit.quantity,
    unitPrice: credit.unitPrice,
    taxRateBp: credit.taxRateBp,
  })
}

/**
 * Totals of lines whose amounts are already computed (e.g. credit-note lines from creditLineAmounts).
 * Throws INVALID ('errors.amountTooLarge') when a total leaves [-MAX_AMOUNT, MAX_AMOUNT].
 */
export function sumAmounts(lines: readonly RateBreakdown[]): DocumentTotals {
  const rates = new Map<number, RateBreakdown>()
  let subtotal = 0
  let taxTotal = 0
  for (const line of lines) {
    if (!Number.isSafeInteger(line.net) || !Number.isSafeInteger(line.tax)) throw invalid('errors.invalidAmount', 'net')
    subtotal += line.net
    taxTotal += line.tax
    // Checked per step so a running sum can never leave the exact-integer range of a double.
    if (Math.abs(subtotal) > MAX_AMOUNT || Math.abs(taxTotal) > MAX_AMOUNT) throw tooLarge('total')
    const entry = rates.get(line.taxRateBp)
    if (entry) {
      entry.net += line.net
      entry.tax += line.tax
    } else {
      rates.set(line.taxRateBp, { taxRateBp: line.taxRateBp, net: line.net, tax: line.tax })
    }
  }
  const total = subtotal + taxTotal
  if (Math.abs(total) > MAX_AMOUNT) throw tooLarge('total')
  const byRate = [...rates.values()].sort((a, b) => a.taxRateBp - b.taxRateBp)
  return { subtotal, taxTotal, total, byRate }
}

/** Totals of a document: sums of the per-line amounts, with a breakdown per tax rate. */
export function documentTotals(lines: readonly TaxableLine[]): DocumentTotals {
  return sumAmounts(lines.map((line) => ({ taxRateBp: line.taxRateBp, ...lineAmounts(line) })))
}
