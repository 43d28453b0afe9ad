'use client'

import { useTranslations } from 'next-intl'
import { useId } from 'react'
import { PAYMENT_METHODS, type PaymentMethodInput } from '@/lib/schemas/order'

/**
 * How the money changes hands (cash, card, transfer): one radio group, the same at the counter and in the back
 * office. Real radios (arrow keys move between them) drawn as buttons, with a visible focus ring; the legend names the
 * group, visually hidden where the step's heading already says it.
 */
export function PaymentMethodRadios({
  legend,
  value,
  onChange,
  hideLegend,
}: {
  legend: string
  value: PaymentMethodInput
  onChange: (method: PaymentMethodInput) => void
  hideLegend?: boolean
}) {
  const t = useTranslations('common.paymentMethod')
  // The state is the caller's; the name only groups the radios (two payment forms may share a page).
  const name = useId()
  return (
    <fieldset>
      <legend className={hideLegend ? 'sr-only' : 'block text-sm font-medium text-slate-700'}>{legend}</legend>
      <div className={`flex flex-wrap gap-2 ${hideLegend ? '' : 'mt-1'}`}>
        {PAYMENT_METHODS.map((m) => (
          <label
            key={m}
            className={`cursor-pointer rounded-md px-3 py-1.5 text-sm ring-1 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500 ${value === m ? 'bg-brand-50 font-semibold text-brand-700 ring-brand-500' : 'bg-white ring-slate-300'}`}
          >
            <input type="radio" name={name} value={m} checked={value === m} onChange={() => onChange(m)} className="sr-only" />
            {t(m)}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
