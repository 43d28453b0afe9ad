'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useId, useState, type ReactNode } from 'react'
import { Money } from '@/components/money'
import { Field, FieldError } from '@/components/ui/field'
import { MoneyInput, parseTypedAmount, useAmountText } from '@/components/ui/money-input'
import { compactInputClass } from '@/components/ui/styles'

// The pieces the billing forms share: their buttons and labels, the note naming a document just issued, and the
// amount and reference fields of money coming in or going back.

export const button = 'rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-50'
export const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`
export const label = 'block text-sm font-medium text-slate-700'

/** The document just issued (an invoice, a credit note), linked, with the amount it moved when there is one: the
 * deposit an invoice took up, what a credit note makes refundable. */
export function IssuedNote({
  kind,
  id,
  number,
  amount,
  currency,
  live = true,
}: {
  kind: 'invoice' | 'creditNote'
  id: string
  number: string
  amount: number
  currency: string
  live?: boolean
}) {
  const invoice = useTranslations('back.invoice')
  const credit = useTranslations('back.credit')
  const note =
    kind === 'invoice'
      ? { text: invoice('issued'), amountLabel: invoice('applied'), href: `/back/invoices/${id}` }
      : { text: credit('issued'), amountLabel: credit('refundable'), href: `/back/credit-notes/${id}` }
  return (
    <p role={live ? 'status' : undefined} className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200">
      {note.text}{' '}
      <Link href={note.href} className="font-mono font-semibold underline">
        {number}
      </Link>
      {amount > 0 && (
        <>
          {' · '}
          {note.amountLabel} <Money amount={amount} currency={currency} />
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
  return (
    <Field label={text} errors={errors}>
      {(field) => (
        <input {...field} value={value} onChange={(e) => onChange(e.target.value)} maxLength={100} className={compactInputClass} />
      )}
    </Field>
  )
}
