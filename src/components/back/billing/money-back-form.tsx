'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { recordRefundAction, returnDepositAction } from '@/actions/billing'
import { useDrawerChoice } from '@/components/drawer-choice'
import { PaymentMethodRadios } from '@/components/payment-method-radios'
import { useAction } from '@/components/ui/use-action'
import type { PaymentMethodInput } from '@/lib/schemas/order'
import { FormMessage } from '../form-message'
import { AmountField, primary, ReferenceField, useTypedAmount } from './billing-fields'

/** Pay money back against a credit note (never more than refundable). */
export function RefundForm({ creditNoteId, refundable, currency }: { creditNoteId: string; refundable: number; currency: string }) {
  return <MoneyBackForm kind="refund" target={{ creditNoteId }} available={refundable} currency={currency} />
}

/** Hand back a deposit never applied to an invoice, on a cancelled order (never more than returnable). */
export function ReturnDepositForm({ orderId, returnable, currency }: { orderId: string; returnable: number; currency: string }) {
  return <MoneyBackForm kind="return" target={{ orderId }} available={returnable} currency={currency} />
}

type MoneyBack = { kind: 'refund'; target: { creditNoteId: string } } | { kind: 'return'; target: { orderId: string } }

/** The one form for money going back to the customer: against a credit note, or a deposit on a cancelled order. */
function MoneyBackForm({ kind, target, available: refundable, currency }: MoneyBack & { available: number; currency: string }) {
  const t = useTranslations(kind === 'refund' ? 'back.refund' : 'back.returnDeposit')
  const [method, setMethod] = useState<PaymentMethodInput>('CASH')
  const amount = useTypedAmount(currency)
  const [reference, setReference] = useState('')
  const [done, setDone] = useState(false)
  const drawer = useDrawerChoice()
  const action = useAction<unknown, unknown>(kind === 'refund' ? recordRefundAction : returnDepositAction, {
    onSuccess: () => {
      setDone(true)
      amount.setText('')
      setReference('')
    },
  })
  if (refundable <= 0) {
    return (
      <div className="space-y-2" data-testid={`${kind}-form`}>
        {done && <FormMessage error={null} success={t('recorded')} />}
        <p className="text-sm text-slate-600">{t('nothing')}</p>
      </div>
    )
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (amount.value === null) return
        setDone(false)
        void action.run({
          ...target,
          method,
          amount: amount.value,
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          ...(method === 'CASH' && drawer.drawerId ? { drawerId: drawer.drawerId } : {}),
        })
      }}
      className="space-y-3"
      data-testid={`${kind}-form`}
      noValidate
    >
      <PaymentMethodRadios legend={t('method')} value={method} onChange={setMethod} />
      {method === 'CASH' && drawer.field}
      <AmountField
        amount={amount}
        max={refundable}
        errors={amount.invalid ? [t('amountInvalid')] : action.fieldErrors.amount}
        words={{ label: t('amount'), fill: t('fill') }}
      />
      <ReferenceField label={t('reference')} value={reference} onChange={setReference} errors={action.fieldErrors.reference} />
      <FormMessage error={action.formError} stale={action.stale} success={done ? t('recorded') : null} />
      <button type="submit" disabled={action.pending || amount.value === null} className={primary}>
        {action.pending ? t('saving') : t('submit')}
      </button>
    </form>
  )
}
