import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_AMOUNT,
  assertAmount,
  currencyExponent,
  formatMoney,
  fromMinor,
  isAmount,
  parseLocaleAmount,
  roundHalfAwayFromZero,
  toDecimalString,
  toMinor,
} from '@/domain/money'

const NBSP = '\u00a0'
const amount = fc.integer({ min: -MAX_AMOUNT, max: MAX_AMOUNT })
const currency = fc.constantFrom('VND', 'EUR', 'JPY', 'BHD', 'USD')

describe('currencyExponent', () => {
  it.each([
    ['VND', 0],
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['eur', 2],
    ['vnd', 0],
  ])('%s has %i decimals', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent)
  })

  it('returns the cached value on repeated calls', () => {
    expect(currencyExponent('EUR')).toBe(2)
    expect(currencyExponent('EUR')).toBe(2)
  })

  it.each(['', 'EU', 'EURO', '€', '12A', 'E R', 'VN$'])('throws RangeError for %j', (code) => {
    expect(() => currencyExponent(code)).toThrow(RangeError)
  })

  it('throws RangeError for a non-string at runtime', () => {
    expect(() => currencyExponent(undefined as unknown as string)).toThrow(RangeError)
  })
})

describe('formatMoney', () => {
  it('formats VND with no decimals in Vietnamese and English', () => {
    expect(formatMoney(150000, 'VND', 'vi')).toBe(`150.000${NBSP}₫`)
    expect(formatMoney(150000, 'VND', 'en')).toBe('₫150,000')
    expect(formatMoney(0, 'VND', 'vi')).toBe(`0${NBSP}₫`)
  })

  it('formats EUR minor units as cents', () => {
    expect(formatMoney(1250, 'EUR', 'en')).toBe('€12.50')
    expect(formatMoney(1250, 'EUR', 'vi')).toBe(`12,50${NBSP}€`)
    expect(formatMoney(5, 'EUR', 'en')).toBe('€0.05')
    expect(formatMoney(123456789, 'EUR', 'en')).toBe('€1,234,567.89')
    expect(formatMoney(MAX_AMOUNT, 'EUR', 'en')).toBe('€20,000,000.00')
  })

  it('formats negative amounts with a minus sign', () => {
    expect(formatMoney(-1250, 'EUR', 'en')).toBe('-€12.50')
    expect(formatMoney(-5, 'EUR', 'en')).toBe('-€0.05')
    expect(formatMoney(-150000, 'VND', 'vi')).toBe(`-150.000${NBSP}₫`)
  })

  it('never shows a negative zero', () => {
    expect(formatMoney(-0, 'EUR', 'en')).toBe('€0.00')
    expect(formatMoney(-0, 'VND', 'en')).toBe('₫0')
  })

  it('formats three-decimal and zero-decimal currencies', () => {
    expect(formatMoney(1234, 'BHD', 'en')).toBe(`BHD${NBSP}1.234`)
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500')
  })

  it('is exact even beyond the range where minor / 100 would be inexact', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR', 'en')).toBe('€90,071,992,547,409.91')
  })

  it('rejects non-integer amounts and invalid currencies', () => {
    expect(() => formatMoney(12.5, 'EUR', 'en')).toThrow(RangeError)
    expect(() => formatMoney(Number.NaN, 'EUR', 'en')).toThrow(RangeError)
    expect(() => formatMoney(2 ** 53, 'EUR', 'en')).toThrow(RangeError)
    expect(() => formatMoney(100, 'EURO', 'en')).toThrow(RangeError)
  })

  it('shows exactly the amount: stripping the symbol and grouping gives back the minor units', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('EUR', 'VND', 'BHD'), (minor, code) => {
        const plain = formatMoney(minor, code, 'en').replace(/[^\d.-]/g, '')
        expect(toMinor(plain, code)).toBe(minor)
      }),
    )
  })
})

