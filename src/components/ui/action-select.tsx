'use client'

import type { ComponentProps, ReactNode } from 'react'
import type { ActionResult } from '@/lib/action-result'
import { InlineError } from './field'
import { compactInputClass } from './styles'
import { useAction } from './use-action'

/**
 * A choice in a table row that saves itself: picking an option runs the server action at once (a person's home role,
 * the skill a product requires), `onDone` says what changed, a failure is said under the select. `label` names the
 * row ("Home role of Lan"), `children` shows more after the select (e.g. "review overdue").
 */
export function ActionSelect<I, R>({
  action,
  input,
  onDone,
  label,
  options,
  disabled,
  className = compactInputClass,
  children,
  ...select
}: {
  action: (raw: I) => Promise<ActionResult<R>>
  input: (value: string) => I
  onDone: (data: R, value: string) => void
  label: string
  options: ReadonlyArray<{ value: string | number; label: string }>
  children?: ReactNode
} & Omit<ComponentProps<'select'>, 'onChange' | 'aria-label' | 'children'>) {
  const { run, pending, formError } = useAction(action)
  return (
    <span>
      <select
        aria-label={label}
        disabled={pending || disabled}
        className={className}
        {...select}
        onChange={async (e) => {
          const value = e.currentTarget.value
          const result = await run(input(value))
          if (result.ok) onDone(result.data, value)
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {children}
      <InlineError message={formError} />
    </span>
  )
}
