'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useId, useState, useTransition, type ReactNode } from 'react'
import { issueInvoiceAction, recordPaymentAction } from '@/actions/billing'
import { handOverAction } from '@/actions/counter'
import { changeDue } from '@/domain/intake'
import { formatMoney } from '@/domain/money'
import type { ActionFailure } from '@/lib/action-result'
import type { PaymentMethodInput } from '@/lib/schemas/order'
import { amountForInput, LabelledMoneyInput, parseTypedAmount } from '@/components/ui/money-input'
import { InputField } from '@/components/ui/field'
import { PaymentMethodRadios } from '@/components/payment-method-radios'
import { useDrawerChoice, type DrawerChoiceState, type OpenDrawers } from '@/components/drawer-choice'
import { panelClass } from '@/components/ui/styles'
import { TransferQr } from '@/components/transfer-qr'
import type { TransferQrDTO } from '@/server/billing/transfer-qr'

export interface PickupFacts {
  orderId: string
  version: number
  currency: string
  mode: 'PICKUP' | 'DELIVERY'
  status: 'RECEIVED' | 'IN_PROGRESS' | 'READY' | 'COLLECTED' | 'DELIVERED' | 'ON_HOLD' | 'CANCELLED'
  handedOver: boolean
  closed: boolean
  total: number
  deposit: number
  /** Money held other than deposits (payments minus refunds). */
  otherPaid: number
  leftToPay: number
  /** Fulfilled but not yet invoiced (gross). */
  uninvoiced: number
  invoices: Array<{ id: string; number: string; total: number }>
  canInvoice: boolean
  canHandOver: boolean
  /** Why the order cannot be handed over now (not ready, on hold, cancelled), as words. */
  handOverBlocked: string | null
  /** The VietQR code asking for what is left to pay; null when nothing is or the shop has no bank set. */
  transferQr: TransferQrDTO | null
}

type Step = 'invoice' | 'payment' | 'handover'

/** A cash payment's own fields: the cash handed over (for the change) and the drawer it goes into. */
function cashFields(tendered: number | null, drawerId: string | null) {
  return { ...(tendered !== null ? { tendered } : {}), ...(drawerId ? { drawerId } : {}) }
}
/** The payment step's fields that show their own error under them. */
const INLINE_PAYMENT_FIELDS = ['amount', 'tendered']
type Notice = { kind: 'ok' | 'error'; text: string; stale?: boolean }

/**
 * The steps' shared machinery (the counter's way of calling a server action): one notice per step, the field errors
 * of the last refusal, and "busy" until the order's fresh data (and version) has arrived after a step succeeded.
 */
function useSteps() {
  const t = useTranslations('front.pickup')
  const tRoot = useTranslations()
  const router = useRouter()
  // One message per step: the change to hand back stays on screen while the order is handed over.
  const [notices, setNotices] = useState<Partial<Record<Step, Notice>>>({})
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [acting, start] = useTransition()
  // Buttons stay disabled until the order's fresh data (and version) has arrived, so the next step never acts on the
  // version before the last one and trips over its own change.
  const [refreshing, startRefresh] = useTransition()
  const busy = acting || refreshing
  const reload = () => startRefresh(() => router.refresh())

  function failed(step: Step, result: ActionFailure) {
    const errors: Record<string, string> = {}
    for (const [path, messages] of Object.entries(result.fieldErrors)) if (messages[0]) errors[path] = messages[0]
    setFieldErrors(errors)
    // A refusal shown under its own field (an overpayment under the amount) is not repeated in the step's notice.
    const shownInline = step === 'payment' ? INLINE_PAYMENT_FIELDS : []
    const elsewhere = Object.entries(errors).find(([path]) => !shownInline.includes(path))?.[1]
    const text = result.formError ?? elsewhere ?? (Object.keys(errors).length === 0 ? tRoot('errors.checkFields') : null)
    setNotices((n) => ({ ...n, [step]: text === null ? undefined : { kind: 'error', text, stale: result.code === 'STALE' } }))
  }

  function run(step: Step, action: () => Promise<{ ok: true; text: string } | ActionFailure>) {
    setNotices((n) => ({ ...n, [step]: undefined }))
    setFieldErrors({})
    start(async () => {
      try {
        const result = await action()
        if (!result.ok) {
          failed(step, result)
          return
        }
        setNotices((n) => ({ ...n, [step]: { kind: 'ok', text: result.text } }))
        reload()
      } catch {
        setNotices((n) => ({ ...n, [step]: { kind: 'error', text: t('network') } }))
      }
    })
  }

  return { notices, setNotices, fieldErrors, setFieldErrors, busy, refreshing, reload, run }
}

