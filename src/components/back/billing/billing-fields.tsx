'use client'

import Link from 'next/link'
import type { ReactNode } from 'react'
import { Money } from '@/components/money'
import { FieldError } from '@/components/ui/field'
import { MoneyInput, useAmountText } from '@/components/ui/money-input'
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

/** An amount to pay or pay back, with a button that fills in the most allowed. */
export function AmountField(props: {
  id: string
  label: string
  fillLabel: string
  max: number
  currency: string
  value: string
  onChange: (value: string) => void
  errors: string[] | undefined
  hint?: ReactNode
}) {
  const { toText } = useAmountText()
  const { id, currency } = props
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className={label}>
          {props.label}
        </label>
        <button
          type="button"
          onClick={() => props.onChange(toText(props.max, currency))}
          className="text-xs font-medium text-brand-700 underline"
        >
          {props.fillLabel} <Money amount={props.max} currency={currency} />
        </button>
      </div>
      <MoneyInput
        id={id}
        name="amount"
        value={props.value}
        onChange={props.onChange}
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
  id,
  label: text,
  value,
  onChange,
  errors,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  errors?: string[]
}) {
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
