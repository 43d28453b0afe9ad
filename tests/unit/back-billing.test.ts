import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addToAging,
  agingBucket,
  allocateOldestFirst,
  cashChange,
  checkPayment,
  checkRefund,
  checkReturn,
  csvCell,
  csvDocument,
  csvRow,
  daysBetween,
  emptyAging,
  invoiceOpen,
  maxPayable,
  maxRefund,
  maxReturn,
  orderCost,
  paymentUnallocated,
  planSettlement,
  withReturns,
  type LedgerAllocation,
  type LedgerInvoice,
  type LedgerPayment,
} from '@/domain/billing'
import { DomainError, isDomainError } from '@/domain/errors'
import { MAX_AMOUNT } from '@/domain/money'

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0)

describe('invoice and payment balances', () => {
  it('an invoice is open for its total less credits and allocations (refunds allocate negatively)', () => {
    const inv: LedgerInvoice = { id: 'i1', total: 1000, credited: 300 }
    const allocations: LedgerAllocation[] = [
      { paymentId: 'p1', invoiceId: 'i1', amount: 500 },
      { paymentId: 'p2', invoiceId: 'i2', amount: 999 },
    ]
    expect(invoiceOpen(inv, allocations)).toBe(200)
    expect(invoiceOpen(inv, [...allocations, { paymentId: 'p3', invoiceId: 'i1', amount: 400 }])).toBe(-200)
    expect(
      invoiceOpen(inv, [
        ...allocations,
        { paymentId: 'p3', invoiceId: 'i1', amount: 400 },
        { paymentId: 'r1', invoiceId: 'i1', amount: -200 },
      ]),
    ).toBe(0)
  })

  it('a payment is unallocated for what no allocation row uses', () => {
    expect(
      paymentUnallocated({ id: 'p1', amount: 1000 }, [
        { paymentId: 'p1', invoiceId: 'i1', amount: 600 },
        { paymentId: 'p2', invoiceId: 'i1', amount: 50 },
      ]),
    ).toBe(400)
    expect(paymentUnallocated({ id: 'p1', amount: 1000 }, [])).toBe(1000)
  })

  it('refuses non-integer amounts', () => {
    expect(() => invoiceOpen({ id: 'i', total: 1.5, credited: 0 }, [])).toThrow(RangeError)
    expect(() => paymentUnallocated({ id: 'p', amount: Number.NaN }, [])).toThrow(RangeError)
  })
})

describe('allocateOldestFirst', () => {
  it('fills invoices in the given order, skipping settled and over-paid ones', () => {
    const result = allocateOldestFirst(1500, [
      { id: 'a', open: 0 },
      { id: 'b', open: 1000 },
      { id: 'c', open: -50 },
      { id: 'd', open: 800 },
    ])
    expect(result).toEqual({
      allocations: [
        { invoiceId: 'b', amount: 1000 },
        { invoiceId: 'd', amount: 500 },
      ],
      rest: 0,
    })
  })

  it('returns what is left over', () => {
    expect(allocateOldestFirst(100, [{ id: 'a', open: 30 }])).toEqual({ allocations: [{ invoiceId: 'a', amount: 30 }], rest: 70 })
    expect(allocateOldestFirst(0, [{ id: 'a', open: 30 }])).toEqual({ allocations: [], rest: 0 })
    expect(() => allocateOldestFirst(-1, [])).toThrow(RangeError)
  })

  it('never gives an invoice more than it has open, keeps every unit, and fills older invoices first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.array(fc.integer({ min: -1000, max: 1_000_000 }), { maxLength: 8 }),
        (amount, opens) => {
          const invoices = opens.map((open, i) => ({ id: `i${i}`, open }))
          const { allocations, rest } = allocateOldestFirst(amount, invoices)
          expect(sum(allocations.map((a) => a.amount)) + rest).toBe(amount)
          expect(rest).toBeGreaterThanOrEqual(0)
          for (const a of allocations) {
            const inv = invoices.find((i) => i.id === a.invoiceId)!
            expect(a.amount).toBeGreaterThan(0)
            expect(a.amount).toBeLessThanOrEqual(inv.open)
          }
          // A later invoice gets something only when every earlier open one is full.
          const last = allocations[allocations.length - 1]
          if (last) {
            const lastIndex = invoices.findIndex((i) => i.id === last.invoiceId)
            for (const inv of invoices.slice(0, lastIndex)) {
              if (inv.open > 0) expect(allocations.find((a) => a.invoiceId === inv.id)?.amount).toBe(inv.open)
            }
          }
          // Money is left over only when every open invoice is full.
          if (rest > 0) expect(sum(allocations.map((a) => a.amount))).toBe(sum(invoices.filter((i) => i.open > 0).map((i) => i.open)))
        },
      ),
    )
  })
})

