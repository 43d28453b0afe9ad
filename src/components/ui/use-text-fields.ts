'use client'

import { useState } from 'react'
import type { FieldErrors } from '@/lib/action-result'

/**
 * A form's text inputs kept by key: `field(key)` gives an InputField its label, its errors from the last submit and
 * its value, and keeps what is typed. `setText` lets the form reset or normalise values after a save.
 */
export function useTextFields<K extends string>(initial: Record<K, string>, label: (key: K) => string, errors: FieldErrors) {
  const [text, setText] = useState<Record<K, string>>(initial)
  const field = (key: K) => ({
    label: label(key),
    errors: errors[key],
    value: text[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setText((s) => ({ ...s, [key]: e.target.value })),
  })
  return { text, setText, field }
}
