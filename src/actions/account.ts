'use server'

// "My account": things every signed-in staff member may do for themselves (their own lunch break, their own open
// orders, their language). The use cases scope everything to the actor and declare 'signed-in': no task is needed,
// only a live session (docs/decisions/005).
import { cookies } from 'next/headers'
import { LOCALE_COOKIE } from '@/i18n/locale'
import { setLocaleSchema } from '@/lib/schemas/profile'
import { endOwnAbsenceUseCase } from '@/server/absences/end-own-absence'
import { planOwnLunchUseCase } from '@/server/absences/plan-own-lunch'
import { startOwnLunchUseCase } from '@/server/absences/start-own-lunch'
import { runAction } from '@/server/action'
import { currentActor } from '@/server/auth/actor'
import { reassignOwnOrdersUseCase } from '@/server/team/reassign-own-orders'
import { setOwnLocaleUseCase } from '@/server/team/set-own-locale'

export async function startOwnLunchAction(raw: unknown) {
  return runAction(startOwnLunchUseCase, raw)
}
export async function planOwnLunchAction(raw: unknown) {
  return runAction(planOwnLunchUseCase, raw)
}
export async function endOwnAbsenceAction(raw: unknown) {
  return runAction(endOwnAbsenceUseCase, raw)
}
export async function reassignOwnOrdersAction(raw: unknown) {
  return runAction(reassignOwnOrdersUseCase, raw)
}

/** Public on purpose: a signed-out visitor (login, tracking page) picks a language into a cookie; only a live session
 * also stores it on the person. */
export async function setLocaleAction(raw: unknown) {
  const parsed = setLocaleSchema.safeParse(raw)
  if (!parsed.success) return { ok: false as const }
  // Signed out (login page, tracking page): the choice lives in a cookie only.
  ;(await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { sameSite: 'lax', httpOnly: true, path: '/', maxAge: 365 * 86400 })
  if (!(await currentActor())) return { ok: true as const }
  return runAction(setOwnLocaleUseCase, parsed.data)
}
