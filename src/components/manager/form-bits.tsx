'use client'

import { useId, type ReactNode } from 'react'

// Small accessible form pieces shared by the manager's and account forms: every input has a visible label, errors are
// tied to their input with aria-describedby and announced, hints stay readable.

export { buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from './styles'

export function Field({
  label,
  errors,
  hint,
  className,
  children,
}: {
  label: ReactNode
  errors?: string[]
  hint?: ReactNode
  className?: string
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode
}) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const described = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(errors?.length), 'aria-describedby': described })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200" data-testid="form-error">
      {message}
    </p>
  )
}

/** A polite announcement for screen readers and a visible confirmation, e.g. "Saved". */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p role="status" aria-live="polite" className={message ? 'rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200' : 'sr-only'}>
      {message ?? ''}
    </p>
  )
}
