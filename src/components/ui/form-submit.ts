import type { FormEvent } from 'react'
import type { ActionResult } from '@/lib/action-result'

/** The named fields of a form as text ('' for one that is missing), as a server action's input expects them. */
export function formFields<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')])) as Record<K, string>
}

/**
 * A form's onSubmit for a server action: stays on the page, reads the named fields, runs the action with them
 * (`run` adds what is not typed, e.g. whose record it is) and on success hands the result on (`form` to reset it).
 */
export function submitFields<K extends string, R>(
  names: readonly K[],
  run: (fields: Record<K, string>) => Promise<ActionResult<R>>,
  onOk: (data: R, fields: Record<K, string>, form: HTMLFormElement) => void,
) {
  return async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const fields = formFields(new FormData(form), names)
    const result = await run(fields)
    if (result.ok) onOk(result.data, fields, form)
  }
}
