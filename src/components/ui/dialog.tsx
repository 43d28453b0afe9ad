'use client'

import * as Dialog from '@radix-ui/react-dialog'
import { X } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState, type ReactNode } from 'react'
import type { ActionResult } from '@/lib/action-result'
import { FormError } from './field'
import { buttonClass, dangerButtonClass, secondaryButtonClass } from './styles'
import { useAction } from './use-action'

/** A dialog with a title, an optional description and a close button; focus is trapped and returned by Radix. */
export function Modal({
  open,
  onOpenChange,
  title,
  description,
  trigger,
  children,
  wide,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  description?: ReactNode
  trigger?: ReactNode
  children: ReactNode
  wide?: boolean
}) {
  const t = useTranslations('common.actions')
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          className={`fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-5 shadow-xl ring-1 ring-slate-200 ${wide ? 'max-w-2xl' : 'max-w-md'}`}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="mb-3 flex items-start justify-between gap-4">
            <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
            <Dialog.Close className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label={t('close')}>
              <X className="size-5" aria-hidden />
            </Dialog.Close>
          </div>
          {description && <Dialog.Description className="mb-4 text-sm text-slate-600">{description}</Dialog.Description>}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
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
        <button
          type={onConfirm ? 'button' : 'submit'}
          className={danger ? dangerButtonClass : buttonClass}
          disabled={pending}
          onClick={onConfirm}
        >
          {label}
        </button>
      </div>
    </>
  )
}

/**
 * "Are you sure?" for one server action: the trigger opens it, the main button runs `action(input)`; on success it
 * closes and `onDone` says what happened, on failure the error stays in the dialog. `children` (mounted only while
 * open) may add a choice the input reads when confirmed (`input` as a function).
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
  children,
}: {
  action: (raw: I) => Promise<ActionResult<R>>
  input: I | (() => I)
  onDone: (data: R) => void
  title: ReactNode
  description: ReactNode
  trigger: ReactNode
  confirmLabel: ReactNode
  danger?: boolean
  children?: ReactNode
}) {
  const { run, pending, formError, reset } = useAction(action)
  const dialog = useDialog(reset)
  return (
    <Modal {...dialog.modal} title={title} description={description} trigger={trigger}>
      {children}
      <DialogButtons
        className="mt-3 flex justify-end gap-2"
        error={formError}
        label={confirmLabel}
        pending={pending}
        danger={danger}
        onCancel={dialog.close}
        onConfirm={async () => {
          const result = await run(typeof input === 'function' ? (input as () => I)() : input)
          if (result.ok) {
            dialog.close()
            onDone(result.data)
          }
        }}
      />
    </Modal>
  )
}
