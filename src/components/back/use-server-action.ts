'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useState, useTransition } from 'react'
import type { ActionResult, FieldErrors } from '@/lib/action-result'

export interface ActionState {
  pending: boolean
  formError: string | null
  fieldErrors: FieldErrors
  /** The last failure was a version conflict: someone else changed the record (show "reload", keep the inputs). */
  stale: boolean
}

/**
 * Calls a server action and keeps its outcome for the form: pending, the form error, field errors, and whether the
 * record was changed by someone else meanwhile. The form's own inputs are never touched on failure, so nothing typed
 * is lost; on success the route re-renders with fresh data.
 */
export function useServerAction<I, R>(action: (input: I) => Promise<ActionResult<R>>, options: { onSuccess?: (data: R) => void } = {}) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [state, setState] = useState<Omit<ActionState, 'pending'>>({ formError: null, fieldErrors: {}, stale: false })
  const { onSuccess } = options

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<R>>((resolve) => {
        startTransition(async () => {
          let result: ActionResult<R>
          try {
            result = await action(input)
          } catch {
            // The network or the server failed before answering; the action contract itself never throws.
            result = { ok: false, code: 'INTERNAL', fieldErrors: {}, formError: undefined }
          }
          if (result.ok) {
            setState({ formError: null, fieldErrors: {}, stale: false })
            onSuccess?.(result.data)
            router.refresh()
          } else {
            setState({ formError: result.formError ?? null, fieldErrors: result.fieldErrors, stale: result.code === 'STALE' })
          }
          resolve(result)
        })
      }),
    [action, onSuccess, router],
  )

  const reset = useCallback(() => setState({ formError: null, fieldErrors: {}, stale: false }), [])
  return { ...state, pending, run, reset }
}
