import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '@/domain/errors'
import { MAX_AMOUNT } from '@/domain/money'
import {
  MAX_TAX_RATE_BP,
  type TaxableLine,
  creditLineAmounts,
  documentTotals,
  lineAmounts,
  lineSliceAmounts,
  lineToInvoice,
  orderToInvoice,
  sumAmounts,
  taxOn,
} from '@/domain/tax'

function expectDomainError(fn: () => unknown, messageKey: string, field?: string): void {
  let caught: unknown
  try {
    fn()
  } catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(DomainError)
  const error = caught as DomainError
  expect(error.code).toBe('INVALID')
  expect(error.messageKey).toBe(messageKey)
  if (field !== undefined) expect(error.field).toBe(field)
}

const rate = fc.constantFrom(0, 500, 800, 1000, 1900, 2100, 700, 1, 9999, 10_000)
const line: fc.Arbitrary<TaxableLine> = fc.record({
  quantity: fc.integer({ min: 0, max: 1000 }),
  unitPrice: fc.integer({ min: 0, max: 100_000 }),
  taxRateBp: rate,
})

describe('lineAmounts', () => {
  it('computes a VND line at 10 %', () => {
    expect(lineAmounts({ quantity: 2, unitPrice: 50_000, taxRateBp: 1000 })).toEqual({
      net: 100_000,
      tax: 10_000,
      gross: 110_000,
    })
  })

  it('computes an EUR line at 19 %, rounding down below the half', () => {
    // 3 x 19.99 = 59.97; 19 % = 11.3943 -> 11.39
    expect(lineAmounts({ quantity: 3, unitPrice: 1999, taxRateBp: 1900 })).toEqual({ net: 5997, tax: 1139, gross: 7136 })
  })

  it.each([
    [5, 1000, 1], // 0.5 -> 1
    [15, 1000, 2], // 1.5 -> 2
    [25, 1000, 3], // 2.5 -> 3 (not banker's 2)
    [14, 1000, 1], // 1.4 -> 1
    [16, 1000, 2], // 1.6 -> 2
    [4, 1000, 0], // 0.4 -> 0
    [12_345, 800, 988], // 987.6 -> 988
    [12_344, 800, 988], // 987.52 -> 988
    [12_343, 800, 987], // 987.44 -> 987
    [1, 5000, 1], // 0.5 -> 1
    [1, 4999, 0], // 0.4999 -> 0
    [10_000, 1, 1], // exactly 1
    [5_000, 1, 1], // exactly 0.5 -> 1
    [4_999, 1, 0],
  ])('net %i at %i bp -> tax %i', (net, taxRateBp, tax) => {
    expect(lineAmounts({ quantity: 1, unitPrice: net, taxRateBp })).toEqual({ net, tax, gross: net + tax })
    expect(taxOn(net, taxRateBp)).toBe(tax)
  })

  it('rounds per line, not per unit', () => {
    // 3 x 5 at 10 %: 1.5 -> 2, whereas rounding each unit would give 3
    expect(lineAmounts({ quantity: 3, unitPrice: 5, taxRateBp: 1000 }).tax).toBe(2)
  })

  it('handles zero quantity, zero price, zero and full rates', () => {
    expect(lineAmounts({ quantity: 0, unitPrice: 50_000, taxRateBp: 1000 })).toEqual({ net: 0, tax: 0, gross: 0 })
    expect(lineAmounts({ quantity: 3, unitPrice: 0, taxRateBp: 1000 })).toEqual({ net: 0, tax: 0, gross: 0 })
    expect(lineAmounts({ quantity: 3, unitPrice: 100, taxRateBp: 0 })).toEqual({ net: 300, tax: 0, gross: 300 })
    expect(lineAmounts({ quantity: 3, unitPrice: 100, taxRateBp: MAX_TAX_RATE_BP })).toEqual({
      net: 300,
      tax: 300,
      gross: 600,
    })
  })

  it('rejects a gross one above MAX_AMOUNT when the net alone fits', () => {
    // 1_999_800_021 at 0.01 %: tax 199_980.0021 -> 199_980, gross 2_000_000_001
    expectDomainError(() => lineAmounts({ quantity: 1, unitPrice: 1_999_800_021, taxRateBp: 1 }), 'errors.amountTooLarge', 'quantity')
    expect(lineAmounts({ quantity: 1, unitPrice: 1_999_800_020, taxRateBp: 1 }).gross).toBe(MAX_AMOUNT)
  })

  it('accepts a gross of exactly MAX_AMOUNT', () => {
    expect(lineAmounts({ quantity: 1, unitPrice: MAX_AMOUNT, taxRateBp: 0 }).gross).toBe(MAX_AMOUNT)
    expect(lineAmounts({ quantity: 2, unitPrice: 500_000_000, taxRateBp: MAX_TAX_RATE_BP }).gross).toBe(MAX_AMOUNT)
  })

  it.each([
    [{ quantity: 1.5, unitPrice: 100, taxRateBp: 1000 }, 'errors.invalidQuantity', 'quantity'],
    [{ quantity: -1, unitPrice: 100, taxRateBp: 1000 }, 'errors.invalidQuantity', 'quantity'],
    [{ quantity: Number.NaN, unitPrice: 100, taxRateBp: 1000 }, 'errors.invalidQuantity', 'quantity'],
    [{ quantity: 1, unitPrice: -100, taxRateBp: 1000 }, 'errors.invalidPrice', 'unitPrice'],
    [{ quantity: 1, unitPrice: 0.5, taxRateBp: 1000 }, 'errors.invalidPrice', 'unitPrice'],
    [{ quantity: 1, unitPrice: MAX_AMOUNT + 1, taxRateBp: 0 }, 'errors.amountTooLarge', 'unitPrice'],
    [{ quantity: 1, unitPrice: 100, taxRateBp: -1 }, 'errors.invalidTaxRate', 'taxRateBp'],
    [{ quantity: 1, unitPrice: 100, taxRateBp: 10_001 }, 'errors.invalidTaxRate', 'taxRateBp'],
    [{ quantity: 1, unitPrice: 100, taxRateBp: 2.5 }, 'errors.invalidTaxRate', 'taxRateBp'],
    [{ quantity: 2, unitPrice: 1_000_000_001, taxRateBp: 0 }, 'errors.amountTooLarge', 'quantity'],
    [{ quantity: 1, unitPrice: MAX_AMOUNT, taxRateBp: 1 }, 'errors.amountTooLarge', 'quantity'],
    [{ quantity: 1e15, unitPrice: 10_000, taxRateBp: 1000 }, 'errors.amountTooLarge', 'quantity'],
    [{ quantity: Number.MAX_SAFE_INTEGER, unitPrice: MAX_AMOUNT, taxRateBp: 0 }, 'errors.amountTooLarge', 'quantity'],
  ])('rejects %o with %s', (input, key, field) => {
    expectDomainError(() => lineAmounts(input), key, field)
  })

  it('tax is never negative, never above net, and within half a unit of the exact tax', () => {
    fc.assert(
      fc.property(line, (l) => {
        const { net, tax, gross } = lineAmounts(l)
        expect(net).toBe(l.quantity * l.unitPrice)
        expect(tax).toBeGreaterThanOrEqual(0)
        expect(tax).toBeLessThanOrEqual(net)
        expect(gross).toBe(net + tax)
        // |tax - net * rate / 10000| <= 1/2, in integers
        expect(2 * Math.abs(tax * 10_000 - net * l.taxRateBp)).toBeLessThanOrEqual(10_000)
      }),
    )
  })

  it('tax grows with the net amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 1e6 }), rate, (net, more, bp) => {
        expect(taxOn(net + more, bp)).toBeGreaterThanOrEqual(taxOn(net, bp))
      }),
    )
  })
})

