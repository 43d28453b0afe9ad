// Text the database cannot store, refused before any schema sees it: PostgreSQL rejects U+0000 in text and jsonb, and
// a lone UTF-16 surrogate ("\ud800") cannot be encoded as UTF-8 — either would otherwise fail deep in a use case as an
// internal error (found by tests/integration/fuzz-actions.test.ts). Shared by server actions and the API.

const MAX_DEPTH = 32

/** The dotted path of the first string (value or key) that cannot be stored, '' for the input itself, or null. */
export function unstorableTextPath(value: unknown, path: string[] = [], seen = new Set<object>()): string | null {
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\u0000') ? null : path.join('.')
  if (typeof value !== 'object' || value === null || path.length > MAX_DEPTH || seen.has(value)) return null
  seen.add(value)
  for (const [key, child] of Object.entries(value)) {
    if (!key.isWellFormed() || key.includes('\u0000')) return [...path, key.replace(/[\u0000\ud800-\udfff]/g, '?')].join('.')
    const found = unstorableTextPath(child, [...path, key], seen)
    if (found !== null) return found
  }
  return null
}
