'use client'

import { Plus, Trash2 } from 'lucide-react'
import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { updateSettingsAction } from '@/actions/team'
import { ISO_WEEKDAYS, type IsoWeekday, type OpeningHours } from '@/domain/opening-hours'
import { formatBpForInput } from '@/domain/rates'
import { MAX_INTERVALS_PER_DAY } from '@/lib/schemas/settings'
import type { FieldErrors } from '@/lib/action-result'
import type { SettingsDTO } from '@/server/settings/get-settings'
import { IconButton } from '@/components/ui/button'
import { amountForInput, parseTypedAmount } from '@/components/ui/money-input'
import { Datalist, FormError, InputField, StatusMessage } from '@/components/ui/field'
import { Section } from '@/components/ui/section'
import { buttonClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'
import { useTextFields } from '@/components/ui/use-text-fields'

type Text = Omit<
  SettingsDTO,
  'openingHours' | 'address' | 'taxId' | 'defaultTaxRateBp' | 'defaultLeadDays' | 'paymentTermsDays' | 'cashDifferenceThreshold'
> & {
  cashDifferenceThreshold: string
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
  const { run, pending, fieldErrors, formError } = useAction(updateSettingsAction)
  /** A setting's input: its label, its errors and its value, by its key. */
  const { text, field } = useTextFields<keyof Text>(
    {
      name: settings.name,
      phone: settings.phone,
      currency: settings.currency,
      orderPrefix: settings.orderPrefix,
      invoicePrefix: settings.invoicePrefix,
      creditNotePrefix: settings.creditNotePrefix,
      timeZone: settings.timeZone,
      defaultDueTime: settings.defaultDueTime,
      defaultTaxRate: formatBpForInput(settings.defaultTaxRateBp, locale),
      defaultLeadDays: String(settings.defaultLeadDays),
      paymentTermsDays: String(settings.paymentTermsDays),
      cashDifferenceThreshold: amountForInput(settings.cashDifferenceThreshold, settings.currency, locale),
    },
    (key) => t(key),
    fieldErrors,
  )
  const [week, setWeek] = useState<OpeningHours>(hours)
  const [status, setStatus] = useState<string | null>(null)

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setStatus(null)
    // In the currency the shop had when the page was read (the threshold is stored in its minor unit).
    const threshold = parseTypedAmount(text.cashDifferenceThreshold, settings.currency, locale)
    const result = await run({ ...text, cashDifferenceThreshold: threshold ?? text.cashDifferenceThreshold, openingHours: week, locale })
    if (result.ok) setStatus(t('saved'))
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="settings-form">
      <Section id="s-business" title={t('business')}>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <InputField {...field('name')} required maxLength={120} />
          <InputField {...field('phone')} maxLength={40} />
        </div>
      </Section>

      <Section id="s-money" title={t('money')}>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <InputField {...field('currency')} hint={t('currencyHint')} list="currencies" maxLength={3} required extraClass="uppercase" />
          <InputField {...field('defaultTaxRate')} inputMode="decimal" required />
          <InputField {...field('paymentTermsDays')} type="number" min={0} max={365} required />
          <InputField {...field('cashDifferenceThreshold')} hint={t('cashDifferenceThresholdHint')} inputMode="numeric" />
        </div>
        <Datalist id="currencies" values={currencies} />
      </Section>

      <Section id="s-numbers" title={t('numbering')} explain={t('numberingExplain')}>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          {(['orderPrefix', 'invoicePrefix', 'creditNotePrefix'] as const).map((key) => (
            <InputField key={key} {...field(key)} maxLength={10} required extraClass="uppercase" />
          ))}
        </div>
      </Section>

      <Section id="s-due" title={t('dueDefaults')}>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <InputField {...field('defaultLeadDays')} hint={t('defaultLeadDaysHint')} type="number" min={0} max={60} required />
          <InputField {...field('defaultDueTime')} type="time" required />
          <InputField {...field('timeZone')} hint={t('timeZoneHint')} list="zones" required />
          <Datalist id="zones" values={zones} />
        </div>
      </Section>

      <OpeningHoursSection
        week={week}
        onDay={(d, intervals) => setWeek((w) => ({ ...w, [d]: intervals }))}
        hoursValid={hoursValid}
        dayNames={dayNames}
        fieldErrors={fieldErrors}
      />

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

/** One end of an opening interval; the visible row says the day, the hidden label says which end of which day. */
function TimeInput({
  id,
  label,
  value,
  invalid,
  onChange,
}: {
  id: string
  label: string
  value: string
  invalid: boolean
  onChange: (value: string) => void
}) {
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="time"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        aria-invalid={invalid}
      />
    </>
  )
}

/** One day's opening intervals: change, remove or add one (up to MAX_INTERVALS_PER_DAY), and the day's errors. */
/** The week's opening hours, day by day, with what the server said about each day. */
function OpeningHoursSection({
  week,
  onDay,
  hoursValid,
  dayNames,
  fieldErrors,
}: {
  week: OpeningHours
  onDay: (d: IsoWeekday, intervals: Array<[string, string]>) => void
  hoursValid: boolean
  dayNames: Record<IsoWeekday, string>
  fieldErrors: FieldErrors
}) {
  const t = useTranslations('manager.settings')
  return (
    <Section id="s-hours" title={t('openingHours')} explain={t('openingHoursExplain')}>
      {!hoursValid && <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('hoursInvalid')}</p>}
      <FormError message={fieldErrors.openingHours?.join(' ')} />
      <ul className="mt-3 divide-y divide-slate-100">
        {ISO_WEEKDAYS.map((d) => (
          <DayHours
            key={d}
            day={d}
            dayName={dayNames[d]}
            intervals={week[d]}
            errors={
              fieldErrors[`openingHours.${d}`] ??
              Object.entries(fieldErrors)
                .filter(([k]) => k.startsWith(`openingHours.${d}.`))
                .flatMap(([, m]) => m)
            }
            onChange={(intervals) => onDay(d, intervals)}
          />
        ))}
      </ul>
    </Section>
  )
}