/**
 * Pickup at the counter in three steps, each its own use case: invoice what is done (when the person may INVOICE),
 * take the payment (change computed from the cash tendered), hand over. Typed amounts survive a refused step (a stale
 * version, an overpayment) and a reload of the order's data.
 */
export function PickupPanel({ facts, drawers }: { facts: PickupFacts; drawers: OpenDrawers | null }) {
  const t = useTranslations('front.pickup')
  const locale = useLocale()
  const id = useId()
  const money = (n: number) => formatMoney(n, facts.currency, locale)
  const [method, setMethod] = useState<PaymentMethodInput>('CASH')
  const suggested = Math.max(0, facts.leftToPay)
  const [amountText, setAmountText] = useState(suggested > 0 ? amountForInput(suggested, facts.currency, locale) : '')
  const [tenderedText, setTenderedText] = useState('')
  const [reference, setReference] = useState('')
  const drawer = useDrawerChoice(`/front/orders/${facts.orderId}`, drawers)
  const { notices, setNotices, fieldErrors, setFieldErrors, busy, refreshing, reload, run } = useSteps()

  const amount = parseTypedAmount(amountText, facts.currency, locale)
  const tendered = tenderedText.trim() === '' ? null : parseTypedAmount(tenderedText, facts.currency, locale)
  const change = method === 'CASH' && amount !== null && tendered !== null ? changeDue(tendered, amount) : null

  function invoice() {
    run('invoice', async () => {
      const result = await issueInvoiceAction({ orderId: facts.orderId, expectedVersion: facts.version })
      if (!result.ok) return result
      return {
        ok: true,
        text: t('invoiced', { number: result.data.number, total: money(result.data.total), applied: money(result.data.applied) }),
      }
    })
  }

  function pay() {
    const errors: Record<string, string> = {}
    if (amount === null || amount <= 0) errors.amount = t('errors.amount')
    if (method === 'CASH' && tenderedText.trim() !== '' && (tendered === null || (amount !== null && tendered < amount)))
      errors.tendered = t('errors.tendered')
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors)
      setNotices((n) => ({ ...n, payment: undefined }))
      return
    }
    const payload = {
      orderId: facts.orderId,
      method,
      amount: amount as number,
      ...(method === 'CASH' ? cashFields(tendered, drawer.drawerId) : {}),
      ...(method !== 'CASH' && reference.trim() !== '' ? { reference: reference.trim() } : {}),
    }
    run('payment', async () => {
      const result = await recordPaymentAction(payload)
      if (!result.ok) return result
      setTenderedText('')
      setReference('')
      const rest = facts.leftToPay - payload.amount
      setAmountText(rest > 0 ? amountForInput(rest, facts.currency, locale) : '')
      const text =
        method === 'CASH' && result.data.change > 0
          ? t('paidWithChange', { amount: money(payload.amount), change: money(result.data.change) })
          : t('paid', { amount: money(payload.amount) })
      return { ok: true, text: result.data.orderClosed ? `${text} ${t('closedNow')}` : text }
    })
  }

  function handOver() {
    run('handover', async () => {
      const result = await handOverAction({ orderId: facts.orderId, expectedVersion: facts.version })
      if (!result.ok) return result
      const text = t(result.data.handover === 'DELIVERED' ? 'delivered' : 'collected')
      return { ok: true, text: result.data.closed ? `${text} ${t('closedNow')}` : text }
    })
  }

  const noticeFor = (step: Step) => (
    <StepNotice
      step={step}
      notice={notices[step]}
      refreshing={refreshing}
      onReload={() => {
        setNotices((n) => ({ ...n, [step]: undefined }))
        reload()
      }}
    />
  )

  return (
    <section aria-labelledby={`${id}-title`} className={panelClass} data-testid="pickup-panel">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('title')}
      </h2>
      <PickupTotals facts={facts} money={money} />
      <TransferPayment facts={facts} />

      {facts.closed ? <OrderClosedNotice /> : null}

      <ol className="mt-4 space-y-4">
        <InvoiceStep facts={facts} money={money} busy={busy} onInvoice={invoice} notice={noticeFor('invoice')} />

        <PaymentStep
          facts={facts}
          money={money}
          busy={busy}
          onPay={pay}
          notice={noticeFor('payment')}
          id={id}
          fields={{
            method,
            setMethod,
            amountText,
            setAmountText,
            tenderedText,
            setTenderedText,
            reference,
            setReference,
            fieldErrors,
            change,
            amount,
            tendered,
            drawer,
          }}
        />

        <HandOverStep facts={facts} money={money} busy={busy} onHandOver={handOver} notice={noticeFor('handover')} />
      </ol>
    </section>
  )
}

