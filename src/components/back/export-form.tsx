'use client'

import { useTranslations } from 'next-intl'
import { useId, useState, type ComponentProps } from 'react'
import { compactInputClass } from '@/components/ui/styles'

/** One end of the range: a required date input with its label. */
function DateField({
  label,
  onChange,
  ...input
}: { label: string; onChange: (value: string) => void } & Omit<ComponentProps<'input'>, 'type' | 'onChange' | 'className'>) {
  return (
    <div>
      <label htmlFor={input.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input type="date" required {...input} onChange={(e) => onChange(e.target.value)} className={compactInputClass} />
    </div>
  )
}

/**
 * Download invoices, payments or credit notes of a date range as CSV. A plain GET to the authenticated route
 * handler; the browser saves the file (Content-Disposition: attachment).
 */
export function ExportForm({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const t = useTranslations('back.export')
  const ids = { kind: useId(), from: useId(), to: useId() }
  const [from, setFrom] = useState(defaultFrom)
  const [to, setTo] = useState(defaultTo)
  const invalid = from !== '' && to !== '' && from > to
  return (
    <form
      method="get"
      action="/api/back/export"
      className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      data-testid="export-form"
    >
      <div>
        <label htmlFor={ids.kind} className="block text-sm font-medium text-slate-700">
          {t('kind')}
        </label>
        <select id={ids.kind} name="kind" defaultValue="invoices" className={compactInputClass}>
          <option value="invoices">{t('invoices')}</option>
          <option value="payments">{t('payments')}</option>
          <option value="credit-notes">{t('creditNotes')}</option>
        </select>
      </div>
      <DateField id={ids.from} name="from" label={t('from')} value={from} max={to || undefined} onChange={setFrom} />
      <DateField
        id={ids.to}
        name="to"
        label={t('to')}
        value={to}
        min={from || undefined}
        onChange={setTo}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${ids.to}-error`}
      />
      <button
        type="submit"
        disabled={invalid || from === '' || to === ''}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-800 disabled:opacity-50"
      >
        {t('download')}
      </button>
      {invalid && (
        <p id={`${ids.to}-error`} className="text-sm text-red-700 sm:col-span-4">
          {t('rangeInvalid')}
        </p>
      )}
    </form>
  )
}
