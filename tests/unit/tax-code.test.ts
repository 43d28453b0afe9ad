import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mstCheckDigit, parseInvoiceSymbol, parseMst } from '@/domain/tax-code'

describe('tax code (MST) check digit', () => {
  // Published codes: python-stdnum's examples, Odoo's Viettel tests and well-known companies' registrations.
  it.each([
    ['0100233488', '0100233488'],
    ['0314409058-002', '0314409058-002'],
    ['0314409058002', '0314409058-002'],
    ['0312 68 78 78 - 001', '0312687878-001'],
    ['01.00.112.437', '0100112437'],
    ['0100109106-505', '0100109106-505'],
    ['0100109106', '0100109106'],
    [' 0100233488 ', '0100233488'],
  ])('accepts %s as %s', (input, printed) => {
    expect(parseMst(input)).toEqual({ ok: true, mst: printed })
  })

  it.each([
    ['0100233480', 'checkDigit'],
    ['0100233489', 'checkDigit'],
    ['12345', 'format'],
    ['01002334881', 'format'],
    ['0100233488-02', 'format'],
    ['01002334AB', 'format'],
    ['0100233488/002', 'format'],
    ['', 'format'],
    ['0100000000', 'sequence'],
    ['0314409058-000', 'branch'],
  ])('refuses %s (%s)', (input, problem) => {
    expect(parseMst(input)).toEqual({ ok: false, problem })
  })

  it('accepts a 12-digit personal identification number (individuals since 1 July 2025), not one written with a dash', () => {
    expect(parseMst('079201001234')).toEqual({ ok: true, mst: '079201001234' })
    expect(parseMst('0792010012-34')).toEqual({ ok: false, problem: 'format' })
  })

  it('computes 10 - (weighted sum mod 11), and has none when that is 10', () => {
    // 0,1,0,0,2,3,3,4,8 x 31,29,23,19,17,13,7,5,3 = 167; 167 mod 11 = 2; 10 - 2 = 8.
    expect(mstCheckDigit('010023348')).toBe(8)
    expect(mstCheckDigit('000000000')).toBeNull()
    expect(mstCheckDigit('12345678')).toBeNull()
    expect(mstCheckDigit('12345678a')).toBeNull()
  })

  it('property: exactly one tenth digit completes a base that has a check digit, and any single-digit typo is caught', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{2}[1-9]\d{6}$/),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (base, pos, delta) => {
          const check = mstCheckDigit(base)
          const accepted = Array.from({ length: 10 }, (_, d) => parseMst(`${base}${d}`).ok)
          expect(accepted.filter(Boolean).length).toBe(check === null ? 0 : 1)
          if (check === null) return
          expect(accepted[check]).toBe(true)
          // Changing one digit of the ten (weights are all prime to 11) changes the sum mod 11.
          const code = `${base}${check}`.split('')
          code[pos] = String((Number(code[pos]) + delta) % 10)
          const typo = code.join('')
          if (typo.slice(2, 9) !== '0000000') expect(parseMst(typo).ok).toBe(false)
        },
      ),
    )
  })
})

describe('invoice symbol', () => {
  it.each([
    ['C26TAA', true, 2026],
    ['c27tab', true, 2027],
    ['K26TYY', false, 2026],
    ['C26MAB', true, 2026],
  ])('accepts %s', (input, withCode, year) => {
    expect(parseInvoiceSymbol(input)).toEqual({ ok: true, symbol: input.toUpperCase(), withCode, year })
  })

  it.each(['', 'C26TA', 'C26TAAA', 'X26TAA', 'C2XTAA', 'C26XAA', 'C26T1A', '1C26TAA'])('refuses %s', (input) => {
    expect(parseInvoiceSymbol(input)).toEqual({ ok: false })
  })
})
