import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_SEQ,
  canonicalPrefix,
  formatDocumentNumber,
  formatOrderNumber,
  isGapless,
  nextSeq,
  parseDocumentNumber,
  parseOrderNumberQuery,
} from '@/domain/numbering'

const prefix = fc.oneof(fc.constantFrom('HD', 'GG', 'DH', 'HĐ', 'INV', 'CN2', 'X'), fc.stringMatching(/^[A-Z][A-Z0-9]{0,9}$/))
const year = fc.integer({ min: 1000, max: 9999 })
const seq = fc.integer({ min: 1, max: MAX_SEQ })

describe('canonicalPrefix', () => {
  it('upper-cases and trims', () => {
    expect(canonicalPrefix(' hd ')).toBe('HD')
    expect(canonicalPrefix('hđ')).toBe('HĐ')
  })

  it.each(['', '1HD', 'H-D', 'H D', 'ABCDEFGHIJK', '#', 'HD_'])('rejects %j', (p) => {
    expect(() => canonicalPrefix(p)).toThrow(RangeError)
  })
})

describe('formatDocumentNumber', () => {
  it.each([
    ['HD', 2026, 123, 'HD-2026-000123'],
    ['HD', 2026, 1, 'HD-2026-000001'],
    ['GG', 2027, 999_999, 'GG-2027-999999'],
    ['HD', 2026, 1_000_000, 'HD-2026-1000000'],
    ['HD', 2026, MAX_SEQ, 'HD-2026-2147483647'],
    ['hd', 2026, 5, 'HD-2026-000005'],
    ['HĐ', 2026, 5, 'HĐ-2026-000005'],
  ])('(%s, %i, %i) -> %s', (p, y, s, expected) => {
    expect(formatDocumentNumber(p, y, s)).toBe(expected)
  })

  it.each<[string, number, number]>([
    ['HD', 2026, 0],
    ['HD', 2026, -1],
    ['HD', 2026, 1.5],
    ['HD', 2026, MAX_SEQ + 1],
    ['HD', 999, 1],
    ['HD', 10_000, 1],
    ['HD', 2026.5, 1],
    ['H-D', 2026, 1],
    ['', 2026, 1],
  ])('rejects (%j, %d, %d)', (p, y, s) => {
    expect(() => formatDocumentNumber(p, y, s)).toThrow(RangeError)
  })

  it('keeps numbers of one year in numeric order when sorted as text (up to 999999)', () => {
    const numbers = [1, 2, 10, 99, 100, 999_999].map((s) => formatDocumentNumber('HD', 2026, s))
    expect([...numbers].sort()).toEqual(numbers)
  })
})

describe('parseDocumentNumber', () => {
  it('parses canonical numbers', () => {
    expect(parseDocumentNumber('HD-2026-000123')).toEqual({ prefix: 'HD', year: 2026, seq: 123 })
    expect(parseDocumentNumber('HD-2026-1000000')).toEqual({ prefix: 'HD', year: 2026, seq: 1_000_000 })
    expect(parseDocumentNumber('HĐ-2026-000001')).toEqual({ prefix: 'HĐ', year: 2026, seq: 1 })
  })

  it('ignores case and surrounding spaces', () => {
    expect(parseDocumentNumber('  hd-2026-000123 ')).toEqual({ prefix: 'HD', year: 2026, seq: 123 })
  })

  it.each([
    '',
    'HD',
    'HD-2026',
    'HD-2026-',
    'HD-2026-123',
    'HD-2026-00123',
    'HD-2026-0001234',
    'HD-2026-000000',
    'HD-0999-000001',
    'HD-26-000001',
    'HD-20260-000001',
    'HD 2026 000123',
    'HD--2026-000123',
    '-2026-000123',
    '1HD-2026-000123',
    'HD-2026-000123x',
    'HD-2026-00012a',
    'HD-2026-99999999999',
    'HD-2026-2147483648',
    'DH-000123',
  ])('rejects %j', (s) => {
    expect(parseDocumentNumber(s)).toBeNull()
  })

  it('rejects non-strings at runtime', () => {
    expect(parseDocumentNumber(42 as unknown as string)).toBeNull()
  })

  it('is the inverse of formatDocumentNumber', () => {
    fc.assert(
      fc.property(prefix, year, seq, (p, y, s) => {
        expect(parseDocumentNumber(formatDocumentNumber(p, y, s))).toEqual({ prefix: p.toUpperCase(), year: y, seq: s })
      }),
    )
  })

  it('formatting a parsed number gives it back (canonical form is unique)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,3}-[0-9]{4}-[0-9]{5,8}$/), (s) => {
        const parsed = parseDocumentNumber(s)
        if (parsed) expect(formatDocumentNumber(parsed.prefix, parsed.year, parsed.seq)).toBe(s)
      }),
    )
  })
})

