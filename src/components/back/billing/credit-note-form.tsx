'use client'

import { useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { issueCreditNoteAction } from '@/actions/billing'
import { Money } from '@/components/money'
import { FieldError } from '@/components/ui/field'
import { compactInputClass } from '@/components/ui/styles'
import { checkCredit } from '@/domain/order-status'
import { creditLineAmounts, sumAmounts } from '@/domain/tax'
import { useAction } from '@/components/ui/use-action'
import { FormMessage } from '../form-message'
import { button, IssuedNote, label } from './billing-fields'
import { ColumnGrid } from '@/components/ui/column-table'
import { panelHeadClass } from '@/components/ui/table'

export interface CreditableLine {
  id: string
  description: string
  quantity: number
  /** Where the line starts on its order line's scale (credits are slices of that scale). */
  qtyFrom: number
  unitPrice: number
  taxRateBp: number
  credited: number
}

/** What the chosen quantities would credit, tax included (null if the amounts cannot be computed). */
function creditPreview(chosen: Array<{ line: CreditableLine; quantity: number }>): number | null {
  try {
    return sumAmounts(
      chosen.map((c) => ({
        taxRateBp: c.line.taxRateBp,
        ...creditLineAmounts({
          quantity: c.quantity,
          unitPrice: c.line.unitPrice,
          taxRateBp: c.line.taxRateBp,
          invoicedQuantity: c.line.quantity,
          invoicedFrom: c.line.qtyFrom,
          alreadyCredited: c.line.credited,
        }),
      })),
    ).total
  } catch {
    return null
  }
}

/** The invoice's lines: what is still creditable on each, and the quantity to credit (typed, or "all"). */
function CreditLinesTable({
  lines,
  quantities,
  onQuantity,
  messagesFor,
}: {
  lines: CreditableLine[]
  quantities: Record<string, string>
  onQuantity: (lineId: string, value: string) => void
  messagesFor: (line: CreditableLine) => string[]
}) {
  const t = useTranslations('back.credit')
  const remaining = (l: CreditableLine) => l.quantity - l.credited
  return (
    <ColumnGrid
      className="w-full text-left text-sm"
      headClassName={panelHeadClass}
      bodyClassName="divide-y divide-slate-200"
      rows={lines}
      rowKey={(l) => l.id}
      columns={[
        { label: t('line'), className: 'py-1 pr-2', body: 'py-1.5 pr-2', cell: (l) => l.description },
        { label: t('creditable'), className: 'px-2 py-1 text-right', body: 'px-2 py-1.5 text-right tabular-nums', cell: remaining },
        {
          label: t('quantity'),
          className: 'py-1 pl-2 text-right',
          body: 'py-1.5 pl-2 text-right',
          cell: (l) => (
            <CreditQuantity
              line={l}
              remaining={remaining(l)}
              value={quantities[l.id] ?? ''}
              onChange={(v) => onQuantity(l.id, v)}
              messages={messagesFor(l)}
            />
          ),
        },
      ]}
    />
  )
}

/** The quantity to credit on one line: typed, or "all" that is still creditable; what is wrong with it under. */
function CreditQuantity({
  line,
  remaining,
  value,
  onChange,
  messages,
}: {
  line: CreditableLine
  remaining: number
  value: string
  onChange: (value: string) => void
  messages: string[]
}) {
  const t = useTranslations('back.credit')
  return (
    <>
      <div className="flex items-center justify-end gap-1">
        <input
          type="number"
          min={0}
          max={remaining}
          step={1}
          inputMode="numeric"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={remaining === 0}
          aria-label={t('quantityFor', { line: line.description })}
          aria-invalid={messages.length > 0 ? true : undefined}
          className="h-8 w-20 rounded-md border border-slate-300 px-2 text-right tabular-nums disabled:bg-slate-100"
        />
        <button
          type="button"
          disabled={remaining === 0}
          onClick={() => onChange(String(remaining))}
          className="h-8 whitespace-nowrap rounded-md bg-white px-2 text-xs font-medium ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-40"
        >
          {t('all')}
        </button>
      </div>
      {messages.length > 0 && <p className="mt-1 text-xs text-red-700">{messages.join(' ')}</p>}
    </>
  )
}

/** Whether the credited quantities go back to "to invoice" (a billing mistake to invoice again). */
function ReinvoiceCheckbox({ id, checked, onChange }: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const t = useTranslations('back.credit')
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-1 h-4 w-4" />
      <label htmlFor={id} className="text-sm">
        <span className="font-medium">{t('reinvoice')}</span>
        <span className="block text-xs text-slate-600">{t('reinvoiceHint')}</span>
      </label>
    </div>
  )
}