describe('toDecimalString', () => {
  it.each([
    [1250, 'EUR', '12.50'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [-1250, 'EUR', '-12.50'],
    [0, 'EUR', '0.00'],
    [-0, 'EUR', '0.00'],
    [100, 'EUR', '1.00'],
    [150000, 'VND', '150000'],
    [-150000, 'VND', '-150000'],
    [1, 'BHD', '0.001'],
    [1234, 'BHD', '1.234'],
  ])('(%i, %s) -> %s', (minor, code, expected) => {
    expect(toDecimalString(minor, code)).toBe(expected)
  })

  it('rejects non-integers', () => {
    expect(() => toDecimalString(0.5, 'VND')).toThrow(RangeError)
  })
})

describe('fromMinor', () => {
  it('converts to major units', () => {
    expect(fromMinor(1250, 'EUR')).toBe(12.5)
    expect(fromMinor(-1, 'EUR')).toBe(-0.01)
    expect(fromMinor(150000, 'VND')).toBe(150000)
    expect(fromMinor(1234, 'BHD')).toBe(1.234)
  })

  it('never returns negative zero', () => {
    expect(Object.is(fromMinor(-0, 'EUR'), 0)).toBe(true)
  })

  it('rejects non-integers and unknown currencies', () => {
    expect(() => fromMinor(1.5, 'EUR')).toThrow(RangeError)
    expect(() => fromMinor(1, 'XX')).toThrow(RangeError)
  })

  it('round-trips through toMinor for every amount in range', () => {
    fc.assert(
      fc.property(amount, currency, (minor, code) => {
        expect(toMinor(fromMinor(minor, code), code)).toBe(minor)
      }),
    )
  })
})

describe('toMinor', () => {
  it.each([
    ['12.50', 'EUR', 1250],
    ['12.5', 'EUR', 1250],
    ['12', 'EUR', 1200],
    ['0.01', 'EUR', 1],
    ['.5', 'EUR', 50],
    ['12.', 'EUR', 1200],
    [' 12.50 ', 'EUR', 1250],
    ['-12.50', 'EUR', -1250],
    ['+3', 'EUR', 300],
    ['0001.00', 'EUR', 100],
    ['00000000000000000001', 'VND', 1],
    ['0', 'EUR', 0],
    ['150000', 'VND', 150000],
    ['1.234', 'BHD', 1234],
    ['20000000.00', 'EUR', MAX_AMOUNT],
    ['-20000000', 'EUR', -MAX_AMOUNT],
    ['2000000000', 'VND', MAX_AMOUNT],
  ])('%j %s -> %i', (input, code, expected) => {
    expect(toMinor(input, code)).toBe(expected)
  })

  it.each([
    ['12.505', 'EUR', 'more decimals than cents'],
    ['12.500', 'EUR', 'extra decimals even when zero'],
    ['150.000', 'VND', 'Vietnamese grouping would otherwise read as 150'],
    ['1.5', 'VND', 'VND has no minor unit'],
    ['12,50', 'EUR', 'comma decimal separator'],
    ['1,000', 'VND', 'grouping separator'],
    ['1e3', 'EUR', 'exponent notation'],
    ['', 'EUR', 'empty'],
    ['   ', 'EUR', 'blank'],
    ['.', 'EUR', 'lone dot'],
    ['-', 'EUR', 'lone sign'],
    ['--1', 'EUR', 'double sign'],
    ['abc', 'EUR', 'letters'],
    ['12.50€', 'EUR', 'symbol'],
    ['1 000', 'VND', 'inner space'],
    ['0x10', 'VND', 'hex'],
    ['20000000.01', 'EUR', 'above MAX_AMOUNT'],
    ['2000000001', 'VND', 'above MAX_AMOUNT'],
    ['-2000000001', 'VND', 'below -MAX_AMOUNT'],
    ['99999999999999999999', 'VND', 'far above MAX_AMOUNT'],
    ['١٢', 'VND', 'non-ASCII digits'],
  ])('%j %s -> null (%s)', (input, code) => {
    expect(toMinor(input, code)).toBeNull()
  })

  it('accepts numbers through their shortest decimal form', () => {
    expect(toMinor(12.5, 'EUR')).toBe(1250)
    expect(toMinor(150000, 'VND')).toBe(150000)
    expect(Object.is(toMinor(-0, 'EUR'), 0)).toBe(true)
    expect(toMinor(0.1 + 0.2, 'EUR')).toBeNull()
    expect(toMinor(Number.NaN, 'EUR')).toBeNull()
    expect(toMinor(Number.POSITIVE_INFINITY, 'EUR')).toBeNull()
    expect(toMinor(1e21, 'VND')).toBeNull()
    expect(toMinor(1.5, 'VND')).toBeNull()
  })

  it('returns null rather than throwing for non-string, non-number input', () => {
    expect(toMinor(null as unknown as string, 'EUR')).toBeNull()
  })

  it('still throws for an invalid currency (a programming error, not bad input)', () => {
    expect(() => toMinor('1', 'EURO')).toThrow(RangeError)
  })

  it('is the inverse of toDecimalString', () => {
    fc.assert(
      fc.property(amount, currency, (minor, code) => {
        expect(toMinor(toDecimalString(minor, code), code)).toBe(minor)
      }),
    )
  })

  it('rejects every amount with one decimal too many', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('EUR', 'VND', 'BHD'),
        fc.integer({ min: 0, max: 9 }),
        (minor, code, extraDigit) => {
          const text = toDecimalString(minor, code)
          const withExtra = `${text}${text.includes('.') ? '' : '.'}${extraDigit}`
          expect(toMinor(withExtra, code)).toBeNull()
        },
      ),
    )
  })
})

