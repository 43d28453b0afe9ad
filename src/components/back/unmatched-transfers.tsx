'use client'

import { useFormatter, useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { assignTransferAction, dismissTransferAction } from '@/actions/billing'
import { formatMoney } from '@/domain/money'
import type { UnmatchedTransferDTO } from '@/server/transfers/list-unmatched-transfers'
import { FormError, InputField, StatusMessage } from '@/components/ui/field'
import { buttonClass, secondaryButtonClass } from '@/components/ui/styles'
import { DataTable } from '@/components/ui/table'
import { columnsFrom } from '@/components/ui/table-columns'
import { useAction } from '@/components/ui/use-action'
import type { FieldErrors } from '@/lib/action-result'

const COLUMNS = ['received', 'amount', 'content', 'reason', 'actions'] as const

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
        <DataTable caption={t('title')} className="align-top" columns={columnsFrom(t, COLUMNS, ['amount'])}>
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
  const assign = useAction(assignTransferAction)
  const dismiss = useAction(dismissTransferAction)
  const busy = assign.pending || dismiss.pending
  const saying = (message: string) => (result: { ok: boolean }) => {
    if (result.ok) onDone(message)
  }
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
          field="orderNumber"
          initial={transfer.order?.number}
          maxLength={30}
          button={t('assign')}
          primary
          busy={busy}
          action={assign}
          onSubmit={(orderNumber) =>
            assign.run({ transferId: transfer.id, orderNumber }).then(saying(t('assigned', { number: orderNumber })))
          }
        />
        <RowForm
          field="note"
          maxLength={500}
          button={t('notOurs')}
          busy={busy}
          action={dismiss}
          onSubmit={(note) => dismiss.run({ transferId: transfer.id, note }).then(saying(t('dismissed')))}
        />
      </td>
    </tr>
  )
}

/** One thing to do with a transfer: a single text field (its label the field's name) and its button, with what was
 * refused. */
function RowForm(props: {
  field: 'orderNumber' | 'note'
  initial?: string
  maxLength: number
  button: string
  primary?: boolean
  busy: boolean
  action: { fieldErrors: FieldErrors; formError: string | null }
  onSubmit: (value: string) => void
}) {
  const t = useTranslations('back.transfers')
  const [value, setValue] = useState(props.initial ?? '')
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        props.onSubmit(value)
      }}
    >
      <div className="flex items-end gap-2">
        <InputField
          label={t(props.field)}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          errors={props.action.fieldErrors[props.field]}
          className="grow"
          required
          maxLength={props.maxLength}
        />
        <button type="submit" className={props.primary ? buttonClass : secondaryButtonClass} disabled={props.busy}>
          {props.button}
        </button>
      </div>
      <FormError message={props.action.formError} />
    </form>
  )
}
