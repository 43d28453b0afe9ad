import 'server-only'
import { getTranslations } from 'next-intl/server'
import type { z } from 'zod'
import { mayCall } from '@/domain/permissions'
import type { ActionResult, FieldErrors } from '@/lib/action-result'
import { unstorableTextPath } from '@/lib/safe-input'
import { fieldIssues } from '@/lib/validation'
import { currentActor } from './auth/actor'
import { messageFormats, toKnownFailure } from './errors'
import type { ActionUseCase } from './use-case'

/**
 * The boring part of every server action, done once, in the order docs/architecture.md describes: session -> permission -> zod
 * parse (after refusing text the database cannot store: NUL, lone surrogates) -> use case -> error contract. Someone who may not call the action learns nothing about its input rules.
 * Who may call, the schema and the use case come from the use case's own declaration (src/server/use-case.ts).
 * The use case checks the actor's permission again (it is also called by the API): defence in depth.
 */
export async function runAction<S extends z.ZodType, R>(useCase: ActionUseCase<S, R>, raw: unknown): Promise<ActionResult<R>> {
  const { name, tasks, schema, run } = useCase
  const t = await getTranslations()
  const actor = await currentActor()
  if (!actor) return { ok: false, code: 'UNAUTHENTICATED', fieldErrors: {}, formError: t('errors.unauthenticated') }
  if (!mayCall(actor, tasks)) return { ok: false, code: 'FORBIDDEN', fieldErrors: {}, formError: t('errors.forbidden') }
  const unstorable = unstorableTextPath(raw)
  if (unstorable !== null) {
    const message = t('validation.invalid')
    return unstorable === ''
      ? { ok: false, code: 'INVALID', fieldErrors: {}, formError: message }
      : { ok: false, code: 'INVALID', fieldErrors: { [unstorable]: [message] }, formError: t('errors.checkFields') }
  }
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
    return { ok: true, data: await run(actor, parsed.data) }
  } catch (error) {
    const failure = toKnownFailure(error, name)
    const message = t(failure.messageKey, failure.params, messageFormats(failure.params))
    return {
      ok: false,
      code: failure.code,
      fieldErrors: failure.field ? { [failure.field]: [message] } : {},
      formError: failure.field ? undefined : message,
      ref: failure.ref,
    }
  }
}
