'use client'

import { useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { compactInputClass } from '@/components/ui/styles'

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
      <div>
        <label htmlFor={ids.from} className="block text-sm font-medium text-slate-700">
          {t('from')}
        </label>
        <input
          id={ids.from}
          name="from"
          type="date"
          required
          value={from}
          max={to || undefined}
          onChange={(e) => setFrom(e.target.value)}
          className={compactInputClass}
        />
      </div>
      <div>
        <label htmlFor={ids.to} className="block text-sm font-medium text-slate-700">
          {t('to')}
        </label>
        <input
          id={ids.to}
          name="to"
          type="date"
          required
          value={to}
          min={from || undefined}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${ids.to}-error`}
          className={compactInputClass}
        />
      </div>
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