describe('assertAmount / isAmount', () => {
  it.each([0, 1, -1, MAX_AMOUNT, -MAX_AMOUNT, 150000])('accepts %i', (n) => {
    expect(assertAmount(n)).toBe(n)
    expect(isAmount(n)).toBe(true)
  })

  it.each([MAX_AMOUNT + 1, -MAX_AMOUNT - 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %d', (n) => {
    expect(() => assertAmount(n)).toThrow(RangeError)
    expect(isAmount(n)).toBe(false)
  })

  it('names the value in the message', () => {
    expect(() => assertAmount(0.5, 'deposit')).toThrow(/deposit/)
  })

  it('isAmount rejects non-numbers', () => {
    expect(isAmount('5')).toBe(false)
    expect(isAmount(null)).toBe(false)
  })

  it('MAX_AMOUNT fits Postgres int4', () => {
    expect(MAX_AMOUNT).toBeLessThanOrEqual(2 ** 31 - 1)
  })
})

/** Reference implementation in BigInt, written independently of the Number one. */
function referenceRound(n: number, d: number): number {
  const bn = BigInt(n)
  const bd = BigInt(d)
  const abs = (x: bigint) => (x < 0n ? -x : x)
  let q = abs(bn) / abs(bd)
  const r = abs(bn) % abs(bd)
  if (2n * r >= abs(bd)) q += 1n
  return Number(bn < 0n !== bd < 0n ? -q : q) || 0
}