function DayHours({
  day,
  dayName,
  intervals,
  errors,
  onChange,
}: {
  day: IsoWeekday
  dayName: string
  intervals: OpeningHours[IsoWeekday]
  errors: string[]
  onChange: (intervals: OpeningHours[IsoWeekday]) => void
}) {
  const t = useTranslations('manager.settings')
  return (
    <li className="flex flex-wrap items-start gap-3 py-2" data-testid={`hours-${day}`}>
      <span className="w-28 pt-2 font-medium capitalize">{dayName}</span>
      <div className="flex-1 space-y-1.5">
        {intervals.length === 0 && <p className="pt-2 text-sm text-slate-500">{t('closed')}</p>}
        {intervals.map(([from, to], i) => (
          <div key={i} className="flex flex-wrap items-center gap-2">
            <TimeInput
              id={`h-${day}-${i}-from`}
              label={t('opensAt', { day: dayName })}
              value={from}
              invalid={errors.length > 0}
              onChange={(v) => onChange(intervals.map((x, j) => (j === i ? [v, x[1]] : x)))}
            />
            <span aria-hidden>–</span>
            <TimeInput
              id={`h-${day}-${i}-to`}
              label={t('closesAt', { day: dayName })}
              value={to === '24:00' ? '23:59' : to}
              invalid={errors.length > 0}
              onChange={(v) => onChange(intervals.map((x, j) => (j === i ? [x[0], v] : x)))}
            />
            <button
              type="button"
              className="rounded p-1 text-slate-500 hover:bg-slate-100"
              onClick={() => onChange(intervals.filter((_, j) => j !== i))}
              aria-label={t('removeInterval', { day: dayName })}
            >
              <Trash2 className="size-4" aria-hidden />
            </button>
          </div>
        ))}
        {errors.length > 0 && <p className="text-sm text-red-700">{errors.join(' ')}</p>}
      </div>
      {intervals.length < MAX_INTERVALS_PER_DAY && (
        <IconButton
          icon={Plus}
          label={t('addIntervalShort')}
          iconOnlyOnPhone
          onClick={() => onChange([...intervals, intervals.length === 0 ? ['08:00', '17:00'] : ['13:00', '17:00']])}
          aria-label={t('addInterval', { day: dayName })}
        />
      )}
    </li>
  )
}
