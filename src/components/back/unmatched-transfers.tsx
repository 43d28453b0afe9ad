'use client'

import { useFormatter, useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { assignTransferAction, dismissTransferAction } from '@/actions/billing'
import { formatMoney } from '@/domain/money'
import type { UnmatchedTransferDTO } from '@/server/transfers/list-unmatched-transfers'
import { FormError, InputField, StatusMessage } from '@/components/ui/field'
import { buttonClass, secondaryButtonClass } from '@/components/ui/styles'
import { DataTable } from '@/components/ui/table'
import { useAction } from '@/components/ui/use-action'

/** The unmatched list: each transfer the bank confirmed that no order took, with what to do about it. */
export function UnmatchedTransfers({ transfers }: { transfers: UnmatchedTransferDTO[] }) {
  const t = useTranslations('back.transfers')
  const [done, setDone] = useState<string | null>(null)
  return (
    <div className="space-y-3">
      <StatusMessage message={done} />
      {transfers.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="transfers-empty">
          {t('empty')}
        </p>
      ) : (
        <DataTable
          caption={t('title')}
          className="align-top"
          columns={[
            { label: t('received') },
            { label: t('amount'), end: true },
            { label: t('content') },
            { label: t('reason') },
            { label: t('actions') },
          ]}
        >
          {transfers.map((transfer) => (
            <TransferRow key={transfer.id} transfer={transfer} onDone={setDone} />
          ))}
        </DataTable>
      )}
    </div>
  )
}

function TransferRow({ transfer, onDone }: { transfer: UnmatchedTransferDTO; onDone: (text: string) => void }) {
  const t = useTranslations('back.transfers')
  const format = useFormatter()
  const locale = useLocale()
  const [orderNumber, setOrderNumber] = useState(transfer.order?.number ?? '')
  const [note, setNote] = useState('')
  const assign = useAction(assignTransferAction, { onSuccess: () => onDone(t('assigned', { number: orderNumber })) })
  const dismiss = useAction(dismissTransferAction, { onSuccess: () => onDone(t('dismissed')) })
  const busy = assign.pending || dismiss.pending
  return (
    <tr className="border-t border-slate-100" data-testid="unmatched-transfer">
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">
        {format.dateTime(new Date(transfer.receivedAt), { dateStyle: 'short', timeStyle: 'short' })}
        <div className="text-xs text-slate-600">{transfer.gateway}</div>
      </td>
      <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatMoney(transfer.amount, 'VND', locale)}</td>
      <td className="max-w-64 px-3 py-2">
        <p className="break-words font-mono text-xs">{transfer.content}</p>
        {transfer.bankReference && (
          <p className="text-xs text-slate-600">
            {t('bankReference')}: {transfer.bankReference}
          </p>
        )}
      </td>
      <td className="px-3 py-2">{t(`reasons.${transfer.reason}`, { order: transfer.order?.number ?? '' })}</td>
      <td className="min-w-72 space-y-2 px-3 py-2">
        <RowForm
          label={t('orderNumber')}
          value={orderNumber}
          onChange={setOrderNumber}
          maxLength={30}
          button={t('assign')}
          primary
          busy={busy}
          errors={assign.fieldErrors.orderNumber}
          formError={assign.formError}
          onSubmit={() => void assign.run({ transferId: transfer.id, orderNumber })}
        />
        <RowForm
          label={t('note')}
          value={note}
          onChange={setNote}
          maxLength={500}
          button={t('notOurs')}
          busy={busy}
          errors={dismiss.fieldErrors.note}
          formError={dismiss.formError}
          onSubmit={() => void dismiss.run({ transferId: transfer.id, note })}
        />
      </td>
    </tr>
  )
}

/** One thing to do with a transfer: a single text field and its button, with what was refused. */
function RowForm(props: {
  label: string
  value: string
  onChange: (value: string) => void
  maxLength: number
  button: string
  primary?: boolean
  busy: boolean
  errors: string[] | undefined
  formError: string | null
  onSubmit: () => void
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        props.onSubmit()
      }}
    >
      <div className="flex items-end gap-2">
        <InputField
          label={props.label}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          errors={props.errors}
          className="grow"
          required
          maxLength={props.maxLength}
        />
        <button type="submit" className={props.primary ? buttonClass : secondaryButtonClass} disabled={props.busy}>
          {props.button}
        </button>
      </div>
      <FormError message={props.formError} />
    </form>
  )
}
