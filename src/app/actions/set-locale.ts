'use server'

import { cookies } from 'next/headers'
import { LOCALE_COOKIE } from '@/i18n/locale'
import { setLocaleSchema } from '@/lib/schemas/profile'
import { runAction } from '@/server/action'
import { currentActor } from '@/server/auth/actor'
import { setOwnLocale } from '@/server/team/set-own-locale'

export async function setLocaleAction(raw: unknown) {
  const parsed = setLocaleSchema.safeParse(raw)
  if (!parsed.success) return { ok: false as const }
  // Signed out (login page, tracking page): the choice lives in a cookie only.
  ;(await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { sameSite: 'lax', httpOnly: true, path: '/', maxAge: 365 * 86400 })
  if (!(await currentActor())) return { ok: true as const }
  return runAction('setLocale', 'signed-in', setLocaleSchema, setOwnLocale, parsed.data)
}
