// Prices are net (excluding tax); tax is computed and rounded per line, and document totals are plain sums of the
// line amounts, so a document's lines always add up to its total to the last minor unit.
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

/**
 * Amounts of a credit-note line taking `quantity` units back from an invoice line of `invoicedQuantity` units of
 * which `alreadyCredited` were credited before. All credits of one invoice line together never exceed it, to the
 * last minor unit of tax. Credits take their slice from the top, so what stays invoiced is always exactly
 * lineAmounts of the remaining quantity. Throws INVALID ('errors.overCredited') when more is credited than remains.
 */
export function creditLineAmounts(
  credit: TaxableLine & { invoicedQuantity: number; alreadyCredited: number },
): LineAmounts {
  checkQuantity(credit.invoicedQuantity, 'invoicedQuantity')
  checkQuantity(credit.alreadyCredited, 'alreadyCredited')
  checkQuantity(credit.quantity)
  const remaining = credit.invoicedQuantity - credit.alreadyCredited
  if (remaining < 0 || credit.quantity > remaining) {
    throw invalid('errors.overCredited', 'quantity', { max: Math.max(0, remaining) })
  }
  return lineSliceAmounts({
    from: remaining - credit.quantity,
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