/** The QR code to pay what is left by transfer, large enough to scan across the counter; "paid" once the bank (or
 * anyone) has recorded the last of it — the page follows the order live, so this turns without a reload. */
function TransferPayment({ facts }: { facts: PickupFacts }) {
  const t = useTranslations('common.transferQr')
  if (facts.total > 0 && facts.leftToPay === 0) {
    return (
      <p
        className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-base font-semibold text-emerald-900"
        role="status"
        data-testid="pickup-paid"
      >
        {t('paid')}
      </p>
    )
  }
  if (!facts.transferQr || facts.closed) return null
  return (
    <div className="mt-4 border-t border-slate-200 pt-4">
      <TransferQr qr={facts.transferQr} size="screen" note={t('waiting')} />
    </div>
  )
}

/** What the order costs, what was paid and what is left (or owed back). */
function PickupTotals({ facts, money }: { facts: PickupFacts; money: (minor: number) => string }) {
  const t = useTranslations('front.pickup')
  return (
    <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
      <div>
        <dt className="text-slate-600">{t('total')}</dt>
        <dd className="font-medium tabular-nums">{money(facts.total)}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t('deposit')}</dt>
        <dd className="font-medium tabular-nums">{money(facts.deposit)}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t('paidSoFar')}</dt>
        <dd className="font-medium tabular-nums">{money(facts.otherPaid)}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{facts.leftToPay < 0 ? t('owedBack') : t('leftToPay')}</dt>
        <dd
          className={`text-lg font-bold tabular-nums ${facts.leftToPay > 0 ? 'text-slate-900' : 'text-emerald-700'}`}
          data-testid="left-to-pay"
        >
          {money(Math.abs(facts.leftToPay))}
        </dd>
      </div>
    </dl>
  )
}

/** A step's outcome: its confirmation, or its refusal (with "reload" when someone else changed the order). */
function StepNotice({
  step,
  notice,
  refreshing,
  onReload,
}: {
  step: Step
  notice: Notice | undefined
  refreshing: boolean
  onReload: () => void
}) {
  const t = useTranslations('front.pickup')
  if (!notice) return null
  return (
    <div
      role={notice.kind === 'error' ? 'alert' : 'status'}
      className={`mt-2 rounded-md px-3 py-2 text-sm ${notice.kind === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-900'}`}
      data-testid={`pickup-${step}-notice`}
    >
      <p>{notice.text}</p>
      {notice.stale && (
        <button
          type="button"
          disabled={refreshing}
          onClick={onReload}
          className="mt-1 font-semibold underline underline-offset-2 disabled:opacity-60"
        >
          {t('reload')}
        </button>
      )}
    </div>
  )
}

/** A step's number, or a tick once it is done (said to screen readers too). */
function StepTitle({ n, title, done }: { n: number; title: string; done: boolean }) {
  const t = useTranslations('front.pickup')
  return (
    <h3 className="flex items-center gap-2 font-semibold">
      <span
        className={`inline-flex h-6 w-6 items-center justify-center rounded-full text-xs ${done ? 'bg-emerald-600 text-white' : 'bg-slate-900 text-white'}`}
        aria-hidden
      >
        {done ? '✓' : n}
      </span>
      {title}
      {done && <span className="sr-only">({t('done')})</span>}
    </h3>
  )
}

