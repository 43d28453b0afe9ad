'use client'

import { useLocale } from 'next-intl'
import { useId, type ReactNode } from 'react'
import { currencyExponent, parseLocaleAmount, toDecimalString, toMinor } from '@/domain/money'

// One convention for money typed by a person: shown in an input with amountForInput (the reader's decimal mark, no
// grouping), read back with parseTypedAmount, into integer minor units.

/** Minor units from what was typed in the reader's conventions ("150.000" in vi, "150,000" in en, "150000" anywhere). */
export function parseTypedAmount(text: string, currency: string, locale: string): number | null {
  return parseLocaleAmount(text, currency, locale) ?? toMinor(text, currency)
}

type MoneyInputProps = {
  id: string
  value: string
  onChange: (value: string) => void
  currency: string
  disabled?: boolean
  invalid?: boolean
  describedBy?: string
  required?: boolean
  name?: string
}

/** Money typed as text (never a float input): parsed exactly into minor units by the caller with parseTypedAmount. */
export function MoneyInput(props: MoneyInputProps) {
  return (
    // The focus ring goes around the whole field (amount and currency), as the global :focus-visible outline would.
    <div className="mt-1 flex rounded-md border border-slate-300 bg-white focus-within:border-brand-500 focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-brand-500">
      <input
        id={props.id}
        name={props.name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={props.describedBy}
        className="block w-full min-w-0 rounded-l-md px-2 py-1.5 text-right tabular-nums outline-none"
      />
      <span className="flex items-center rounded-r-md bg-slate-50 px-2 text-sm text-slate-600">{props.currency}</span>
    </div>
  )
}

/** An amount as the person would type it in their language, without grouping: 122800, or 12,50 in vi for EUR. */
export function amountForInput(minor: number, currency: string, locale: string): string {
  const digits = currencyExponent(currency)
  return new Intl.NumberFormat(locale, { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    toDecimalString(minor, currency) as Intl.StringNumericLiteral,
  )
}

/** The reader's locale, and the amount as it should appear in an input when filled in by a button. */
export function useAmountText() {
  const locale = useLocale()
  return { locale, toText: (minor: number, currency: string) => amountForInput(minor, currency, locale) }
}

/** A MoneyInput under its label, and what the caller shows below it (an error, the change to give back). */
export function LabelledMoneyInput({ label, children, ...input }: MoneyInputProps & { label: ReactNode; children?: ReactNode }) {
  return (
    <div>
      <label htmlFor={input.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <MoneyInput {...input} />
      {children}
    </div>
  )
}

/** A labelled money input with its hint or, after a refusal, its error underneath (tied by aria-describedby). */
export function MoneyField({
  label,
  errors,
  hint,
  ...input
}: {
  label: string
  value: string
  onChange: (value: string) => void
  currency: string
  errors?: string[]
  hint?: string
}) {
  const id = useId()
  const below = errors?.join(' ') ?? hint
  return (
    <LabelledMoneyInput id={id} label={label} {...input} invalid={Boolean(errors?.length)} describedBy={below ? `${id}-below` : undefined}>
      {below && (
        <p id={`${id}-below`} className={`mt-1 text-xs ${errors?.length ? 'text-red-700' : 'text-slate-500'}`}>
          {below}
        </p>
      )}
    </LabelledMoneyInput>
  )
}