describe('planSettlement', () => {
  it('applies a deposit to the first invoice', () => {
    const rows = planSettlement([{ id: 'i1', total: 4320, credited: 0 }], [{ id: 'dep', amount: 3000 }], [])
    expect(rows).toEqual([{ paymentId: 'dep', invoiceId: 'i1', amount: 3000 }])
  })

  it('caps what it applies at what the invoice asks', () => {
    const rows = planSettlement([{ id: 'i1', total: 1000, credited: 0 }], [{ id: 'dep', amount: 3000 }], [])
    expect(rows).toEqual([{ paymentId: 'dep', invoiceId: 'i1', amount: 1000 }])
  })

  it('moves the surplus of a credited invoice to the re-issued one', () => {
    const invoices = [
      { id: 'i1', total: 1000, credited: 1000 },
      { id: 'i2', total: 1000, credited: 0 },
    ]
    const rows = planSettlement(invoices, [{ id: 'p', amount: 1000 }], [{ paymentId: 'p', invoiceId: 'i1', amount: 1000 }])
    expect(rows).toEqual(
      expect.arrayContaining([
        { paymentId: 'p', invoiceId: 'i2', amount: 1000 },
        { paymentId: 'p', invoiceId: 'i1', amount: -1000 },
      ]),
    )
    expect(rows).toHaveLength(2)
  })

  it('uses unallocated money before surplus, oldest payment first', () => {
    const rows = planSettlement(
      [
        { id: 'i1', total: 500, credited: 200 },
        { id: 'i2', total: 400, credited: 0 },
      ],
      [
        { id: 'p1', amount: 500 },
        { id: 'p2', amount: 100 },
      ],
      [{ paymentId: 'p1', invoiceId: 'i1', amount: 500 }],
    )
    // i2 needs 400: 100 unallocated from p2, then 200 surplus of i1 (paid by p1).
    expect(rows).toEqual(
      expect.arrayContaining([
        { paymentId: 'p2', invoiceId: 'i2', amount: 100 },
        { paymentId: 'p1', invoiceId: 'i2', amount: 200 },
        { paymentId: 'p1', invoiceId: 'i1', amount: -200 },
      ]),
    )
  })

  it('does nothing when nothing is open or no money is held', () => {
    expect(planSettlement([{ id: 'i1', total: 100, credited: 0 }], [], [])).toEqual([])
    expect(
      planSettlement(
        [{ id: 'i1', total: 100, credited: 0 }],
        [{ id: 'p', amount: 100 }],
        [{ paymentId: 'p', invoiceId: 'i1', amount: 100 }],
      ),
    ).toEqual([])
    expect(planSettlement([], [{ id: 'p', amount: 100 }], [])).toEqual([])
  })

  // Random books reached the way the server reaches them: invoices, credits, payments (allocated or held) and
  // refunds, each followed by a settlement.
  const ledgerArb = fc
    .record({
      totals: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 0, maxLength: 5 }),
      creditShares: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 5 }),
      payments: fc.array(fc.record({ amount: fc.integer({ min: 1, max: 80_000 }), target: fc.integer({ min: -1, max: 4 }) }), {
        maxLength: 6,
      }),
    })
    .map(({ totals, creditShares, payments }) => {
      const invoices: LedgerInvoice[] = totals.map((total, i) => ({
        id: `i${i}`,
        total,
        credited: Math.floor((total * (creditShares[i] ?? 0)) / 100),
      }))
      const ledgerPayments: LedgerPayment[] = []
      const allocations: LedgerAllocation[] = []
      payments.forEach((p, k) => {
        const id = `p${k}`
        ledgerPayments.push({ id, amount: p.amount })
        // Some payments were allocated to an invoice before its credit note (so it may now be over-paid).
        const target = invoices[p.target]
        if (target) {
          const open = target.total - allocations.filter((a) => a.invoiceId === target.id).reduce((s, a) => s + a.amount, 0)
          const share = Math.min(open, p.amount)
          if (share > 0) allocations.push({ paymentId: id, invoiceId: target.id, amount: share })
        }
      })
      return { invoices, payments: ledgerPayments, allocations }
    })

  it('never over-allocates a payment, never over-fills an invoice, and leaves no invoice open while usable money remains', () => {
    fc.assert(
      fc.property(ledgerArb, ({ invoices, payments, allocations }) => {
        const rows = planSettlement(invoices, payments, allocations)
        const after = [...allocations, ...rows]
        for (const r of rows) expect(r.amount).not.toBe(0)
        // Per payment: allocated within [0, amount].
        for (const p of payments) {
          const unallocated = paymentUnallocated(p, after)
          expect(unallocated).toBeGreaterThanOrEqual(0)
          expect(unallocated).toBeLessThanOrEqual(p.amount)
          for (const inv of invoices) {
            const onInvoice = after.filter((a) => a.paymentId === p.id && a.invoiceId === inv.id).reduce((s, a) => s + a.amount, 0)
            expect(onInvoice).toBeGreaterThanOrEqual(0)
          }
        }
        for (const inv of invoices) {
          const before = invoiceOpen(inv, allocations)
          const now = invoiceOpen(inv, after)
          // An open invoice only gets less open (never over-filled); an over-paid one only gives surplus away.
          if (before >= 0) expect(now).toBeGreaterThanOrEqual(0)
          if (before >= 0) expect(now).toBeLessThanOrEqual(before)
          if (before < 0) expect(now).toBeGreaterThanOrEqual(before)
          if (before < 0) expect(now).toBeLessThanOrEqual(0)
        }
        // Money is conserved: what the invoices gained is what left the payments' unallocated pool and the surpluses.
        expect(sum(rows.map((r) => r.amount))).toBe(
          sum(payments.map((p) => paymentUnallocated(p, allocations) - paymentUnallocated(p, after))),
        )
        // At rest: no invoice is open while money is unallocated or another invoice is over-paid.
        const anyOpen = invoices.some((i) => invoiceOpen(i, after) > 0)
        const spare = payments.some((p) => paymentUnallocated(p, after) > 0) || invoices.some((i) => invoiceOpen(i, after) < 0)
        expect(anyOpen && spare).toBe(false)
        // Settling settled books changes nothing.
        expect(planSettlement(invoices, payments, after)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})

describe('what may still be paid', () => {
  const money = { orderTotal: 10_000, invoicedNet: 0, held: 0, cancelled: false }

  it('an open order costs the larger of its total and what is invoiced; a cancelled one only what is invoiced', () => {
    expect(orderCost(money)).toBe(10_000)
    expect(orderCost({ ...money, invoicedNet: 10_004 })).toBe(10_004)
    expect(orderCost({ ...money, invoicedNet: 4_000, cancelled: true })).toBe(4_000)
  })

  it('refuses overpayment with the most that can still be paid', () => {
    expect(maxPayable({ ...money, held: 3_000 })).toBe(7_000)
    expect(checkPayment({ ...money, held: 3_000 }, 7_000)).toBeNull()
    const refusal = checkPayment({ ...money, held: 3_000 }, 7_001)
    expect(refusal).toBeInstanceOf(DomainError)
    expect(refusal).toMatchObject({ code: 'CONFLICT', messageKey: 'back.errors.overpayment', params: { max: 7_000 } })
    expect(checkPayment({ ...money, held: 10_000 }, 1)).toMatchObject({ messageKey: 'back.errors.nothingToPay' })
    expect(maxPayable({ ...money, held: 12_000 })).toBe(0)
  })

  it('caps a payment against one invoice at its open balance', () => {
    expect(checkPayment({ ...money, invoicedNet: 5_000 }, 4_000, 3_000)).toMatchObject({ params: { max: 3_000 } })
    expect(checkPayment({ ...money, invoicedNet: 5_000 }, 3_000, 3_000)).toBeNull()
    expect(checkPayment({ ...money, invoicedNet: 5_000 }, 1, 0)).toMatchObject({ messageKey: 'back.errors.nothingToPay' })
  })

  it('refuses zero, negative, fractional and huge amounts', () => {
    for (const amount of [0, -1, 1.5, Number.NaN]) expect(checkPayment(money, amount)).toMatchObject({ code: 'INVALID', field: 'amount' })
    expect(checkPayment({ ...money, orderTotal: MAX_AMOUNT }, MAX_AMOUNT + 1)).toMatchObject({ messageKey: 'errors.amountTooLarge' })
  })

  it('whatever the figures, an accepted payment keeps the money held within what the order costs', () => {
    fc.assert(
      fc.property(
        fc.record({
          orderTotal: fc.integer({ min: 0, max: 1e8 }),
          invoicedNet: fc.integer({ min: 0, max: 1e8 }),
          held: fc.integer({ min: 0, max: 1e8 }),
          cancelled: fc.boolean(),
        }),
        fc.integer({ min: 1, max: 2e8 }),
        (m, amount) => {
          const ok = checkPayment(m, amount) === null
          expect(ok).toBe(m.held + amount <= orderCost(m))
        },
      ),
    )
  })
})

describe('cash change', () => {
  it('is tendered minus amount, only for cash, never negative', () => {
    expect(cashChange('CASH', 1_320, 2_000)).toBe(680)
    expect(cashChange('CASH', 1_320, 1_320)).toBe(0)
    expect(cashChange('CARD', 1_320, undefined)).toBe(0)
    expect(cashChange('CARD', 1_320, 2_000)).toMatchObject({ messageKey: 'back.errors.tenderedOnlyCash', field: 'tendered' })
    expect(cashChange('CASH', 1_320, 1_000)).toMatchObject({ messageKey: 'back.errors.tenderedTooLow' })
  })
})

describe('refunds', () => {
  it('never more than credited, than over-paid, or than held', () => {
    expect(maxRefund({ creditTotal: 500, refundedOnCredit: 0, invoiceOpen: -500, held: 1000 })).toBe(500)
    expect(maxRefund({ creditTotal: 500, refundedOnCredit: 200, invoiceOpen: -300, held: 1000 })).toBe(300)
    // The customer paid 300 of 1000, then 500 was credited: they still owe 200, nothing to refund.
    expect(maxRefund({ creditTotal: 500, refundedOnCredit: 0, invoiceOpen: 200, held: 300 })).toBe(0)
    expect(maxRefund({ creditTotal: 500, refundedOnCredit: 0, invoiceOpen: -500, held: 100 })).toBe(100)
    expect(checkRefund({ creditTotal: 500, refundedOnCredit: 0, invoiceOpen: -500, held: 1000 }, 501)).toMatchObject({
      messageKey: 'back.errors.overRefund',
      params: { max: 500 },
    })
    expect(checkRefund({ creditTotal: 500, refundedOnCredit: 0, invoiceOpen: 0, held: 1000 }, 1)).toMatchObject({
      messageKey: 'back.errors.nothingToRefund',
    })
    expect(checkRefund({ creditTotal: 500, refundedOnCredit: 0, invoiceOpen: -500, held: 1000 }, 0)).toMatchObject({ code: 'INVALID' })
  })

  it('an accepted refund never exceeds any of its three limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 1, max: 1e7 }),
        (creditTotal, refunded, open, held, amount) => {
          const f = { creditTotal, refundedOnCredit: Math.min(refunded, creditTotal), invoiceOpen: open, held }
          if (checkRefund(f, amount) === null) {
            expect(amount).toBeLessThanOrEqual(f.creditTotal - f.refundedOnCredit)
            expect(amount).toBeLessThanOrEqual(-open)
            expect(amount).toBeLessThanOrEqual(held)
          }
        },
      ),
    )
  })
})

describe('returning unapplied money (cancelled orders)', () => {
  const cancelled = { orderTotal: 10_000, invoicedNet: 0, held: 4000, cancelled: true }

  it('returns only on a cancelled order, only unapplied money beyond what the order still costs', () => {
    expect(maxReturn(cancelled, 4000)).toBe(4000)
    expect(maxReturn({ ...cancelled, cancelled: false }, 4000)).toBe(0)
    expect(maxReturn({ ...cancelled, invoicedNet: 3000, held: 5000 }, 2000)).toBe(2000)
    // Money that paid an invoice is not unapplied; it needs a credit note first.
    expect(maxReturn({ ...cancelled, invoicedNet: 3000, held: 3000 }, 0)).toBe(0)
  })

  it('refuses with the reason a cashier can act on', () => {
    expect(checkReturn({ ...cancelled, cancelled: false }, 4000, 1)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'back.errors.returnOnlyCancelled',
    })
    expect(checkReturn(cancelled, 0, 1)).toMatchObject({ messageKey: 'back.errors.nothingToReturn' })
    expect(checkReturn(cancelled, 4000, 4001)).toMatchObject({
      messageKey: 'back.errors.overReturn',
      params: { max: 4000 },
      field: 'amount',
    })
    expect(checkReturn(cancelled, 4000, 0)).toMatchObject({ code: 'INVALID' })
    expect(checkReturn(cancelled, 4000, Number.NaN)).toMatchObject({ code: 'INVALID' })
    expect(checkReturn(cancelled, 4000, 4000)).toBeNull()
  })

  it('takes returned money from the newest payments first and drops emptied ones', () => {
    const payments = [
      { id: 'a', amount: 1000 },
      { id: 'b', amount: 500 },
    ]
    expect(withReturns(payments, [], 700)).toEqual([{ id: 'a', amount: 800 }])
    expect(withReturns(payments, [], 0)).toEqual(payments)
    // Allocated money is not returned: only the unallocated part of a payment shrinks.
    expect(withReturns(payments, [{ paymentId: 'b', invoiceId: 'i', amount: 500 }], 300)).toEqual([
      { id: 'a', amount: 700 },
      { id: 'b', amount: 500 },
    ])
  })

  it('never returns more than the unapplied money, whatever the figures', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 300_000 }),
        (amounts, returned) => {
          const payments = amounts.map((amount, i) => ({ id: `p${i}`, amount }))
          const before = amounts.reduce((s, a) => s + a, 0)
          const after = withReturns(payments, [], returned).reduce((s, p) => s + p.amount, 0)
          expect(after).toBe(Math.max(0, before - returned))
        },
      ),
    )
  })
})