/** What every step is given: the counter's facts, how to write an amount, whether an action runs, its notice. */
type StepProps = { facts: PickupFacts; money: (minor: number) => string; busy: boolean; notice: ReactNode }

/** One numbered step of the pickup: its title, what it shows or offers, and the notice of its last action. */
function Step({ n, title, done, notice, children }: { n: number; title: string; done: boolean; notice: ReactNode; children: ReactNode }) {
  return (
    <li>
      <StepTitle n={n} title={title} done={done} />
      {children}
      {notice}
    </li>
  )
}

/** A step's button (`buttonClass` its colour) and a short line beside it. */
function StepAction({
  label,
  onClick,
  disabled,
  buttonClass,
  aside,
  spaced = true,
}: {
  label: string
  onClick: () => void
  disabled: boolean
  buttonClass: string
  aside: ReactNode
  spaced?: boolean
}) {
  return (
    <div className={`${spaced ? 'mt-2 ' : ''}flex flex-wrap items-center gap-3`}>
      <button
        type="button"
        disabled={disabled}
        onClick={onClick}
        className={`rounded-md px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 ${buttonClass}`}
      >
        {label}
      </button>
      {aside}
    </div>
  )
}

/** A line of what a step says instead of offering an action (done already, not allowed, nothing to do). */
function StepNote({ children, muted }: { children: ReactNode; muted?: boolean }) {
  return <p className={`mt-1 text-sm ${muted ? 'text-slate-600' : 'text-slate-700'}`}>{children}</p>
}

/** Step 1: invoice what is done (when the person may), or say why not. */
function InvoiceStep({ facts, money, busy, onInvoice, notice }: StepProps & { onInvoice: () => void }) {
  const t = useTranslations('front.pickup')
  return (
    <Step n={1} title={t('invoiceStep')} done={facts.uninvoiced === 0 && facts.invoices.length > 0} notice={notice}>
      {facts.invoices.length > 0 && (
        <ul className="mt-1 text-sm text-slate-700">
          {facts.invoices.map((inv) => (
            <li key={inv.id}>
              <span className="font-mono">{inv.number}</span> · {money(inv.total)}
            </li>
          ))}
        </ul>
      )}
      {facts.uninvoiced > 0 ? (
        facts.canInvoice ? (
          <StepAction
            label={t('issueInvoice', { amount: money(facts.uninvoiced) })}
            onClick={onInvoice}
            disabled={busy}
            buttonClass="bg-slate-900 hover:bg-slate-700"
            aside={<span className="text-xs text-slate-600">{t('depositApplied')}</span>}
          />
        ) : (
          <StepNote>{t('cannotInvoice', { amount: money(facts.uninvoiced) })}</StepNote>
        )
      ) : (
        facts.invoices.length === 0 && <StepNote muted>{t('nothingToInvoice')}</StepNote>
      )}
    </Step>
  )
}

/** Step 3: hand the order over (collected or delivered), or say why it cannot be yet. */
function HandOverStep({ facts, money, busy, onHandOver, notice }: StepProps & { onHandOver: () => void }) {
  const t = useTranslations('front.pickup')
  const delivery = facts.mode === 'DELIVERY'
  return (
    <Step n={3} title={delivery ? t('deliveryStep') : t('handoverStep')} done={facts.handedOver} notice={notice}>
      {facts.handedOver ? (
        <StepNote>{t(facts.status === 'DELIVERED' ? 'deliveredAlready' : 'collectedAlready')}</StepNote>
      ) : facts.handOverBlocked ? (
        <StepNote>{facts.handOverBlocked}</StepNote>
      ) : facts.canHandOver ? (
        <StepAction
          label={delivery ? t('markDelivered') : t('markCollected')}
          onClick={onHandOver}
          disabled={busy}
          buttonClass="bg-emerald-700 hover:bg-emerald-800"
          aside={
            facts.leftToPay > 0 && <span className="text-xs text-amber-800">{t('unpaidWarning', { amount: money(facts.leftToPay) })}</span>
          }
        />
      ) : (
        <StepNote>{t('cannotHandOver')}</StepNote>
      )}
    </Step>
  )
}