describe('documentTotals', () => {
  it('returns zeros for no lines', () => {
    expect(documentTotals([])).toEqual({ subtotal: 0, taxTotal: 0, total: 0, byRate: [] })
  })

  it('sums a mixed-rate VND order and breaks tax down by ascending rate', () => {
    const totals = documentTotals([
      { quantity: 2, unitPrice: 50_000, taxRateBp: 1000 }, // 100000 + 10000
      { quantity: 1, unitPrice: 30_500, taxRateBp: 800 }, // 30500 + 2440
      { quantity: 3, unitPrice: 1_005, taxRateBp: 1000 }, // 3015 + 301.5 -> 302
      { quantity: 1, unitPrice: 5_000, taxRateBp: 0 }, // 5000 + 0
    ])
    expect(totals).toEqual({
      subtotal: 138_515,
      taxTotal: 12_742,
      total: 151_257,
      byRate: [
        { taxRateBp: 0, net: 5_000, tax: 0 },
        { taxRateBp: 800, net: 30_500, tax: 2_440 },
        { taxRateBp: 1000, net: 103_015, tax: 10_302 },
      ],
    })
  })

  it('adds rounded line taxes rather than rounding the document tax', () => {
    // Each line: 0.5 -> 1. Rounding the document (10 at 10 % = 1) would not match the printed lines.
    const totals = documentTotals([
      { quantity: 1, unitPrice: 5, taxRateBp: 1000 },
      { quantity: 1, unitPrice: 5, taxRateBp: 1000 },
    ])
    expect(totals.taxTotal).toBe(2)
    expect(totals.total).toBe(12)
    expect(totals.byRate).toEqual([{ taxRateBp: 1000, net: 10, tax: 2 }])
  })

  it('keeps a rate whose lines are all zero in the breakdown', () => {
    expect(documentTotals([{ quantity: 0, unitPrice: 100, taxRateBp: 500 }]).byRate).toEqual([{ taxRateBp: 500, net: 0, tax: 0 }])
  })

  it('throws when the total exceeds MAX_AMOUNT even if every line fits', () => {
    const half = { quantity: 1, unitPrice: 1_000_000_000, taxRateBp: 0 }
    expect(documentTotals([half, half]).total).toBe(MAX_AMOUNT)
    expectDomainError(() => documentTotals([half, half, { quantity: 1, unitPrice: 1, taxRateBp: 0 }]), 'errors.amountTooLarge', 'total')
    expectDomainError(
      () =>
        documentTotals([
          { quantity: 1, unitPrice: 1_900_000_000, taxRateBp: 0 },
          { quantity: 1, unitPrice: 100_000_000, taxRateBp: 1000 },
        ]),
      'errors.amountTooLarge',
      'total',
    )
  })

  it('propagates line validation errors', () => {
    expectDomainError(() => documentTotals([{ quantity: -1, unitPrice: 1, taxRateBp: 0 }]), 'errors.invalidQuantity')
  })

  it('totals are exactly the sums of the line amounts', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const totals = documentTotals(lines)
        const amounts = lines.map(lineAmounts)
        expect(totals.subtotal).toBe(amounts.reduce((s, a) => s + a.net, 0))
        expect(totals.taxTotal).toBe(amounts.reduce((s, a) => s + a.tax, 0))
        expect(totals.total).toBe(amounts.reduce((s, a) => s + a.gross, 0))
        expect(totals.total).toBe(totals.subtotal + totals.taxTotal)
        expect(totals.taxTotal).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('breakdown covers each distinct rate once, ascending, and adds up to the totals', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const { subtotal, taxTotal, byRate } = documentTotals(lines)
        const rates = byRate.map((r) => r.taxRateBp)
        expect(rates).toEqual([...new Set(lines.map((l) => l.taxRateBp))].sort((a, b) => a - b))
        expect(byRate.reduce((s, r) => s + r.net, 0)).toBe(subtotal)
        expect(byRate.reduce((s, r) => s + r.tax, 0)).toBe(taxTotal)
        for (const r of byRate) {
          const ofRate = lines.filter((l) => l.taxRateBp === r.taxRateBp)
          expect(r.net).toBe(ofRate.reduce((s, l) => s + l.quantity * l.unitPrice, 0))
        }
      }),
    )
  })

  it('does not depend on line order', () => {
    fc.assert(
      fc.property(
        fc
          .array(line, { maxLength: 20 })
          .chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }))),
        ([lines, shuffled]) => {
          expect(documentTotals(shuffled)).toEqual(documentTotals(lines))
        },
      ),
    )
  })
})