describe('formatOrderNumber', () => {
  it.each([
    ['DH', 123, 'DH-000123'],
    ['DH', 1, 'DH-000001'],
    ['DH', 1_234_567, 'DH-1234567'],
    ['dh', 7, 'DH-000007'],
  ])('(%s, %i) -> %s', (p, n, expected) => {
    expect(formatOrderNumber(p, n)).toBe(expected)
  })

  it.each([0, -1, 1.5, MAX_SEQ + 1, Number.NaN])('rejects %d', (n) => {
    expect(() => formatOrderNumber('DH', n)).toThrow(RangeError)
  })
})

describe('parseOrderNumberQuery', () => {
  it.each([
    ['123', 123],
    ['#123', 123],
    ['DH-000123', 123],
    ['dh-123', 123],
    ['Dh-000123', 123],
    ['#DH-000123', 123],
    ['  DH-000123  ', 123],
    [' #42\t', 42],
    ['000123', 123],
    ['2147483647', MAX_SEQ],
  ])('%j -> %i', (q, n) => {
    expect(parseOrderNumberQuery(q)).toBe(n)
  })

  it.each([
    '',
    '   ',
    '#',
    'DH-',
    'DH',
    '0',
    '#0',
    'DH-000000',
    '-123',
    '+123',
    '12a',
    '1.5',
    '1 23',
    'DH 123',
    'DH123',
    '##123',
    'HD-000123',
    'HD-2026-000001',
    '2147483648',
    '99999999999',
    'Nguyễn',
  ])('%j -> null', (q) => {
    expect(parseOrderNumberQuery(q)).toBeNull()
  })

  it('uses the business prefix when given', () => {
    expect(parseOrderNumberQuery('ORD-5', 'ORD')).toBe(5)
    expect(parseOrderNumberQuery('ord-000005', 'ord')).toBe(5)
    expect(parseOrderNumberQuery('5', 'ORD')).toBe(5)
    expect(parseOrderNumberQuery('DH-5', 'ORD')).toBeNull()
  })

  it('rejects non-strings at runtime', () => {
    expect(parseOrderNumberQuery(undefined as unknown as string)).toBeNull()
  })

  it('reads back every formatted order number, in every accepted spelling', () => {
    fc.assert(
      fc.property(seq, prefix, (n, p) => {
        const formatted = formatOrderNumber(p, n)
        expect(parseOrderNumberQuery(formatted, p)).toBe(n)
        expect(parseOrderNumberQuery(formatted.toLowerCase(), p)).toBe(n)
        expect(parseOrderNumberQuery(`#${n}`, p)).toBe(n)
        expect(parseOrderNumberQuery(` ${n} `, p)).toBe(n)
      }),
    )
  })
})

describe('nextSeq', () => {
  it('adds one', () => {
    expect(nextSeq(0)).toBe(1)
    expect(nextSeq(41)).toBe(42)
    expect(nextSeq(MAX_SEQ - 1)).toBe(MAX_SEQ)
  })

  it.each([-1, 1.5, Number.NaN, MAX_SEQ])('rejects %d', (last) => {
    expect(() => nextSeq(last)).toThrow(RangeError)
  })
})

describe('isGapless', () => {
  it.each<[number[], number | undefined, boolean]>([
    [[], undefined, true],
    [[1], undefined, true],
    [[1, 2, 3], undefined, true],
    [[3, 1, 2], undefined, true],
    [[1, 3], undefined, false],
    [[1, 2, 2, 3], undefined, false],
    [[2, 3], undefined, false],
    [[0, 1], undefined, false],
    [[2, 3], 2, true],
    [[10, 11, 12], 10, true],
  ])('%o from %s -> %s', (seqs, start, expected) => {
    expect(start === undefined ? isGapless(seqs) : isGapless(seqs, start)).toBe(expected)
  })

  it('numbers issued with nextSeq are gapless; losing or reusing one breaks it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100 }), fc.nat(), (count, pick) => {
        const issued: number[] = []
        let last = 0
        for (let i = 0; i < count; i++) {
          last = nextSeq(last)
          issued.push(last)
        }
        expect(isGapless(issued)).toBe(true)
        const i = pick % (count - 1) // never the last one: dropping it leaves 1..n-1, still gapless
        expect(isGapless(issued.filter((_, j) => j !== i))).toBe(false)
        expect(isGapless([...issued, issued[pick % count]!])).toBe(false)
      }),
    )
  })
})