interface PaymentFields {
  method: PaymentMethodInput
  setMethod: (method: PaymentMethodInput) => void
  amountText: string
  setAmountText: (text: string) => void
  tenderedText: string
  setTenderedText: (text: string) => void
  reference: string
  setReference: (text: string) => void
  fieldErrors: Record<string, string>
  change: number | null
  amount: number | null
  tendered: number | null
  /** Where cash goes (or how to open a drawer first). */
  drawer: DrawerChoiceState
}

/** Step 2: take the payment — method, amount, cash tendered (and the change) or the payer's reference. */
function PaymentStep({
  facts,
  money,
  busy,
  onPay,
  notice,
  id,
  fields: f,
}: StepProps & { onPay: () => void; id: string; fields: PaymentFields }) {
  const t = useTranslations('front.pickup')
  const paidUp = facts.leftToPay <= 0
  // The amount paid and the cash tendered: typed the same way, each named by its field (and its error).
  const amountInput = (field: 'amount' | 'tendered', value: string, onChange: (text: string) => void) => ({
    id: `${id}-${field}`,
    label: t(field),
    currency: facts.currency,
    value,
    onChange,
    invalid: !!f.fieldErrors[field],
  })
  return (
    <Step n={2} title={t('paymentStep')} done={paidUp && facts.invoices.length > 0} notice={notice}>
      {paidUp ? (
        <StepNote>{facts.leftToPay < 0 ? t('overpaid', { amount: money(-facts.leftToPay) }) : t('nothingToPay')}</StepNote>
      ) : (
        <div className="mt-2 space-y-3">
          <PaymentMethodRadios legend={t('method')} hideLegend value={f.method} onChange={f.setMethod} />
          {f.method === 'CASH' && f.drawer.field}
          <div className="grid gap-3 sm:grid-cols-2">
            <LabelledMoneyInput
              {...amountInput('amount', f.amountText, f.setAmountText)}
              describedBy={f.fieldErrors.amount ? `${id}-amount-error` : undefined}
            >
              {f.fieldErrors.amount && (
                <p id={`${id}-amount-error`} role="alert" className="mt-1 text-xs text-red-700" data-testid="amount-error">
                  {f.fieldErrors.amount}
                </p>
              )}
            </LabelledMoneyInput>
            {f.method === 'CASH' ? (
              <LabelledMoneyInput {...amountInput('tendered', f.tenderedText, f.setTenderedText)} describedBy={`${id}-change`}>
                <p
                  id={`${id}-change`}
                  className={`mt-1 text-sm ${f.fieldErrors.tendered ? 'text-red-700' : 'font-semibold text-emerald-800'}`}
                  aria-live="polite"
                  data-testid="change-due"
                >
                  {f.fieldErrors.tendered ??
                    (f.change !== null
                      ? t('change', { amount: money(f.change) })
                      : f.tendered !== null && f.amount !== null
                        ? t('errors.tendered')
                        : '')}
                </p>
              </LabelledMoneyInput>
            ) : (
              <InputField
                label={t('reference')}
                type="text"
                maxLength={100}
                autoComplete="off"
                value={f.reference}
                onChange={(e) => f.setReference(e.target.value)}
              />
            )}
          </div>
          <StepAction
            spaced={false}
            label={t('recordPayment')}
            onClick={onPay}
            disabled={busy || (f.method === 'CASH' && f.drawer.missing)}
            buttonClass="bg-brand-600 hover:bg-brand-700"
            aside={facts.uninvoiced > 0 && <span className="text-xs text-slate-600">{t('heldUntilInvoiced')}</span>}
          />
        </div>
      )}
    </Step>
  )
}

/** The order is paid and handed over: nothing is left to do at the counter. */
function OrderClosedNotice() {
  const t = useTranslations('front.pickup')
  return (
    <p className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900" role="status" data-testid="order-closed">
      {t('closed')}
    </p>
  )
}
