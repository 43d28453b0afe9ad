'use client'

import { useMemo, useRef } from 'react'

/**
 * The quantity fields of the lines, by line key: a new line's quantity takes the focus as it mounts (`typed`: digits
 * were typed ahead, the caret goes after them instead of selecting them), and an error or the question before
 * submitting can send the focus back to a line. Stable for the life of the form (rows are memoized).
 */
export function useLineFocus() {
  const inputs = useRef(new Map<string, HTMLInputElement>())
  const pending = useRef<{ key: string; typed: boolean } | null>(null)
  return useMemo(
    () => ({
      register(key: string, el: HTMLInputElement | null) {
        if (!el) {
          inputs.current.delete(key)
          return
        }
        inputs.current.set(key, el)
        if (pending.current?.key !== key) return
        const { typed } = pending.current
        pending.current = null
        el.focus()
        if (typed) el.setSelectionRange(el.value.length, el.value.length)
        else el.select()
      },
      focusWhenMounted(key: string, typed: boolean) {
        pending.current = { key, typed }
      },
      focus(key: string) {
        inputs.current.get(key)?.focus()
      },
    }),
    [],
  )
}
