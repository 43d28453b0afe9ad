import { describe, expect, it } from 'vitest'
import { formatBpForInput, parsePercentToBp } from '@/domain/rates'

describe('parsePercentToBp', () => {
  it.each([
    ['8', 'en', 800],
    ['8.5', 'en', 850],
    ['8,5', 'vi', 850],
    ['8.5', 'vi', 850],
    ['10.25 %', 'en', 1025],
    [' 0 ', 'en', 0],
    ['100', 'vi', 10_000],
    ['7.05', 'en', 705],
  ])('%s (%s) is %i bp', (input, locale, bp) => {
    expect(parsePercentToBp(input, locale)).toBe(bp)
  })

  it.each([
    ['', 'en'],
    ['abc', 'en'],
    ['8,5', 'en'],
    ['100.01', 'en'],
    ['101', 'en'],
    ['-1', 'en'],
    ['8.555', 'en'],
    ['1e1', 'en'],
    ['1,000', 'en'],
  ])('refuses %s (%s)', (input, locale) => {
    expect(parsePercentToBp(input, locale)).toBeNull()
  })
})

describe('formatBpForInput', () => {
  it('round-trips through parsePercentToBp', () => {
    for (const locale of ['en', 'vi']) {
      for (const bp of [0, 5, 800, 850, 1000, 1025, 10_000]) {
        expect(parsePercentToBp(formatBpForInput(bp, locale), locale)).toBe(bp)
      }
    }
    expect(formatBpForInput(850, 'vi')).toBe('8,5')
    expect(formatBpForInput(1000, 'en')).toBe('10')
  })
})