/** Credit some or all of an invoice's lines with a reason; optionally give the quantities back for re-invoicing. */
export function CreditNoteForm({
  invoiceId,
  orderVersion,
  lines,
  currency,
}: {
  invoiceId: string
  orderVersion: number
  lines: CreditableLine[]
  currency: string
}) {
  const t = useTranslations('back.credit')
  const ids = { reason: useId(), reinvoice: useId() }
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const [reinvoice, setReinvoice] = useState(false)
  const [issued, setIssued] = useState<{ creditNoteId: string; number: string; refundable: number } | null>(null)
  const action = useAction(issueCreditNoteAction, {
    onSuccess: (data) => {
      setIssued(data)
      setQuantities({})
      setReason('')
      setReinvoice(false)
    },
  })
  const chosen = lines.flatMap((l) => {
    const q = Number(quantities[l.id] ?? '')
    return Number.isInteger(q) && q > 0 ? [{ line: l, quantity: q }] : []
  })
  const lineErrors = new Map<string, string>()
  for (const c of chosen) {
    const error = checkCredit(c.line.quantity, c.line.credited, c.quantity)
    if (error) lineErrors.set(c.line.id, t('tooMany', { max: c.line.quantity - c.line.credited }))
  }
  const preview = creditPreview(chosen.filter((c) => !lineErrors.has(c.line.id)))
  const creditable = lines.filter((l) => l.quantity > l.credited)
  if (creditable.length === 0 && !issued) return <p className="text-sm text-slate-600">{t('fullyCredited')}</p>
  const serverLineError = (index: number) =>
    Object.entries(action.fieldErrors).flatMap(([k, m]) => (k.startsWith(`lines.${index}`) ? m : []))
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (chosen.length === 0 || lineErrors.size > 0) return
        setIssued(null)
        void action.run({
          invoiceId,
          expectedVersion: orderVersion,
          reason,
          reinvoice,
          lines: chosen.map((c) => ({ invoiceLineId: c.line.id, quantity: c.quantity })),
        })
      }}
      className="space-y-3"
      data-testid="credit-form"
      noValidate
    >
      <CreditLinesTable
        lines={lines}
        quantities={quantities}
        onQuantity={(id, value) => setQuantities((q) => ({ ...q, [id]: value }))}
        messagesFor={(l) => {
          const index = chosen.findIndex((c) => c.line.id === l.id)
          return [...(lineErrors.has(l.id) ? [lineErrors.get(l.id) as string] : []), ...(index >= 0 ? serverLineError(index) : [])]
        }}
      />
      <div>
        <label htmlFor={ids.reason} className={label}>
          {t('reason')}
        </label>
        <input
          id={ids.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          required
          placeholder={t('reasonPlaceholder')}
          aria-invalid={action.fieldErrors.reason ? true : undefined}
          aria-describedby={`${ids.reason}-error`}
          className={compactInputClass}
        />
        <FieldError id={`${ids.reason}-error`} messages={action.fieldErrors.reason} />
      </div>
      <ReinvoiceCheckbox id={ids.reinvoice} checked={reinvoice} onChange={setReinvoice} />
      {preview !== null && chosen.length > 0 && (
        <p className="text-sm">
          {t('preview')} <Money amount={preview} currency={currency} className="font-semibold" />
        </p>
      )}
      <FormMessage error={action.formError} stale={action.stale} />
      {issued && (
        <IssuedNote kind="creditNote" id={issued.creditNoteId} number={issued.number} amount={issued.refundable} currency={currency} />
      )}
      <button
        type="submit"
        disabled={action.pending || chosen.length === 0 || lineErrors.size > 0 || reason.trim() === ''}
        className={`${button} bg-slate-900 text-white hover:bg-slate-800`}
      >
        {action.pending ? t('issuing') : t('submit')}
      </button>
    </form>
  )
}
