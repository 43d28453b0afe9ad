import type { Locale } from './locale'

// One file per namespace and language (messages/<locale>/<namespace>.json), so each area owns its words.
export const NAMESPACES = ['common', 'auth', 'errors', 'validation', 'front', 'back', 'manager', 'account', 'track', 'api', 'cash'] as const

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  )
  return Object.fromEntries(entries)
}