describe('receivables ageing', () => {
  it('counts calendar days between business days', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30)
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-03-10', '2026-03-09')).toBe(-1)
    expect(() => daysBetween('2026-13-01', '2026-01-01')).toThrow(RangeError)
  })

  it('puts ages into 0-30, 31-60, 61-90 and 90+', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(agingBucket)).toEqual(['0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '90+', '90+'])
  })

  it('buckets add up to the total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 1e7 })), { maxLength: 30 }), (items) => {
        const totals = emptyAging()
        for (const [age, open] of items) addToAging(totals, age, open)
        expect(totals['0-30'] + totals['31-60'] + totals['61-90'] + totals['90+']).toBe(totals.total)
        expect(totals.total).toBe(sum(items.map(([, open]) => open)))
      }),
    )
  })
})

/** A strict RFC 4180 reader for the round-trip property. */
function parseCsvRow(line: string): string[] {
  const cells: string[] = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = ''
      i++
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"'
          i += 2
        } else if (line[i] === '"') {
          i++
          break
        } else {
          value += line[i]
          i++
        }
      }
      cells.push(value)
      i++ // the comma
    } else {
      const end = line.indexOf(',', i)
      cells.push(end < 0 ? line.slice(i) : line.slice(i, end))
      i = end < 0 ? line.length + 1 : end + 1
    }
  }
  return cells
}

