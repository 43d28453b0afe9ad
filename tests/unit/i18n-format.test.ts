// Numbers, money and dates reach the screen through Intl (formatMoney, next-intl's formatter), never by hand: a hand
// formatter would ignore the reader's language or the business time zone (the server runs in UTC, the shop does not).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@/domain/money'

const root = path.resolve(import.meta.dirname, '../..')
const NBSP = '\u00a0'

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
}

/** Calls that format with the machine's locale or time zone, or glue digits together. */
const HAND_FORMATTING =
  /\.(toLocaleString|toLocaleDateString|toLocaleTimeString|toFixed|getHours|getMinutes|getDate|getDay|getMonth|getFullYear)\(/

describe('formatting goes through Intl', () => {
  const files = [...sources('src/app'), ...sources('src/components')].filter((f) => !f.startsWith(path.join('src', 'app', 'api')))

  it.each(files)('%s formats nothing by hand', (file) => {
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n')
    const found = lines.flatMap((line, i) => (HAND_FORMATTING.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []))
    // A date formatter of its own must say which zone it means (UTC for calendar days such as "2026-11-27").
    const zoneless = lines.flatMap((line, i) =>
      /new Intl\.DateTimeFormat\(/.test(line) && !/timeZone/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
    )
    expect([...found, ...zoneless]).toEqual([])
  })
})

describe('money in the business currency', () => {
  it('VND has no minor digits in either language, whatever the amount', () => {
    for (const amount of [0, 1, 999, 1_026_300, 1_999_999_999, -50_000]) {
      expect(formatMoney(amount, 'VND', 'vi')).not.toMatch(/,\d{2}\D*$/)
      expect(formatMoney(amount, 'VND', 'en')).not.toMatch(/\.\d{2}$/)
    }
    expect(formatMoney(1_026_300, 'VND', 'vi')).toBe(`1.026.300${NBSP}₫`)
    expect(formatMoney(1_026_300, 'VND', 'en')).toBe('₫1,026,300')
  })

  it('a currency with cents shows them, in the reader’s conventions', () => {
    expect(formatMoney(123_456, 'EUR', 'vi')).toBe(`1.234,56${NBSP}€`)
    expect(formatMoney(123_456, 'EUR', 'en')).toBe('€1,234.56')
  })
})
