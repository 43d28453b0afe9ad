'use client'

import { useTranslations } from 'next-intl'
import type { Ref } from 'react'
import { changeDue, type DepositProblem, type DepositReading } from '@/domain/intake'
import { formatMoney, MAX_AMOUNT } from '@/domain/money'
import type { DocumentTotals } from '@/domain/tax'
import { PAYMENT_METHODS, type PaymentMethodInput } from '@/lib/schemas/order'
import { Kbd } from '../kbd'
import type { IntakeInputs, IntakeState } from './intake-state'
import { StepHeading } from './step-heading'
import { Labeled } from './labeled'
import { Options } from '@/components/ui/field'

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500'

/** The words for an amount refused at the counter; "too large" names the limit. */
export function useAmountProblem(currency: string, locale: string) {
  const t = useTranslations('front.intake.errors')
  return (problem: DepositProblem | 'price'): string => {
    switch (problem) {
      case 'tooLarge':
        return t('amountTooLarge', { max: formatMoney(MAX_AMOUNT, currency, locale) })
      case 'overTotal':
        return t('depositTooLarge')
      case 'tenderedLow':
        return t('tenderedTooLow')
      case 'price':
        return t('price')
      default:
        return t('amount')
    }
  }
}

/** Subtotal, tax by rate and total ('—' while a line cannot be computed). */
function TotalsList({ totals, money }: { totals: DocumentTotals | null; money: (n: number) => string }) {
  const t = useTranslations('front.intake.totals')
  return (
    <dl className="space-y-1 text-sm" data-testid="intake-totals" aria-live="polite">
      <div className="flex justify-between">
        <dt className="text-slate-600">{t('subtotal')}</dt>
        <dd className="tabular-nums">{totals ? money(totals.subtotal) : '—'}</dd>
      </div>
      {(totals?.byRate.length ? totals.byRate : [{ taxRateBp: 0, tax: 0, net: 0 }]).map((r) => (
        <div key={r.taxRateBp} className="flex justify-between">
          <dt className="text-slate-600">{totals?.byRate.length ? t('taxAt', { rate: r.taxRateBp / 100 }) : t('tax')}</dt>
          <dd className="tabular-nums">{totals ? money(r.tax) : '—'}</dd>
        </div>
      ))}
      <div className="flex justify-between border-t border-slate-200 pt-1 text-base font-bold">
        <dt>{t('total')}</dt>
        <dd className="tabular-nums" data-testid="intake-total">
          {totals ? money(totals.total) : t('tooLarge')}
        </dd>
      </div>
    </dl>
  )
}

/**
 * Totals, the deposit taken now with its method, the cash given and the change. Problems with the deposit show as it
 * is typed (not only on submit), and "left to pay after the deposit" only for an accepted deposit: a refused one
 * never produces a negative balance on screen.
 */
export function AmountsPanel({
  id,
  currency,
  locale,
  totals,
  depositRef,
  state,
  set,
  reading,
}: {
  id: string
  currency: string
  locale: string
  totals: DocumentTotals | null
  depositRef: Ref<HTMLInputElement>
  /** What is typed, and the errors from the last submit (server or schema), by path. */
  state: Pick<IntakeState, 'depositText' | 'depositMethod' | 'tenderedText' | 'errors'>
  set: (inputs: Partial<IntakeInputs>) => void
  reading: DepositReading
}) {
  const t = useTranslations('front.intake')
  const tRoot = useTranslations()
  const problemText = useAmountProblem(currency, locale)
  const money = (n: number) => formatMoney(n, currency, locale)
  const { depositText, depositMethod: method, tenderedText, errors: submitErrors } = state
  const amountError = reading.problems.amount ? problemText(reading.problems.amount) : submitErrors['deposit.amount']
  const tenderedError = reading.problems.tendered ? problemText(reading.problems.tendered) : submitErrors['deposit.tendered']
  const change = reading.amount !== undefined && reading.tendered !== undefined ? changeDue(reading.tendered, reading.amount) : null
  return (
    <section aria-labelledby={`${id}-money`} className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <StepHeading id={`${id}-money`} step={4}>
        {t('totals.title')}
      </StepHeading>
      <TotalsList totals={totals} money={money} />
      <div className="grid grid-cols-[minmax(0,1fr)_8rem] gap-2">
        <div>
          <label htmlFor={`${id}-deposit-amount`} className="flex items-center justify-between gap-1 text-sm font-medium text-slate-700">
            <span>{t('deposit.amount')}</span>
            <Kbd keys={['Alt', 'M']} className="text-xs font-normal" />
          </label>
          <input
            ref={depositRef}
            id={`${id}-deposit-amount`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t('deposit.none')}
            value={depositText}
            onChange={(e) => set({ depositText: e.target.value })}
            aria-invalid={!!amountError || undefined}
            aria-describedby={amountError ? `${id}-deposit-amount-error` : undefined}
            className={`${field} text-right tabular-nums`}
          />
        </div>
        <Labeled htmlFor={`${id}-deposit-method`} label={t('deposit.method')}>
          <select
            id={`${id}-deposit-method`}
            value={method}
            onChange={(e) => set({ depositMethod: e.target.value as PaymentMethodInput })}
            className={field}
          >
            <Options options={PAYMENT_METHODS.map((m) => ({ value: m, label: tRoot(`common.paymentMethod.${m}`) }))} />
          </select>
        </Labeled>
      </div>
      {amountError && (
        <p id={`${id}-deposit-amount-error`} className="mt-1 text-xs text-red-700" data-testid="deposit-error">
          {amountError}
        </p>
      )}
      {method === 'CASH' && depositText.trim() !== '' && (
        <Labeled htmlFor={`${id}-deposit-tendered`} label={t('deposit.tendered')}>
          <input
            id={`${id}-deposit-tendered`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={tenderedText}
            onChange={(e) => set({ tenderedText: e.target.value })}
            aria-invalid={!!tenderedError || undefined}
            aria-describedby={tenderedError ? `${id}-deposit-tendered-error` : undefined}
            className={`${field} text-right tabular-nums`}
          />
          {tenderedError && (
            <p id={`${id}-deposit-tendered-error`} className="mt-1 text-xs text-red-700">
              {tenderedError}
            </p>
          )}
          {change !== null && (
            <p className="mt-1 text-sm font-semibold text-emerald-800" role="status">
              {t('deposit.change', { amount: money(change) })}
            </p>
          )}
        </Labeled>
      )}
      {totals && reading.amount !== undefined && (
        <p className="flex justify-between text-sm" data-testid="left-after-deposit">
          <span className="text-slate-600">{t('totals.leftAfterDeposit')}</span>
          <span className="font-semibold tabular-nums">{money(totals.total - reading.amount)}</span>
        </p>
      )}
    </section>
  )
}
