import 'server-only'
import { getTranslations } from 'next-intl/server'
import type { z } from 'zod'
import { can, type Task } from '@/domain/permissions'
import type { ActionResult, FieldErrors } from '@/lib/action-result'
import { unstorableTextPath } from '@/lib/safe-input'
import { fieldIssues } from '@/lib/validation'
import { currentActor, type Actor } from './auth/actor'
import { messageFormats, toKnownFailure } from './errors'

/**
 * Who may call a server action, declared where the action is defined: one task, any one of several tasks (an action
 * that several skills allow, e.g. taking a payment at the counter or in the back office), or any signed-in staff
 * member for self-service (their own language, their own lunch break).
 */
export type Caller = 'signed-in' | Task | readonly [Task, ...Task[]]

export function mayCall(actor: Actor, caller: Caller): boolean {
  if (caller === 'signed-in') return true
  const tasks: readonly Task[] = typeof caller === 'string' ? [caller] : caller
  return tasks.some((task) => can(actor, task))
}

/**
 * The boring part of every server action, done once, in the order docs/architecture.md describes: session -> permission -> zod
 * parse (after refusing text the database cannot store: NUL, lone surrogates) -> use case -> error contract. Someone who may not call the action learns nothing about its input rules.
 * The use case checks the actor's permission again (it is also called by the API): defence in depth.
 */
export async function runAction<S extends z.ZodType, R>(
  name: string,
  caller: Caller,
  schema: S,
  execute: (actor: Actor, input: z.output<S>) => Promise<R>,
  raw: unknown,
): Promise<ActionResult<R>> {
  const t = await getTranslations()
  const actor = await currentActor()
  if (!actor) return { ok: false, code: 'UNAUTHENTICATED', fieldErrors: {}, formError: t('errors.unauthenticated') }
  if (!mayCall(actor, caller)) return { ok: false, code: 'FORBIDDEN', fieldErrors: {}, formError: t('errors.forbidden') }
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
    return { ok: true, data: await execute(actor, parsed.data) }
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