describe('roundHalfAwayFromZero', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [5, -2, -3],
    [-5, -2, 3],
    [3, 2, 2],
    [1, 2, 1],
    [-1, 2, -1],
    [1, 3, 0],
    [2, 3, 1],
    [-2, 3, -1],
    [14, 10, 1],
    [15, 10, 2],
    [-15, 10, -2],
    [16, 10, 2],
    [25, 10, 3],
    [-25, 10, -3],
    [24999, 10000, 2],
    [25000, 10000, 3],
    [-25000, 10000, -3],
    [10, 5, 2],
    [-10, 5, -2],
    [0, 7, 0],
    [Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER],
    [Number.MAX_SAFE_INTEGER, 2, 2 ** 52],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1],
    [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER, 1],
    [-Number.MAX_SAFE_INTEGER, 3, -3002399751580330],
  ])('%i / %i -> %i', (n, d, expected) => {
    expect(roundHalfAwayFromZero(n, d)).toBe(expected)
  })

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-1, 3), 0)).toBe(true)
    expect(Object.is(roundHalfAwayFromZero(0, -3), 0)).toBe(true)
  })

  it('throws for zero or non-integer operands', () => {
    expect(() => roundHalfAwayFromZero(1, 0)).toThrow(RangeError)
    expect(() => roundHalfAwayFromZero(1.5, 2)).toThrow(RangeError)
    expect(() => roundHalfAwayFromZero(1, 2.5)).toThrow(RangeError)
    expect(() => roundHalfAwayFromZero(2 ** 53, 2)).toThrow(RangeError)
    expect(() => roundHalfAwayFromZero(Number.NaN, 2)).toThrow(RangeError)
  })

  const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
  const nonZero = safe.filter((d) => d !== 0)

  it('matches a BigInt reference on the whole safe-integer range', () => {
    fc.assert(
      fc.property(safe, nonZero, (n, d) => {
        expect(roundHalfAwayFromZero(n, d)).toBe(referenceRound(n, d))
      }),
    )
  })

  it('matches the reference on small operands, where halves are frequent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 20 }), (n, d) => {
        expect(roundHalfAwayFromZero(n, d)).toBe(referenceRound(n, d))
      }),
    )
  })

  it('is odd-symmetric and within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = roundHalfAwayFromZero(n, d)
        expect(roundHalfAwayFromZero(-n, d)).toBe(-q || 0)
        // |q*d - n| <= d/2, in integers
        expect(2 * Math.abs(q * d - n)).toBeLessThanOrEqual(d)
      }),
    )
  })
})

describe('parseLocaleAmount', () => {
  it.each([
    ['150.000', 'VND', 'vi', 150000],
    ['1.500.000', 'VND', 'vi', 1500000],
    ['150000', 'VND', 'vi', 150000],
    ['150 000', 'VND', 'vi', 150000],
    [' 150.000 ', 'VND', 'vi', 150000],
    ['-150.000', 'VND', 'vi', -150000],
    ['12,50', 'EUR', 'vi', 1250],
    ['1.234,5', 'EUR', 'vi', 123450],
    ['1,234.50', 'EUR', 'en', 123450],
    ['1234.50', 'EUR', 'en', 123450],
    ['150,000', 'VND', 'en', 150000],
    ['1 234,50', 'EUR', 'fr', 123450],
    ['1.234,50', 'EUR', 'de', 123450],
  ])('%j %s %s -> %i', (input, code, locale, expected) => {
    expect(parseLocaleAmount(input, code, locale)).toBe(expected)
  })

  it.each([
    ['1.50', 'EUR', 'vi', 'misplaced grouping'],
    ['1.5000', 'VND', 'vi', 'misplaced grouping'],
    ['12,5', 'VND', 'vi', 'VND has no decimals'],
    ['12,50', 'EUR', 'en', 'comma is grouping in en'],
    ['150.000', 'VND', 'en', 'dot is the decimal point in en'],
    ['1,234,5', 'EUR', 'en', 'bad group'],
    ['', 'VND', 'vi', 'empty'],
    ['abc', 'VND', 'vi', 'letters'],
    ['.000', 'VND', 'vi', 'no leading group'],
    ['3.000.000.000', 'VND', 'vi', 'above MAX_AMOUNT'],
  ])('%j %s %s -> null (%s)', (input, code, locale) => {
    expect(parseLocaleAmount(input, code, locale)).toBeNull()
  })

  it('reads back what Intl formats, in several locales', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('EUR', 'VND', 'BHD'), fc.constantFrom('en', 'vi', 'de', 'fr'), (minor, code, locale) => {
        const exponent = currencyExponent(code)
        const text = new Intl.NumberFormat(locale, {
          minimumFractionDigits: exponent,
          maximumFractionDigits: exponent,
        }).format(toDecimalString(minor, code) as Intl.StringNumericLiteral)
        expect(parseLocaleAmount(text, code, locale)).toBe(minor)
      }),
    )
  })
})