describe('sumAmounts', () => {
  it('sums precomputed amounts, negative ones included', () => {
    expect(
      sumAmounts([
        { taxRateBp: 1000, net: 100, tax: 10 },
        { taxRateBp: 1000, net: -40, tax: -4 },
      ]),
    ).toEqual({ subtotal: 60, taxTotal: 6, total: 66, byRate: [{ taxRateBp: 1000, net: 60, tax: 6 }] })
  })

  it('rejects non-integer amounts and totals out of range', () => {
    expectDomainError(() => sumAmounts([{ taxRateBp: 0, net: 1.5, tax: 0 }]), 'errors.invalidAmount')
    expectDomainError(() => sumAmounts([{ taxRateBp: 0, net: -MAX_AMOUNT - 1, tax: 0 }]), 'errors.amountTooLarge')
    expectDomainError(() => sumAmounts([{ taxRateBp: 0, net: MAX_AMOUNT, tax: 1 }]), 'errors.amountTooLarge')
  })
})

describe('lineSliceAmounts', () => {
  it('splits 3 x 5 at 10 % so the slices add up to the whole line', () => {
    const whole = lineAmounts({ quantity: 3, unitPrice: 5, taxRateBp: 1000 })
    const slices = [0, 1, 2].map((from) => lineSliceAmounts({ from, quantity: 1, unitPrice: 5, taxRateBp: 1000 }))
    expect(slices.map((s) => s.tax)).toEqual([1, 0, 1])
    expect(slices.reduce((s, a) => s + a.tax, 0)).toBe(whole.tax)
  })

  it('a slice from 0 is the line itself', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(lineSliceAmounts({ ...l, from: 0 })).toEqual(lineAmounts(l))
      }),
    )
  })

  it('any tiling of [0, n) adds up exactly to the line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 100_000 }),
        rate,
        (sizes, unitPrice, taxRateBp) => {
          let from = 0
          let net = 0
          let tax = 0
          for (const quantity of sizes) {
            const slice = lineSliceAmounts({ from, quantity, unitPrice, taxRateBp })
            expect(slice.tax).toBeGreaterThanOrEqual(0)
            expect(slice.net).toBe(quantity * unitPrice)
            expect(slice.gross).toBe(slice.net + slice.tax)
            net += slice.net
            tax += slice.tax
            from += quantity
          }
          const whole = lineAmounts({ quantity: from, unitPrice, taxRateBp })
          expect(net).toBe(whole.net)
          expect(tax).toBe(whole.tax)
        },
      ),
    )
  })

  it('rejects an invalid start', () => {
    expectDomainError(() => lineSliceAmounts({ from: -1, quantity: 1, unitPrice: 5, taxRateBp: 0 }), 'errors.invalidQuantity', 'from')
  })
})

