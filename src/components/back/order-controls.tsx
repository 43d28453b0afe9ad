'use client'

import * as Dialog from '@radix-ui/react-dialog'
import { useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { assignOrderAction, cancelOrderAction, holdOrderAction, releaseOrderAction } from '@/actions/fulfillment'
import { Money } from '../money'
import { Field } from '@/components/ui/field'
import { FormMessage } from './form-message'
import { useAction } from '@/components/ui/use-action'
import { compactInputClass } from '@/components/ui/styles'

const button = 'rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-50'
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`
const secondary = `${button} bg-white ring-1 ring-slate-300 hover:bg-slate-50`

/** Assign to me, to a colleague who can fulfil, or to nobody. */
export function AssignForm({
  orderId,
  version,
  assignee,
  people,
  meId,
  disabled,
}: {
  orderId: string
  version: number
  assignee: { id: string; name: string } | null
  people: Array<{ id: string; name: string }>
  meId: string
  disabled: boolean
}) {
  const t = useTranslations('back.assign')
  const [choice, setChoice] = useState(assignee?.id ?? '')
  const action = useAction(assignOrderAction)
  const selectId = useId()
  const assign = (assigneeId: string | null) => void action.run({ orderId, expectedVersion: version, assigneeId })
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        assign(choice === '' ? null : choice)
      }}
      className="space-y-2"
      data-testid="assign-form"
    >
      <p className="text-sm">
        {assignee ? (
          t('current', { name: assignee.id === meId ? t('me') : assignee.name })
        ) : (
          <span className="text-slate-600">{t('nobody')}</span>
        )}
      </p>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-700">
        {t('label')}
      </label>
      <div className="flex gap-2">
        <select
          id={selectId}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          disabled={disabled || action.pending}
          className={`${compactInputClass} mt-0`}
        >
          <option value="">{t('nobodyOption')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === meId ? t('meOption', { name: p.name }) : p.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={disabled || action.pending || choice === (assignee?.id ?? '')} className={secondary}>
          {t('submit')}
        </button>
      </div>
      {assignee?.id !== meId && (
        <button type="button" onClick={() => assign(meId)} disabled={disabled || action.pending} className={primary}>
          {t('toMe')}
        </button>
      )}
      <FormMessage error={action.formError} stale={action.stale} />
    </form>
  )
}

/** Put on hold with a reason, or release. */
export function HoldForm({
  orderId,
  version,
  holdReason,
  disabled,
}: {
  orderId: string
  version: number
  holdReason: string | null
  disabled: boolean
}) {
  const t = useTranslations('back.hold')
  const [reason, setReason] = useState('')
  const hold = useAction(holdOrderAction, { onSuccess: () => setReason('') })
  const release = useAction(releaseOrderAction)
  if (holdReason !== null) {
    return (
      <div className="space-y-2" data-testid="release-form">
        <p className="rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-950 ring-1 ring-orange-200">
          <span className="font-semibold">{t('onHold')}</span> {holdReason}
        </p>
        <button
          type="button"
          onClick={() => void release.run({ orderId, expectedVersion: version })}
          disabled={disabled || release.pending}
          className={primary}
        >
          {t('release')}
        </button>
        <FormMessage error={release.formError} stale={release.stale} />
      </div>
    )
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void hold.run({ orderId, expectedVersion: version, reason })
      }}
      className="space-y-2"
      data-testid="hold-form"
    >
      <ReasonField
        label={t('reason')}
        value={reason}
        onChange={setReason}
        errors={hold.fieldErrors.reason}
        placeholder={t('placeholder')}
        disabled={disabled}
      />
      <button type="submit" disabled={disabled || hold.pending || reason.trim() === ''} className={secondary}>
        {t('hold')}
      </button>
      <FormMessage error={hold.formError} stale={hold.stale} />
    </form>
  )
}

/** Cancel with a reason, after seeing what money the customer has paid and what invoices stand. */
export function CancelDialog({
  order,
  disabled,
}: {
  order: { id: string; version: number; paidNet: number; invoicedNet: number; currency: string }
  disabled: boolean
}) {
  const { paidNet: moneyHeld, invoicedNet, currency } = order
  const t = useTranslations('back.cancel')
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const action = useAction(cancelOrderAction, { onSuccess: () => setOpen(false) })
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" disabled={disabled} className={`${button} bg-white text-red-800 ring-1 ring-red-300 hover:bg-red-50`}>
          {t('open')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl">
          <Dialog.Title className="text-lg font-bold">{t('title')}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">{t('description')}</Dialog.Description>
          {(moneyHeld > 0 || invoicedNet > 0) && (
            <div
              className="mt-3 space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-300"
              data-testid="cancel-money"
            >
              {moneyHeld > 0 && (
                <p>
                  {t('moneyHeld')} <Money amount={moneyHeld} currency={currency} className="font-semibold" />
                </p>
              )}
              {invoicedNet > 0 && (
                <p>
                  {t('invoiced')} <Money amount={invoicedNet} currency={currency} className="font-semibold" />
                </p>
              )}
              <p className="text-xs">{t('moneyHint')}</p>
            </div>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault()
              void action.run({ orderId: order.id, expectedVersion: order.version, reason })
            }}
            className="mt-4 space-y-3"
          >
            <ReasonField label={t('reason')} value={reason} onChange={setReason} errors={action.fieldErrors.reason} lines={3} required />
            <FormMessage error={action.formError} stale={action.stale} />
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <button type="button" className={secondary}>
                  {t('keep')}
                </button>
              </Dialog.Close>
              <button
                type="submit"
                disabled={action.pending || reason.trim() === ''}
                className={`${button} bg-red-700 text-white hover:bg-red-800`}
              >
                {t('confirm')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

/** Why an order is held or cancelled: one line, or `lines` of text; at most what the server keeps (500 characters). */
function ReasonField({
  label,
  value,
  onChange,
  errors,
  lines,
  ...rest
}: {
  label: string
  value: string
  onChange: (value: string) => void
  errors: string[] | undefined
  lines?: number
  placeholder?: string
  disabled?: boolean
  required?: boolean
}) {
  return (
    <Field label={label} errors={errors}>
      {(field) => {
        const props = {
          ...field,
          ...rest,
          value,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
          maxLength: 500,
          className: compactInputClass,
        }
        return lines ? <textarea {...props} rows={lines} /> : <input {...props} />
      }}
    </Field>
  )
}
