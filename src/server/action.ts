import 'server-only'
import { getTranslations } from 'next-intl/server'
import type { z } from 'zod'
import type { ActionResult, FieldErrors } from '@/lib/action-result'
import { fieldIssues } from '@/lib/validation'
import { currentActor, type Actor } from './auth/actor'
import { toKnownFailure } from './errors'

/**
 * The boring part of every server action, done once: session -> zod parse -> use case -> error contract.
 * The use case itself checks the actor's permission first (it is also called by the API), so a forgotten check
 * here cannot open a hole.
 */
export async function runAction<S extends z.ZodType, R>(
  name: string,
  schema: S,
  execute: (actor: Actor, input: z.output<S>) => Promise<R>,
  raw: unknown,
): Promise<ActionResult<R>> {
  const t = await getTranslations()
  const actor = await currentActor()
  if (!actor) return { ok: false, code: 'UNAUTHENTICATED', fieldErrors: {}, formError: t('errors.unauthenticated') }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {}
    let formError: string | undefined
    for (const [path, refs] of Object.entries(fieldIssues(parsed.error))) {
      const messages = refs.map((r) => t(r.key, r.params))
      if (path === '') formError = messages[0]
      else fieldErrors[path] = messages
    }
    return { ok: false, code: 'INVALID', fieldErrors, formError: formError ?? t('errors.checkFields') }
  }
  try {
    return { ok: true, data: await execute(actor, parsed.data) }
  } catch (error) {
    const failure = toKnownFailure(error, name)
    const message = t(failure.messageKey, failure.params)
    return {
      ok: false,
      code: failure.code,
      fieldErrors: failure.field ? { [failure.field]: [message] } : {},
      formError: failure.field ? undefined : message,
      ref: failure.ref,
    }
  }
}
