'use client'

import type { LucideIcon } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useId, useState, type ComponentProps, type ReactNode } from 'react'
import type { ActionResult } from '@/lib/action-result'
import { Modal } from './modal'
import { buttonClass, cardClass, dangerButtonClass, inputClass, secondaryButtonClass } from './styles'
import { useAction } from './use-action'

// Small accessible form pieces shared by the manager's and account forms: every input has a visible label, errors are
// tied to their input with aria-describedby and announced, hints stay readable; dialogs open clean and end with the
// same two buttons; a row's action buttons keep their full name for screen readers when the phone shows only an icon.

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

/** The usual case of a Field: a text-like input (`extraClass` adds to the shared input look, e.g. "uppercase"). */
export function InputField({
  label,
  errors,
  hint,
  className,
  extraClass,
  ...input
}: { label: ReactNode; errors?: string[]; hint?: ReactNode; className?: string; extraClass?: string } & Omit<ComponentProps<'input'>, 'id' | 'className' | 'aria-invalid' | 'aria-describedby'>) {
  return (
    <Field label={label} errors={errors} hint={hint} className={className}>
      {(p) => <input {...p} {...input} className={extraClass ? `${inputClass} ${extraClass}` : inputClass} />}
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
    <p role="status" aria-live="polite" className={message ? 'rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200' : 'sr-only'}>
      {message ?? ''}
    </p>
  )
}

/** A card section with its heading as the section's name, and an optional line explaining it. */
export function Section({ id, title, explain, children, ...rest }: { id: string; title: ReactNode; explain?: ReactNode; children: ReactNode } & Omit<ComponentProps<'section'>, 'id' | 'title'>) {
  return (
    <section aria-labelledby={id} className={cardClass} {...rest}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {explain && <p className="mt-1 text-sm text-slate-600">{explain}</p>}
      {children}
    </section>
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

/**
 * A button with an icon and words. `iconOnlyOnPhone` (a table row's actions): the words hide on narrow screens, so give
 * an aria-label that names the row ("Edit: Poster A1"). Forwards every prop, so it can be a dialog's trigger.
 */
export function IconButton({
  icon: Icon,
  label,
  variant = 'secondary',
  iconOnlyOnPhone,
  ...props
}: { icon: LucideIcon; label: ReactNode; variant?: 'primary' | 'secondary'; iconOnlyOnPhone?: boolean } & Omit<ComponentProps<'button'>, 'children'>) {
  return (
    <button type="button" className={variant === 'primary' ? buttonClass : secondaryButtonClass} {...props}>
      <Icon className="size-4" aria-hidden />
      {iconOnlyOnPhone ? <span className="hidden sm:inline">{label}</span> : label}
    </button>
  )
}

/** A dialog's open state; opening it clears what the last attempt left behind (`reset`: errors of its actions). */
export function useDialog(...resets: Array<() => void>) {
  const [open, setOpen] = useState(false)
  return {
    close: () => setOpen(false),
    /** Spread on <Modal>. */
    modal: {
      open,
      onOpenChange: (next: boolean) => {
        setOpen(next)
        if (next) for (const reset of resets) reset()
      },
    },
  }
}

/**
 * The end of a dialog: the form's error, then Cancel and the main button — a submit button, or with `onConfirm` a plain
 * button for a confirmation without a form.
 */
export function DialogButtons({
  error,
  label,
  pending,
  onCancel,
  onConfirm,
  danger,
  className = 'flex justify-end gap-2',
}: {
  error: string | null | undefined
  label: ReactNode
  pending: boolean
  onCancel: () => void
  onConfirm?: () => void
  danger?: boolean
  className?: string
}) {
  const common = useTranslations('common')
  return (
    <>
      <FormError message={error} />
      <div className={className}>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          {common('actions.cancel')}
        </button>
        <button type={onConfirm ? 'button' : 'submit'} className={danger ? dangerButtonClass : buttonClass} disabled={pending} onClick={onConfirm}>
          {label}
        </button>
      </div>
    </>
  )
}

/**
 * "Are you sure?" for one server action: the trigger opens it, the main button runs `action(input)`; on success it
 * closes and `onDone` says what happened, on failure the error stays in the dialog.
 */
export function ConfirmDialog<I, R>({
  action,
  input,
  onDone,
  title,
  description,
  trigger,
  confirmLabel,
  danger,
}: {
  action: (raw: I) => Promise<ActionResult<R>>
  input: I
  onDone: (data: R) => void
  title: ReactNode
  description: ReactNode
  trigger: ReactNode
  confirmLabel: ReactNode
  danger?: boolean
}) {
  const { run, pending, formError, reset } = useAction(action)
  const dialog = useDialog(reset)
  return (
    <Modal {...dialog.modal} title={title} description={description} trigger={trigger}>
      <DialogButtons
        className="mt-3 flex justify-end gap-2"
        error={formError}
        label={confirmLabel}
        pending={pending}
        danger={danger}
        onCancel={dialog.close}
        onConfirm={async () => {
          const result = await run(input)
          if (result.ok) {
            dialog.close()
            onDone(result.data)
          }
        }}
      />
    </Modal>
  )
}

/** A manager list as a table: scrolls sideways on a phone, caption for screen readers, one header per column. */
export function DataTable({ caption, columns, className, children }: { caption: string; columns: Array<{ label: ReactNode; end?: boolean }>; className: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className={`w-full text-sm ${className}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`px-3 py-2 font-semibold ${c.end ? 'text-right' : ''}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
