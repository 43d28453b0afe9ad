'use client'

import { useId, type ComponentProps, type ReactNode } from 'react'
import { buttonClass, compactInputClass, inputClass, secondaryButtonClass } from './styles'

// Small accessible form pieces: every input has a visible label, errors are tied to their input with aria-describedby
// and announced, hints stay readable.

export function Field({
  id: givenId,
  label,
  errors,
  hint,
  className,
  children,
}: {
  /** A known id, for a form that puts the focus on a refused field by its path; generated otherwise. */
  id?: string
  label: ReactNode
  errors?: string[]
  hint?: ReactNode
  className?: string
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode
}) {
  const generatedId = useId()
  const id = givenId ?? generatedId
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
      <FieldError id={errorId} messages={errors} />
    </div>
  )
}

/** The usual case of a Field: a text-like input (`extraClass` adds to the shared input look, e.g. "uppercase"). */
export function InputField({
  id,
  label,
  errors,
  hint,
  className,
  extraClass,
  ...input
}: { id?: string; label: ReactNode; errors?: string[]; hint?: ReactNode; className?: string; extraClass?: string } & Omit<
  ComponentProps<'input'>,
  'id' | 'className' | 'aria-invalid' | 'aria-describedby'
>) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint} className={className}>
      {(p) => <input {...p} {...input} className={extraClass ? `${inputClass} ${extraClass}` : inputClass} />}
    </Field>
  )
}

/** A select's options (`placeholder` adds an empty first option, for "none chosen yet"). */
export function Options({ options, placeholder }: { options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  return (
    <>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  )
}

/** A Field holding a choice among options (`placeholder` adds an empty first option, `compact` for side panels). */
export function SelectField({
  label,
  errors,
  hint,
  className,
  options,
  placeholder,
  compact,
  ...select
}: {
  label: ReactNode
  errors?: string[]
  hint?: ReactNode
  className?: string
  options: ReadonlyArray<{ value: string; label: string }>
  placeholder?: string
  compact?: boolean
} & Omit<ComponentProps<'select'>, 'id' | 'className' | 'aria-invalid' | 'aria-describedby' | 'children'>) {
  return (
    <Field label={label} errors={errors} hint={hint} className={className}>
      {(p) => (
        <select {...p} {...select} className={compact ? compactInputClass : inputClass}>
          <Options options={options} placeholder={placeholder} />
        </select>
      )}
    </Field>
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
    <p
      role="status"
      aria-live="polite"
      className={message ? 'rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200' : 'sr-only'}
    >
      {message ?? ''}
    </p>
  )
}

/** Suggestions for an input with `list={id}`. */
export function Datalist({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  )
}

/** A failed row action (a role change, a deactivation), said next to the control that failed. */
export function InlineError({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <span role="alert" className="mt-1 block text-xs text-red-700">
      {message}
    </span>
  )
}

/** Field errors under an input, linked with aria-describedby by the caller (id). */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages || messages.length === 0) return null
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages.join(' ')}
    </p>
  )
}

/** A labelled choice from a short list of typed values, handed back as the value (`compact` for side panels). */
export function ChoiceField<V extends string>({
  label,
  value,
  options,
  onChange,
  compact,
}: {
  label: ReactNode
  value: V
  options: ReadonlyArray<{ value: V; label: string }>
  onChange: (value: V) => void
  compact?: boolean
}) {
  return <SelectField label={label} options={options} compact={compact} value={value} onChange={(e) => onChange(e.target.value as V)} />
}

/** A form's end: its error, the submit button and what became of the last submit. */
export function SubmitRow({
  label,
  pending,
  error,
  status,
  secondary,
}: {
  label: ReactNode
  pending: boolean
  error: string | null
  status: string | null
  secondary?: boolean
}) {
  return (
    <>
      <FormError message={error} />
      <div className="flex items-center gap-3">
        <button type="submit" className={secondary ? secondaryButtonClass : buttonClass} disabled={pending}>
          {label}
        </button>
        <StatusMessage message={status} />
      </div>
    </>
  )
}
