// Pure: which of our languages a browser prefers. Vietnamese first when the browser ranks it above English.
export const LOCALES = ['en', 'vi'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'vi'
export const LOCALE_COOKIE = 'handoff-locale'

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'vi'
}

export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1, i }
    })
    .filter((x) => x.lang)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  for (const { lang } of ranked) if (isLocale(lang)) return lang
  return DEFAULT_LOCALE
}
