'use client'

import { Plus, Trash2 } from 'lucide-react'
import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { updateSettingsAction } from '@/app/(manager)/manager/actions'
import { ISO_WEEKDAYS, type IsoWeekday, type OpeningHours } from '@/domain/opening-hours'
import { formatBpForInput } from '@/domain/rates'
import { MAX_INTERVALS_PER_DAY } from '@/lib/schemas/settings'
import type { SettingsDTO } from '@/server/settings/get-settings'
import { Field, FormError, StatusMessage, buttonClass, inputClass, secondaryButtonClass } from './form-bits'
import { cardClass } from './styles'
import { useAction } from './use-action'

type Text = Omit<SettingsDTO, 'openingHours' | 'defaultTaxRateBp' | 'defaultLeadDays' | 'paymentTermsDays'> & {
  defaultTaxRate: string
  defaultLeadDays: string
  paymentTermsDays: string
}

/** Business settings: who we are (printed on tickets and invoices), money, numbering, due defaults, opening hours. */
export function SettingsForm({
  settings,
  hours,
  hoursValid,
  currencies,
  zones,
  dayNames,
}: {
  settings: SettingsDTO
  hours: OpeningHours
  hoursValid: boolean
  /** From the server's Intl data, which also validates them (the browser's list may differ). */
  currencies: string[]
  zones: string[]
  dayNames: Record<IsoWeekday, string>
}) {
  const t = useTranslations('manager.settings')
  const locale = useLocale()
  const [text, setText] = useState<Text>({
    name: settings.name,
    address: settings.address,
    phone: settings.phone,
    taxId: settings.taxId,
    currency: settings.currency,
    orderPrefix: settings.orderPrefix,
    invoicePrefix: settings.invoicePrefix,
    creditNotePrefix: settings.creditNotePrefix,
    timeZone: settings.timeZone,
    defaultDueTime: settings.defaultDueTime,
    defaultTaxRate: formatBpForInput(settings.defaultTaxRateBp, locale),
    defaultLeadDays: String(settings.defaultLeadDays),
    paymentTermsDays: String(settings.paymentTermsDays),
  })
  const [week, setWeek] = useState<OpeningHours>(hours)
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError } = useAction(updateSettingsAction)
  const dayName = (d: IsoWeekday) => dayNames[d]

  const bind = (key: keyof Text) => ({ value: text[key], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setText((s) => ({ ...s, [key]: e.target.value })) })
  const setDay = (d: IsoWeekday, intervals: Array<[string, string]>) => setWeek((w) => ({ ...w, [d]: intervals }))

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setStatus(null)
    const result = await run({ ...text, openingHours: week, locale })
    if (result.ok) setStatus(t('saved'))
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="settings-form">
      <section aria-labelledby="s-business" className={cardClass}>
        <h2 id="s-business" className="text-lg font-semibold">
          {t('business')}
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <Field label={t('name')} errors={fieldErrors.name}>
            {(p) => <input {...p} {...bind('name')} required maxLength={120} className={inputClass} />}
          </Field>
          <Field label={t('phone')} errors={fieldErrors.phone}>
            {(p) => <input {...p} {...bind('phone')} maxLength={40} className={inputClass} />}
          </Field>
          <Field label={t('address')} errors={fieldErrors.address} className="sm:col-span-2">
            {(p) => <input {...p} {...bind('address')} maxLength={500} className={inputClass} />}
          </Field>
          <Field label={t('taxId')} errors={fieldErrors.taxId}>
            {(p) => <input {...p} {...bind('taxId')} maxLength={40} className={inputClass} />}
          </Field>
        </div>
      </section>

      <section aria-labelledby="s-money" className={cardClass}>
        <h2 id="s-money" className="text-lg font-semibold">
          {t('money')}
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <Field label={t('currency')} errors={fieldErrors.currency} hint={t('currencyHint')}>
            {(p) => <input {...p} {...bind('currency')} list="currencies" maxLength={3} required className={`${inputClass} uppercase`} />}
          </Field>
          <Field label={t('defaultTaxRate')} errors={fieldErrors.defaultTaxRate}>
            {(p) => <input {...p} {...bind('defaultTaxRate')} inputMode="decimal" required className={inputClass} />}
          </Field>
          <Field label={t('paymentTermsDays')} errors={fieldErrors.paymentTermsDays}>
            {(p) => <input {...p} {...bind('paymentTermsDays')} type="number" min={0} max={365} required className={inputClass} />}
          </Field>
        </div>
        <datalist id="currencies">
          {currencies.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </section>

      <section aria-labelledby="s-numbers" className={cardClass}>
        <h2 id="s-numbers" className="text-lg font-semibold">
          {t('numbering')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('numberingExplain')}</p>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <Field label={t('orderPrefix')} errors={fieldErrors.orderPrefix}>
            {(p) => <input {...p} {...bind('orderPrefix')} maxLength={10} required className={`${inputClass} uppercase`} />}
          </Field>
          <Field label={t('invoicePrefix')} errors={fieldErrors.invoicePrefix}>
            {(p) => <input {...p} {...bind('invoicePrefix')} maxLength={10} required className={`${inputClass} uppercase`} />}
          </Field>
          <Field label={t('creditNotePrefix')} errors={fieldErrors.creditNotePrefix}>
            {(p) => <input {...p} {...bind('creditNotePrefix')} maxLength={10} required className={`${inputClass} uppercase`} />}
          </Field>
        </div>
      </section>

      <section aria-labelledby="s-due" className={cardClass}>
        <h2 id="s-due" className="text-lg font-semibold">
          {t('dueDefaults')}
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <Field label={t('defaultLeadDays')} errors={fieldErrors.defaultLeadDays} hint={t('defaultLeadDaysHint')}>
            {(p) => <input {...p} {...bind('defaultLeadDays')} type="number" min={0} max={60} required className={inputClass} />}
          </Field>
          <Field label={t('defaultDueTime')} errors={fieldErrors.defaultDueTime}>
            {(p) => <input {...p} {...bind('defaultDueTime')} type="time" required className={inputClass} />}
          </Field>
          <Field label={t('timeZone')} errors={fieldErrors.timeZone} hint={t('timeZoneHint')}>
            {(p) => <input {...p} {...bind('timeZone')} list="zones" required className={inputClass} />}
          </Field>
          <datalist id="zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      </section>

      <section aria-labelledby="s-hours" className={cardClass}>
        <h2 id="s-hours" className="text-lg font-semibold">
          {t('openingHours')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('openingHoursExplain')}</p>
        {!hoursValid && <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('hoursInvalid')}</p>}
        <FormError message={fieldErrors.openingHours?.join(' ')} />
        <ul className="mt-3 divide-y divide-slate-100">
          {ISO_WEEKDAYS.map((d) => {
            const intervals = week[d]
            const errors = fieldErrors[`openingHours.${d}`] ?? Object.entries(fieldErrors).filter(([k]) => k.startsWith(`openingHours.${d}.`)).flatMap(([, v]) => v)
            return (
              <li key={d} className="flex flex-wrap items-start gap-3 py-2" data-testid={`hours-${d}`}>
                <span className="w-28 pt-2 font-medium capitalize">{dayName(d)}</span>
                <div className="flex-1 space-y-1.5">
                  {intervals.length === 0 && <p className="pt-2 text-sm text-slate-500">{t('closed')}</p>}
                  {intervals.map(([from, to], i) => (
                    <div key={i} className="flex flex-wrap items-center gap-2">
                      <label className="sr-only" htmlFor={`h-${d}-${i}-from`}>
                        {t('opensAt', { day: dayName(d) })}
                      </label>
                      <input
                        id={`h-${d}-${i}-from`}
                        type="time"
                        value={from}
                        onChange={(e) => setDay(d, intervals.map((x, j) => (j === i ? [e.target.value, x[1]] : x)))}
                        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                        aria-invalid={errors.length > 0}
                      />
                      <span aria-hidden>–</span>
                      <label className="sr-only" htmlFor={`h-${d}-${i}-to`}>
                        {t('closesAt', { day: dayName(d) })}
                      </label>
                      <input
                        id={`h-${d}-${i}-to`}
                        type="time"
                        value={to === '24:00' ? '23:59' : to}
                        onChange={(e) => setDay(d, intervals.map((x, j) => (j === i ? [x[0], e.target.value] : x)))}
                        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                        aria-invalid={errors.length > 0}
                      />
                      <button type="button" className="rounded p-1 text-slate-500 hover:bg-slate-100" onClick={() => setDay(d, intervals.filter((_, j) => j !== i))} aria-label={t('removeInterval', { day: dayName(d) })}>
                        <Trash2 className="size-4" aria-hidden />
                      </button>
                    </div>
                  ))}
                  {errors.length > 0 && <p className="text-sm text-red-700">{errors.join(' ')}</p>}
                </div>
                {intervals.length < MAX_INTERVALS_PER_DAY && (
                  <button type="button" className={secondaryButtonClass} onClick={() => setDay(d, [...intervals, intervals.length === 0 ? ['08:00', '17:00'] : ['13:00', '17:00']])} aria-label={t('addInterval', { day: dayName(d) })}>
                    <Plus className="size-4" aria-hidden />
                    <span className="hidden sm:inline">{t('addIntervalShort')}</span>
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t('saving') : t('save')}
        </button>
        <FormError message={formError} />
        <StatusMessage message={status} />
      </div>
    </form>
  )
}
