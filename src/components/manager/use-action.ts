'use client'

import { useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useCallback, useState, useTransition } from 'react'
import type { ActionResult, FieldErrors } from '@/lib/action-result'

/**
 * Calls a server action and keeps its outcome for the form: pending state, field errors and the form error from the
 * one error contract (src/server/action.ts). On success the page's server data is refreshed, so lists and the overview
 * show the change without a reload.
 */
export function useAction<I, R>(action: (raw: I) => Promise<ActionResult<R>>, options: { refresh?: boolean; onSuccess?: (data: R) => void } = {}) {
  const t = useTranslations('manager.common')
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const { refresh = true, onSuccess } = options

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<R>>((resolve) => {
        startTransition(async () => {
          setFieldErrors({})
          setFormError(null)
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
          }
          resolve(result)
        })
      }),
    [action, onSuccess, refresh, router, t],
  )
  const reset = useCallback(() => {
    setFieldErrors({})
    setFormError(null)
  }, [])
  return { run, pending, fieldErrors, formError, reset }
}
