'use client'

import type { ReactNode } from 'react'

/**
 * A set of on/off choices under one name (the tasks the index counts, the events that send a message): a fieldset
 * whose legend only screen readers hear, since the heading above already says it. `onToggle` gets the value and
 * whether it is now checked.
 */
export function CheckboxGroup<V extends string>({
  legend,
  options,
  checked,
  onToggle,
  className,
  inputClassName,
}: {
  legend: ReactNode
  options: ReadonlyArray<{ value: V; label: ReactNode }>
  checked: (value: V) => boolean
  onToggle: (value: V, on: boolean) => void
  className: string
  inputClassName?: string
}) {
  return (
    <fieldset className={className}>
      <legend className="sr-only">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            className={inputClassName}
            checked={checked(o.value)}
            onChange={(e) => onToggle(o.value, e.target.checked)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  )
}
