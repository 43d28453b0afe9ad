import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { depositAsk, findReference, invoiceMemo, judgeTransfer, orderMemo, unaccented } from '@/domain/bank-transfer'
import { formatDocumentNumber, formatOrderNumber } from '@/domain/numbering'

const prefixes = { order: 'DH', invoice: 'HĐ' }

describe('memos', () => {
  it('are short, unaccented, upper-case letters and digits', () => {
    expect(orderMemo('DH-000123')).toBe('DH000123')
    expect(invoiceMemo('HĐ-2026-000042')).toBe('HD2026000042')
    expect(unaccented('Đơn hàng số 5!')).toBe('DONHANGSO5')
  })
})

describe('findReference', () => {
  it.each([
    ['DH000123', { kind: 'ORDER', number: 123 }],
    ['MBVCB.3278907687.DH000123.CT tu 0123456789 NGUYEN VAN A toi 0071000888999', { kind: 'ORDER', number: 123 }],
    ['IBFT dh123 thanh toan', { kind: 'ORDER', number: 123 }],
    ['Thanh toán HĐ2026000042', { kind: 'INVOICE', year: 2026, seq: 42 }],
    ['HD2026000042-DH000007', { kind: 'INVOICE', year: 2026, seq: 42 }],
  ])('finds %j', (text, expected) => {
    expect(findReference(text, prefixes)).toEqual(expected)
  })

  it.each(['', 'chuyen tien', 'DH', 'DH0', 'XDH123', 'DH12345678901'])('finds nothing in %j', (text) => {
    expect(findReference(text, prefixes)).toBeNull()
  })

  it('finds the order whose memo the QR code carried, whatever the bank wraps around it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_147_483_647 }),
        fc.stringMatching(/^[a-z ]{0,20}$/),
        fc.stringMatching(/^[a-z .]{0,20}$/),
        (n, before, after) => {
          const memo = orderMemo(formatOrderNumber('DH', n))
          expect(findReference(`${before} ${memo} ${after}`, prefixes)).toEqual({ kind: 'ORDER', number: n })
        },
      ),
    )
  })

  it('finds the invoice whose memo the QR code carried (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 2_147_483_647 }), (year, seq) => {
        expect(findReference(`TT ${invoiceMemo(formatDocumentNumber('HĐ', year, seq))}`, prefixes)).toEqual({ kind: 'INVOICE', year, seq })
      }),
    )
  })
})

describe('depositAsk', () => {
  it('asks the share of the total not yet held, within what is left', () => {
    expect(depositAsk(502_000, 0, 502_000, 50)).toBe(251_000)
    expect(depositAsk(502_000, 100_000, 402_000, 50)).toBe(151_000)
    expect(depositAsk(502_000, 300_000, 202_000, 50)).toBe(0)
    expect(depositAsk(100_001, 0, 100_001, 50)).toBe(50_001)
    expect(depositAsk(100_000, 0, 100_000, 100)).toBe(100_000)
  })
  it('refuses a share outside 1-100', () => {
    expect(() => depositAsk(1, 0, 1, 0)).toThrow(RangeError)
    expect(() => depositAsk(1, 0, 1, 101)).toThrow(RangeError)
  })
  it('never asks more than is left nor less than nothing (property)', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), fc.integer({ min: 1, max: 100 }), (total, held, percent) => {
        const left = total - held
        const ask = depositAsk(total, held, left, percent)
        expect(ask).toBeGreaterThanOrEqual(0)
        expect(ask).toBeLessThanOrEqual(Math.max(0, left))
      }),
    )
  })
})

describe('judgeTransfer', () => {
  const target = { open: 502_000, asked: [502_000, 251_000], cancelled: false }
  it('applies an amount a QR code asked for', () => {
    expect(judgeTransfer(502_000, target)).toEqual({ ok: true })
    expect(judgeTransfer(251_000, target)).toEqual({ ok: true })
  })
  it.each([
    [600_000, target, 'OVERPAYMENT'],
    [502_001, target, 'OVERPAYMENT'],
    [100_000, target, 'WRONG_AMOUNT'],
    [502_000, { ...target, open: 0 }, 'ALREADY_PAID'],
    [502_000, { ...target, cancelled: true }, 'CANCELLED'],
  ] as const)('leaves %d to a person', (amount, t, reason) => {
    expect(judgeTransfer(amount, t)).toEqual({ ok: false, reason })
  })
  it('never applies more than is open (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: 1, max: 1e9 })),
        (amount, open, asked) => {
          const verdict = judgeTransfer(amount, { open, asked, cancelled: false })
          if (verdict.ok) expect(amount).toBeLessThanOrEqual(open)
        },
      ),
    )
  })
})
