import type { ReactNode } from 'react'

/**
 * A table's columns from their message keys, in order; `end` names the ones aligned to the end (amounts, actions).
 * For DataTable's `columns`: the header reads the same words as the keys' translations.
 */
export function columnsFrom(t: (key: string) => ReactNode, keys: readonly string[], end: readonly string[] = []) {
  return keys.map((key) => ({ label: t(key), end: end.includes(key) }))
}