describe('CSV cells', () => {
  it('neutralises formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+84 90')).toBe("'+84 90")
    expect(csvCell('-1+1')).toBe("'-1+1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('Nguyễn Văn A')).toBe('Nguyễn Văn A')
  })

  it('quotes separators, quotes and line breaks, and writes numbers as numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(-150000)).toBe('-150000')
    expect(csvCell(12.5)).toBe('12.5')
    expect(csvCell(null)).toBe('')
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })

  it('a document starts with a BOM and ends rows with CRLF', () => {
    expect(
      csvDocument([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('\uFEFFa,1\r\nb,2\r\n')
  })

  it('round-trips any text, with dangerous starts defused', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !s.includes('\n') && !s.includes('\r')),
          { minLength: 1, maxLength: 6 },
        ),
        (values) => {
          const parsed = parseCsvRow(csvRow(values))
          expect(parsed).toEqual(values.map((v) => (/^[=+\-@\t]/.test(v) ? `'${v}` : v)))
          for (const cell of parsed) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
        },
      ),
    )
  })
})

describe('errors are domain errors', () => {
  it('carries message keys, not text', () => {
    const e = checkPayment({ orderTotal: 1, invoicedNet: 0, held: 0, cancelled: false }, 2)
    expect(isDomainError(e)).toBe(true)
  })
})