describe('creditLineAmounts', () => {
  // An invoice line from before decision 008 (each invoice rounded on its own) starts at 0 on its line's scale.
  const invoiceLine = { invoicedQuantity: 3, invoicedFrom: 0, unitPrice: 5, taxRateBp: 1000 }

  it('credits one unit at a time without ever crediting more tax than was invoiced', () => {
    const first = creditLineAmounts({ ...invoiceLine, alreadyCredited: 0, quantity: 1 })
    const second = creditLineAmounts({ ...invoiceLine, alreadyCredited: 1, quantity: 1 })
    const third = creditLineAmounts({ ...invoiceLine, alreadyCredited: 2, quantity: 1 })
    expect([first.tax, second.tax, third.tax]).toEqual([1, 0, 1])
    expect(first.gross + second.gross + third.gross).toBe(lineAmounts({ quantity: 3, unitPrice: 5, taxRateBp: 1000 }).gross)
  })

  it('leaves exactly a line of the remaining units invoiced', () => {
    // 2 x 5 at 10 %: tax 1. Crediting 1 leaves 1 x 5 (tax 0.5 -> 1), so the credit carries no tax.
    const line2 = { invoicedQuantity: 2, invoicedFrom: 0, unitPrice: 5, taxRateBp: 1000 }
    expect(creditLineAmounts({ ...line2, alreadyCredited: 0, quantity: 1 })).toEqual({ net: 5, tax: 0, gross: 5 })
    expect(creditLineAmounts({ ...line2, alreadyCredited: 1, quantity: 1 })).toEqual({ net: 5, tax: 1, gross: 6 })
  })

  it('credits the whole line back exactly', () => {
    expect(creditLineAmounts({ ...invoiceLine, alreadyCredited: 0, quantity: 3 })).toEqual({ net: 15, tax: 2, gross: 17 })
  })

  it('rejects crediting more than remains', () => {
    expectDomainError(() => creditLineAmounts({ ...invoiceLine, alreadyCredited: 2, quantity: 2 }), 'errors.overCredited', 'quantity')
    expectDomainError(() => creditLineAmounts({ ...invoiceLine, alreadyCredited: 4, quantity: 0 }), 'errors.overCredited')
    expectDomainError(() => creditLineAmounts({ ...invoiceLine, alreadyCredited: 0, quantity: -1 }), 'errors.invalidQuantity')
  })

  it('reports how much can still be credited', () => {
    try {
      creditLineAmounts({ ...invoiceLine, alreadyCredited: 2, quantity: 2 })
    } catch (e) {
      expect((e as DomainError).params).toEqual({ max: 1 })
    }
    expect.assertions(1)
  })

  it('any sequence of credits stays within the invoice line and reaches it when complete', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 100_000 }),
        rate,
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 15 }),
        (invoicedQuantity, unitPrice, taxRateBp, requests) => {
          const invoiced = lineAmounts({ quantity: invoicedQuantity, unitPrice, taxRateBp })
          let alreadyCredited = 0
          let tax = 0
          let gross = 0
          for (const requested of requests) {
            const quantity = Math.min(requested, invoicedQuantity - alreadyCredited)
            if (quantity === 0) break
            const credit = creditLineAmounts({ invoicedQuantity, invoicedFrom: 0, alreadyCredited, quantity, unitPrice, taxRateBp })
            expect(credit.tax).toBeGreaterThanOrEqual(0)
            tax += credit.tax
            gross += credit.gross
            alreadyCredited += quantity
            expect(tax).toBeLessThanOrEqual(invoiced.tax)
            expect(gross).toBeLessThanOrEqual(invoiced.gross)
            // What stays invoiced is what a fresh line of the remaining units would be.
            const remaining = lineAmounts({ quantity: invoicedQuantity - alreadyCredited, unitPrice, taxRateBp })
            expect(invoiced.tax - tax).toBe(remaining.tax)
            expect(invoiced.gross - gross).toBe(remaining.gross)
          }
          if (alreadyCredited === invoicedQuantity) {
            expect(tax).toBe(invoiced.tax)
            expect(gross).toBe(invoiced.gross)
          }
        },
      ),
    )
  })
})

