import 'server-only'
import type { SetLocaleInput } from '@/lib/schemas/profile'
import type { Actor } from '../auth/actor'
import { db } from '../db'
import { setLocaleSchema } from '@/lib/schemas/profile'
import { defineUseCase } from '../use-case'

/** Everyone may choose their own language; it follows them to any counter. */
export async function setOwnLocale(actor: Actor, input: SetLocaleInput): Promise<{ locale: string }> {
  await db().user.update({ where: { id: actor.id }, data: { locale: input.locale }, select: { id: true } })
  return { locale: input.locale }
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const setOwnLocaleUseCase = defineUseCase({ name: 'setOwnLocale', tasks: 'signed-in', schema: setLocaleSchema, run: setOwnLocale })
