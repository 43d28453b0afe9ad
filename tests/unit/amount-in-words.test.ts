import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { amountInWordsVnd, numberInWords } from '@/domain/amount-in-words'
import { DomainError } from '@/domain/errors'

/** Reads the words back into a number: an independent reading of the same conventions, for the round-trip property. */
function readBack(text: string): number {
  const digit: Record<string, number> = {
    không: 0,
    một: 1,
    mốt: 1,
    hai: 2,
    ba: 3,
    bốn: 4,
    tư: 4,
    năm: 5,
    lăm: 5,
    sáu: 6,
    bảy: 7,
    tám: 8,
    chín: 9,
  }
  const SCALE: Record<string, number> = { nghìn: 1000, triệu: 1_000_000 }
  let billions = 0
  let total = 0
  let group = 0
  let current = 0
  for (const w of text.split(' ')) {
    if (w in digit) {
      current = digit[w]!
    } else if (w === 'trăm' || w === 'mươi') {
      group += current * (w === 'trăm' ? 100 : 10)
      current = 0
    } else if (w === 'mười') {
      group += 10
    } else if (w in SCALE) {
      total += (group + current) * SCALE[w]!
      group = 0
      current = 0
    } else if (w === 'tỷ') {
      billions = (total + group + current) * 1_000_000_000
      total = 0
      group = 0
      current = 0
    } else if (w !== 'lẻ') {
      throw new Error(`unknown word ${w}`)
    }
  }
  return billions + total + group + current
}

describe('amounts in Vietnamese words', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [100, 'một trăm'],
    [101, 'một trăm lẻ một'],
    [105, 'một trăm lẻ năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1_000, 'một nghìn'],
    [1_001, 'một nghìn không trăm lẻ một'],
    [1_010, 'một nghìn không trăm mười'],
    [1_024, 'một nghìn không trăm hai mươi tư'],
    [10_500, 'mười nghìn năm trăm'],
    [15_000, 'mười lăm nghìn'],
    [21_000, 'hai mươi mốt nghìn'],
    [100_000, 'một trăm nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_001, 'một triệu không trăm lẻ một'],
    [1_005_000, 'một triệu không trăm lẻ năm nghìn'],
    [13_600, 'mười ba nghìn sáu trăm'],
    [2_000_000_000, 'hai tỷ'],
    [1_005_000_000, 'một tỷ không trăm lẻ năm triệu'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [1_234_567_891, 'một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt'],
  ])('%i is "%s"', (n, words) => {
    expect(numberInWords(n)).toBe(words)
  })

  it('writes an invoice total with a capital and đồng, negatives with "Âm"', () => {
    expect(amountInWordsVnd(13_600)).toBe('Mười ba nghìn sáu trăm đồng')
    expect(amountInWordsVnd(0)).toBe('Không đồng')
    expect(amountInWordsVnd(-1_100)).toBe('Âm một nghìn một trăm đồng')
  })

  it('refuses what is not a whole number', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 60]) expect(() => numberInWords(bad)).toThrow(DomainError)
  })

  it('property: words read back to the number, with single spaces and only the words of the conventions', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 9_999 })), (n) => {
        const words = numberInWords(n)
        expect(words).not.toMatch(/\s{2}|^\s|\s$/)
        expect(readBack(words)).toBe(n)
      }),
      { numRuns: 2000 },
    )
  })

  it('every number below 1 000 reads back (exhaustive)', () => {
    for (let n = 0; n < 1000; n++) expect(readBack(numberInWords(n))).toBe(n)
  })
})