describe('the amount still to invoice (decision 008)', () => {
  it('is the next slice of the line: 5 x 5 at 10 %, 2 done, 1 invoiced -> 5, not 6', () => {
    const line = { unitPrice: 5, taxRateBp: 1000, qtyFulfilled: 2, qtyInvoiced: 1 }
    expect(lineToInvoice(line)).toEqual({ from: 1, quantity: 1, net: 5, tax: 0, gross: 5 })
    expect(orderToInvoice({ cancelled: false, lines: [line] })).toEqual({ net: 5, tax: 0, gross: 5 })
  })

  it('is nothing when nothing is done beyond what is invoiced, and nothing on a cancelled order', () => {
    const line = { unitPrice: 5, taxRateBp: 1000, qtyFulfilled: 2, qtyInvoiced: 2 }
    expect(lineToInvoice(line)).toEqual({ from: 2, quantity: 0, net: 0, tax: 0, gross: 0 })
    expect(orderToInvoice({ cancelled: true, lines: [{ ...line, qtyInvoiced: 0 }] }).gross).toBe(0)
  })

  it('a line invoiced in three parts totals 17, not 18', () => {
    let qtyInvoiced = 0
    let total = 0
    for (const qtyFulfilled of [1, 2, 3]) {
      const slice = lineToInvoice({ unitPrice: 5, taxRateBp: 1000, qtyFulfilled, qtyInvoiced })
      total += slice.gross
      qtyInvoiced += slice.quantity
    }
    expect(total).toBe(17)
  })

  it('any split of a line into invoices and credit notes: invoices add up to the line, credits never exceed their invoice line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        rate,
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(9), fc.integer({ min: 1, max: 20 })), { maxLength: 10 }),
        (unitPrice, taxRateBp, parts, credits) => {
          // Invoice the line in parts, each invoice charging what was shown as still to invoice just before.
          let qtyInvoiced = 0
          const invoiced: Array<{
            from: number
            quantity: number
            tax: number
            gross: number
            credited: number
            creditedTax: number
            creditedGross: number
          }> = []
          for (const part of parts) {
            const line = { unitPrice, taxRateBp, qtyFulfilled: qtyInvoiced + part, qtyInvoiced }
            const shown = orderToInvoice({ cancelled: false, lines: [line] })
            const slice = lineToInvoice(line)
            expect(slice.gross).toBe(shown.gross)
            invoiced.push({
              from: slice.from,
              quantity: slice.quantity,
              tax: slice.tax,
              gross: slice.gross,
              credited: 0,
              creditedTax: 0,
              creditedGross: 0,
            })
            qtyInvoiced += slice.quantity
          }
          const whole = lineAmounts({ quantity: qtyInvoiced, unitPrice, taxRateBp })
          expect(invoiced.reduce((s, i) => s + i.gross, 0)).toBe(whole.gross)
          expect(invoiced.reduce((s, i) => s + i.tax, 0)).toBe(whole.tax)
          // Credit notes are negative slices of the same scale, from the top of each invoice line's stretch.
          for (const [which, requested] of credits) {
            const inv = invoiced[which % invoiced.length]!
            const quantity = Math.min(requested, inv.quantity - inv.credited)
            if (quantity === 0) continue
            const credit = creditLineAmounts({
              quantity,
              unitPrice,
              taxRateBp,
              invoicedQuantity: inv.quantity,
              invoicedFrom: inv.from,
              alreadyCredited: inv.credited,
            })
            expect(credit.tax).toBeGreaterThanOrEqual(0)
            inv.credited += quantity
            inv.creditedTax += credit.tax
            inv.creditedGross += credit.gross
            expect(inv.creditedGross).toBeLessThanOrEqual(inv.gross)
            expect(inv.creditedTax).toBeLessThanOrEqual(inv.tax)
            // What stays on the invoice line is exactly the slice of its units still invoiced.
            const left = lineSliceAmounts({ from: inv.from, quantity: inv.quantity - inv.credited, unitPrice, taxRateBp })
            expect(inv.gross - inv.creditedGross).toBe(left.gross)
          }
        },
      ),
    )
  })
})
