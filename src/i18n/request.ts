import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { currentActor } from '@/server/auth/actor'
import { getSettings } from '@/server/settings/get-settings'
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from './locale'
import { loadMessages } from './messages'

// No locale in the URL: staff choose a language in their profile, everyone else gets the browser's.
export async function resolveLocale(): Promise<Locale> {
  const actor = await currentActor().catch(() => null)
  if (actor?.locale) return actor.locale
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value
  if (isLocale(cookie)) return cookie
  return localeFromAcceptLanguage((await headers()).get('accept-language'))
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale()
  const settings = await getSettings().catch(() => null)
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: settings?.timeZone ?? 'Asia/Ho_Chi_Minh',
  }
})
