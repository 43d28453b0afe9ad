import 'server-only'
import type { SetLocaleInput } from '@/lib/schemas/profile'
import type { Actor } from '../auth/actor'
import { db } from '../db'

/** Everyone may choose their own language; it follows them to any counter. */
export async function setOwnLocale(actor: Actor, input: SetLocaleInput): Promise<{ locale: string }> {
  await db().user.update({ where: { id: actor.id }, data: { locale: input.locale }, select: { id: true } })
  return { locale: input.locale }
}
