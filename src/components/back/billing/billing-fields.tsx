'use client'

import Link from 'next/link'
import { useId, useState, type ReactNode } from 'react'
import { Money } from '@/components/money'
import { FieldError } from '@/components/ui/field'
import { MoneyInput, parseTypedAmount, useAmountText } from '@/components/ui/money-input'
import { compactInputClass } from '@/components/ui/styles'

// The pieces the billing forms share: their buttons and labels, the note naming a document just issued, and the
// amount and reference fields of money coming in or going back.

export const button = 'rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-50'
export const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`
export const label = 'block text-sm font-medium text-slate-700'

/** The document just issued, linked, with the amount it moved (deposit applied, refundable) when there is one. */
export function IssuedNote({
  text,
  href,
  number,
  amountLabel,
  amount,
  currency,
  live = true,
}: {
  text: string
  href: string
  number: string
  amountLabel: string
  amount: number
  currency: string
  live?: boolean
}) {
  return (
    <p role={live ? 'status' : undefined} className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200">
      {text}{' '}
      <Link href={href} className="font-mono font-semibold underline">
        {number}
      </Link>
      {amount > 0 && (
        <>
          {' · '}
          {amountLabel} <Money amount={amount} currency={currency} />
        </>
      )}
    </p>
  )
}

/** The amount typed in a billing form: its text, what it reads as in minor units (`parsed`), that reading when it is
 * an amount to move (`value`, positive) and whether something typed cannot be one (`invalid`). */
export function useTypedAmount(currency: string) {
  const { locale } = useAmountText()
  const [text, setText] = useState('')
  const parsed = parseTypedAmount(text, currency, locale)
  const value = parsed !== null && parsed > 0 ? parsed : null
  return { text, setText, currency, parsed, value, invalid: text.trim() !== '' && value === null }
}

/** An amount to pay or pay back, with a button that fills in the most allowed; `words` are the form's own. */
export function AmountField(props: {
  amount: ReturnType<typeof useTypedAmount>
  max: number
  errors: string[] | undefined
  words: { label: string; fill: string }
  hint?: ReactNode
}) {
  const { toText } = useAmountText()
  const id = useId()
  const { currency, text, setText } = props.amount
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className={label}>
          {props.words.label}
        </label>
        <button type="button" onClick={() => setText(toText(props.max, currency))} className="text-xs font-medium text-brand-700 underline">
          {props.words.fill} <Money amount={props.max} currency={currency} />
        </button>
      </div>
      <MoneyInput
        id={id}
        name="amount"
        value={text}
        onChange={setText}
        currency={currency}
        invalid={!!props.errors?.length}
        describedBy={props.hint ? `${id}-hint ${id}-error` : `${id}-error`}
        required
      />
      {props.hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {props.hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={props.errors} />
    </div>
  )
}

/** The payer's or the bank's reference for a card or transfer payment (optional). */
export function ReferenceField({
  label: text,
  value,
  onChange,
  errors,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  errors?: string[]
}) {
  const id = useId()
  return (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={100}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={compactInputClass}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  )
}
