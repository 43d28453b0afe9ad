// Which language a request gets (the staff member's setting, else an explicit choice made signed out, else the
// browser's Accept-Language) and that dates are formatted in the business time zone. src/i18n/request.ts is run with
// its Next.js inputs (session, cookies, headers, settings) replaced by plain values.
import { createFormatter } from 'next-intl'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { localeFromAcceptLanguage, LOCALE_COOKIE } from '@/i18n/locale'

const request = vi.hoisted(() => ({
  actor: null as null | { locale: 'en' | 'vi' | null },
  cookie: undefined as string | undefined,
  acceptLanguage: null as string | null,
  timeZone: 'Asia/Ho_Chi_Minh' as string | null,
}))

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === LOCALE_COOKIE && request.cookie !== undefined ? { name, value: request.cookie } : undefined),
  }),
  headers: async () => new Headers(request.acceptLanguage === null ? {} : { 'accept-language': request.acceptLanguage }),
}))
vi.mock('next-intl/server', () => ({ getRequestConfig: (fn: unknown) => fn }))
vi.mock('@/server/auth/actor', () => ({ currentActor: async () => request.actor }))
vi.mock('@/server/settings/get-settings', () => ({
  getSettings: async () => {
    if (request.timeZone === null) throw new Error('no database')
    return { timeZone: request.timeZone }
  },
}))

const { resolveLocale, default: requestConfig } = await import('@/i18n/request')
const config = requestConfig as unknown as () => Promise<{ locale: string; timeZone: string; messages: Record<string, unknown> }>

beforeEach(() => {
  request.actor = null
  request.cookie = undefined
  request.acceptLanguage = null
  request.timeZone = 'Asia/Ho_Chi_Minh'
})

describe('the browser language', () => {
  it.each([
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.5,vi;q=0.4', 'en'],
    ['fr-FR,vi;q=0.3,en;q=0.2', 'vi'],
    ['en;q=0.1,vi;q=0.9', 'vi'],
    ['EN-gb', 'en'],
    ['*', 'vi'],
    ['de', 'vi'],
    ['', 'vi'],
    [null, 'vi'],
  ] as const)('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale)
  })
})

describe('resolveLocale', () => {
  it('follows the browser when nobody is signed in (the customer tracking page)', async () => {
    request.acceptLanguage = 'en-US,en;q=0.9'
    expect(await resolveLocale()).toBe('en')
    request.acceptLanguage = 'vi'
    expect(await resolveLocale()).toBe('vi')
  })

  it("takes the staff member's own setting over the browser and over a signed-out choice", async () => {
    request.acceptLanguage = 'vi'
    request.cookie = 'vi'
    request.actor = { locale: 'en' }
    expect(await resolveLocale()).toBe('en')
    request.actor = { locale: 'vi' }
    request.acceptLanguage = 'en'
    expect(await resolveLocale()).toBe('vi')
  })

  it('uses the browser for staff who chose no language', async () => {
    request.actor = { locale: null }
    request.acceptLanguage = 'en-GB'
    expect(await resolveLocale()).toBe('en')
  })

  it('keeps a language picked with the switcher while signed out, and ignores a forged cookie', async () => {
    request.acceptLanguage = 'vi'
    request.cookie = 'en'
    expect(await resolveLocale()).toBe('en')
    request.cookie = 'xx'
    expect(await resolveLocale()).toBe('vi')
  })
})

describe('the request configuration', () => {
  it('loads every namespace in the chosen language and formats in the business time zone', async () => {
    request.acceptLanguage = 'vi'
    request.timeZone = 'Asia/Ho_Chi_Minh'
    const vi = await config()
    expect(vi.locale).toBe('vi')
    expect(vi.timeZone).toBe('Asia/Ho_Chi_Minh')
    expect((vi.messages.common as { nav: { signOut: string } }).nav.signOut).toBe('Đăng xuất')

    // 10:00 UTC is 17:00 at the shop, whatever the server's own zone, in both languages.
    const instant = new Date('2026-11-27T10:00:00Z')
    const time = (locale: string) =>
      createFormatter({ locale, timeZone: vi.timeZone }).dateTime(instant, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    expect(time('vi')).toBe('17:00')
    expect(time('en')).toBe('17:00')
  })

  it('another business time zone is used as set', async () => {
    request.timeZone = 'Europe/Berlin'
    expect((await config()).timeZone).toBe('Europe/Berlin')
  })

  it('falls back to the demo time zone when the settings cannot be read', async () => {
    request.timeZone = null
    request.acceptLanguage = 'en'
    const c = await config()
    expect(c).toMatchObject({ locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' })
  })
})
