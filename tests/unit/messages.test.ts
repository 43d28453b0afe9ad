import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { NAMESPACES } from '@/i18n/messages'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function load(locale: string, ns: string): unknown {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, '../../messages', locale, `${ns}.json`), 'utf8'))
}

describe('message files', () => {
  it.each(NAMESPACES)('%s has the same keys in English and Vietnamese', (ns) => {
    expect(keys(load('vi', ns)).sort()).toEqual(keys(load('en', ns)).sort())
  })

  it.each(NAMESPACES)('%s has no empty message', (ns) => {
    for (const locale of ['en', 'vi']) {
      const data = load(locale, ns)
      for (const key of keys(data)) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], data)
        if (key) expect(String(value).trim(), `${locale}/${ns}: ${key}`).not.toBe('')
      }
    }
  })
})
