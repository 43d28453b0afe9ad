'use client'

import { useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useCallback, useState, useTransition } from 'react'
import type { ActionResult, FieldErrors } from '@/lib/action-result'

/**
 * Calls a server action and keeps its outcome for the form: pending state, field errors, the form error from the one
 * error contract (src/server/action.ts) and `stale` when the record was changed by someone else meanwhile (show
 * "reload", keep the inputs). The form's own inputs are never touched, so nothing typed is lost; on success the
 * page's server data is refreshed, so lists and overviews show the change without a reload.
 */
export function useAction<I, R>(
  action: (raw: I) => Promise<ActionResult<R>>,
  options: { refresh?: boolean; onSuccess?: (data: R) => void } = {},
) {
  // The message lives under manager.common for history's sake; every area shows the same words.
  const t = useTranslations('manager.common')
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [stale, setStale] = useState(false)
  const { refresh = true, onSuccess } = options

  const reset = useCallback(() => {
    setFieldErrors({})
    setFormError(null)
    setStale(false)
  }, [])

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<R>>((resolve) => {
        startTransition(async () => {
          reset()
          let result: ActionResult<R>
          try {
            result = await action(input)
          } catch {
            // The request itself failed (offline, server restarting): nothing was changed on our side that we know of.
            result = { ok: false, code: 'INTERNAL', fieldErrors: {}, formError: t('networkError') }
          }
          if (result.ok) {
            onSuccess?.(result.data)
            if (refresh) router.refresh()
          } else {
            setFieldErrors(result.fieldErrors)
            setFormError(result.formError ?? null)
            setStale(result.code === 'STALE')
          }
          resolve(result)
        })
      }),
    [action, onSuccess, refresh, reset, router, t],
  )
  return { run, pending, fieldErrors, formError, stale, reset }
}
