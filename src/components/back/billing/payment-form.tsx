'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { recordPaymentAction } from '@/actions/billing'
import { Money } from '@/components/money'
import { useDrawerChoice } from '@/components/drawer-choice'
import { PaymentMethodRadios } from '@/components/payment-method-radios'
import { ChoiceField } from '@/components/ui/field'
import { MoneyField, parseTypedAmount, useAmountText } from '@/components/ui/money-input'
import { useAction } from '@/components/ui/use-action'
import type { PaymentMethodInput } from '@/lib/schemas/order'
import { FormMessage } from '../form-message'
import { AmountField, primary, ReferenceField, useTypedAmount } from './billing-fields'

/**
 * Take a payment: cash (with change), card or transfer; against one invoice or the order's open invoices oldest
 * first. The most that can be paid is shown and enforced by the server (overpayment refused).
 */
export function PaymentForm({
  orderId,
  invoices,
  maxPayable,
  currency,
  fixedInvoiceId,
}: {
  orderId: string
  invoices: Array<{ id: string; number: string; open: number }>
  maxPayable: number
  currency: string
  fixedInvoiceId?: string
}) {
  const t = useTranslations('back.payment')
  const { locale } = useAmountText()
  const [method, setMethod] = useState<PaymentMethodInput>('CASH')
  const amount = useTypedAmount(currency)
  const [tendered, setTendered] = useState('')
  const [reference, setReference] = useState('')
  const [invoiceId, setInvoiceId] = useState(fixedInvoiceId ?? '')
  const [done, setDone] = useState<{ change: number; balance: number; orderClosed: boolean } | null>(null)
  const drawer = useDrawerChoice()
  const action = useAction(recordPaymentAction, {
    onSuccess: (data) => {
      setDone(data)
      amount.setText('')
      setTendered('')
      setReference('')
    },
  })
  const open = invoices.filter((i) => i.open > 0)
  const chosen = open.find((i) => i.id === invoiceId)
  // Against one invoice (its own page), nothing more is payable once that invoice is paid, whatever else is open.
  const max = chosen ? Math.min(chosen.open, maxPayable) : fixedInvoiceId ? 0 : maxPayable
  const minor = amount.parsed
  const tenderedMinor = tendered.trim() === '' ? undefined : parseTypedAmount(tendered, currency, locale)
  const localErrors: Record<string, string[]> = {}
  if (amount.invalid) localErrors.amount = [t('amountInvalid')]
  if (tendered.trim() !== '' && (tenderedMinor === null || (minor !== null && tenderedMinor !== undefined && tenderedMinor < minor)))
    localErrors.tendered = [t('tenderedInvalid')]
  const errors = { ...action.fieldErrors, ...localErrors }
  const change =
    method === 'CASH' && minor !== null && typeof tenderedMinor === 'number' && tenderedMinor >= minor ? tenderedMinor - minor : null

  const doneBox = <PaymentDone done={done} currency={currency} onClose={() => setDone(null)} />
  if (max <= 0) {
    return (
      <div className="space-y-2" data-testid="payment-form">
        {doneBox}
        <p className="text-sm text-slate-600">{fixedInvoiceId ? t('invoicePaid') : t('nothingToPay')}</p>
      </div>
    )
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (amount.value === null || Object.keys(localErrors).length > 0) return
        setDone(null)
        void action.run({
          orderId,
          method,
          amount: amount.value,
          ...(invoiceId ? { invoiceId } : {}),
          ...(method === 'CASH' && typeof tenderedMinor === 'number' ? { tendered: tenderedMinor } : {}),
          ...(method !== 'CASH' && reference.trim() !== '' ? { reference: reference.trim() } : {}),
          ...(method === 'CASH' && drawer.drawerId ? { drawerId: drawer.drawerId } : {}),
        })
      }}
      className="space-y-3"
      data-testid="payment-form"
      noValidate
    >
      <PaymentMethodRadios legend={t('method')} value={method} onChange={setMethod} />
      {method === 'CASH' && drawer.field}
      {!fixedInvoiceId && open.length > 1 && (
        <ChoiceField
          compact
          label={t('invoice')}
          value={invoiceId}
          onChange={setInvoiceId}
          options={[{ value: '', label: t('oldestFirst') }, ...open.map((i) => ({ value: i.id, label: i.number }))]}
        />
      )}
      <AmountField
        amount={amount}
        max={max}
        errors={errors.amount}
        words={{ label: t('amount'), fill: t('fill') }}
        hint={
          <>
            {t('max')} <Money amount={max} currency={currency} />
          </>
        }
      />
      {method === 'CASH' ? (
        <TenderedField value={tendered} onChange={setTendered} currency={currency} errors={errors.tendered} change={change} />
      ) : (
        <ReferenceField label={t('reference')} value={reference} onChange={setReference} errors={errors.reference} />
      )}
      <FormMessage error={action.formError} stale={action.stale} />
      {doneBox}
      <button type="submit" disabled={action.pending || amount.value === null || (method === 'CASH' && drawer.missing)} className={primary}>
        {action.pending ? t('saving') : t('submit')}
      </button>
    </form>
  )
}

/** What the payment did: the change to give back and what is left. Stays until dismissed (or the next payment): the
 * change to give back must not vanish with the refreshed page. */
function PaymentDone({
  done,
  currency,
  onClose,
}: {
  done: { change: number; balance: number; orderClosed: boolean } | null
  currency: string
  onClose: () => void
}) {
  const t = useTranslations('back.payment')
  const common = useTranslations('common.actions')
  if (!done) return null
  return (
    <div
      role="status"
      className="relative rounded-md bg-emerald-50 px-3 py-2 pr-16 text-sm text-emerald-900 ring-1 ring-emerald-200"
      data-testid="payment-done"
    >
      <button
        type="button"
        onClick={onClose}
        className="absolute right-2 top-2 rounded px-1 text-sm font-medium underline-offset-2 hover:underline"
      >
        {common('close')}
      </button>
      <p className="font-semibold">{t('recorded')}</p>
      {done.change > 0 && (
        <p>
          {t('giveBack')} <Money amount={done.change} currency={currency} className="font-semibold" />
        </p>
      )}
      {done.orderClosed ? (
        <p>{t('closed')}</p>
      ) : done.balance > 0 ? (
        <p>
          {t('balance')} <Money amount={done.balance} currency={currency} />
        </p>
      ) : null}
    </div>
  )
}

/** Cash handed over, and the change it leaves once the amount is known. */
function TenderedField({
  value,
  onChange,
  currency,
  errors,
  change,
}: {
  value: string
  onChange: (value: string) => void
  currency: string
  errors?: string[]
  change: number | null
}) {
  const t = useTranslations('back.payment')
  return (
    <div>
      <MoneyField label={t('tendered')} value={value} onChange={onChange} currency={currency} errors={errors} />
      {change !== null && (
        <p className="mt-1 text-sm" aria-live="polite">
          {t('change')} <Money amount={change} currency={currency} className="font-semibold" />
        </p>
      )}
    </div>
  )
}
