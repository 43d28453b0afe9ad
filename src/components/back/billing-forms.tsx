'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useEffect, useId, useRef, useState } from 'react'
import { issueCreditNoteAction, issueInvoiceAction, recordPaymentAction, recordRefundAction, returnDepositAction } from '@/app/(back)/back/actions'
import { checkCredit } from '@/domain/order-status'
import { creditLineAmounts, sumAmounts } from '@/domain/tax'
import type { PaymentMethodInput } from '@/lib/schemas/order'
import { Money } from '../money'
import { PaymentMethodRadios } from '../payment-method-radios'
import { FieldError } from '@/components/ui/field'
import { FormMessage } from './form-message'
import { MoneyInput, parseTypedAmount, useAmountText } from '@/components/ui/money-input'
import { useAction } from '@/components/ui/use-action'
import { compactInputClass } from '@/components/ui/styles'

const button = 'rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-50'
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`
const label = 'block text-sm font-medium text-slate-700'

/** The document just issued, linked, with the amount it moved (deposit applied, refundable) when there is one. */
function IssuedNote({ text, href, number, amountLabel, amount, currency, live = true }: { text: string; href: string; number: string; amountLabel: string; amount: number; currency: string; live?: boolean }) {
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

/** Issue the invoice for everything done and not yet invoiced, on the version the person saw. */
type IssuedInvoice = { invoiceId: string; number: string; applied: number }

/** Sent on the window by an IssueInvoiceButton that leaves the page once its order is invoiced. */
const INVOICE_ISSUED_EVENT = 'handoff:invoice-issued'

/**
 * An invoice takes the next number and can never be changed (only credited), so the button asks first: a dialog names
 * the customer and the amount, and only "Issue invoice" there takes the number; Cancel or Escape leaves nothing behind.
 *
 * `goneWhenIssued`: the button sits in something that disappears as soon as the order is invoiced — a row of the
 * billing desk's live list, the order page's "to invoice" box once nothing is left to invoice — and the page's
 * refresh may land before this action's answer. The confirmation is then shown by the page's IssuedInvoices
 * instead of next to the button, where it would vanish with it.
 */
export function IssueInvoiceButton({ orderId, version, value, currency, customer, orderNumber, compact, goneWhenIssued }: { orderId: string; version: number; value: number; currency: string; customer: string; orderNumber: string; compact?: boolean; goneWhenIssued?: boolean }) {
  const t = useTranslations('back.invoice')
  const common = useTranslations('common.actions')
  const [issued, setIssued] = useState<IssuedInvoice | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const action = useAction(issueInvoiceAction, {
    onSuccess: (data) => (goneWhenIssued ? window.dispatchEvent(new CustomEvent<IssuedInvoice>(INVOICE_ISSUED_EVENT, { detail: data })) : setIssued(data)),
  })
  const confirm = () => {
    dialog.current?.close()
    void action.run({ orderId, expectedVersion: version })
  }
  return (
    <div className={compact ? 'space-y-1' : 'space-y-2'} data-testid="issue-invoice">
      <button type="button" onClick={() => dialog.current?.showModal()} disabled={action.pending || value <= 0} aria-haspopup="dialog" className={compact ? `${primary} px-3 py-1.5` : primary}>
        {action.pending ? t('issuing') : compact ? t('issueShort') : t('issue')}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-white p-5 text-left shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40" data-testid="issue-invoice-confirm">
        <h2 id={titleId} className="text-lg font-semibold">
          {t('confirmTitle')}
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t('confirmCustomer')}</dt>
          <dd className="font-medium">{customer}</dd>
          <dt className="text-slate-600">{t('confirmOrder')}</dt>
          <dd className="font-mono">{orderNumber}</dd>
          <dt className="text-slate-600">{t('confirmAmount')}</dt>
          <dd>
            <Money amount={value} currency={currency} className="font-semibold" />
          </dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700">{t('confirmFinal')}</p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className={`${button} bg-white ring-1 ring-slate-300 hover:bg-slate-50`}>
            {common('cancel')}
          </button>
          <button type="button" onClick={confirm} className={primary}>
            {t('confirm')}
          </button>
        </div>
      </dialog>
      {!compact && value > 0 && (
        <p className="text-sm text-slate-600">
          {t('value')} <Money amount={value} currency={currency} className="font-semibold text-slate-900" />
        </p>
      )}
      {issued && <IssuedNote text={t('issued')} href={`/back/invoices/${issued.invoiceId}`} number={issued.number} amountLabel={t('applied')} amount={issued.applied} currency={currency} />}
      <FormMessage error={action.formError} stale={action.stale} />
    </div>
  )
}

/** The invoices just issued from this page (`IssueInvoiceButton goneWhenIssued`), newest first, in one live region
 * that is on the page from the start (so that screen readers announce what is added to it), pinned to the bottom of
 * the window: the button clicked may be far down a long list, and it is gone by the time the answer comes. */
export function IssuedInvoices({ currency }: { currency: string }) {
  const t = useTranslations('back.invoice')
  const common = useTranslations('common.actions')
  const [items, setItems] = useState<IssuedInvoice[]>([])
  useEffect(() => {
    const onIssued = (event: Event) => {
      const issued = (event as CustomEvent<IssuedInvoice>).detail
      setItems((previous) => [issued, ...previous.filter((i) => i.invoiceId !== issued.invoiceId)].slice(0, 3))
    }
    window.addEventListener(INVOICE_ISSUED_EVENT, onIssued)
    return () => window.removeEventListener(INVOICE_ISSUED_EVENT, onIssued)
  }, [])
  return (
    <div role="status" data-testid="issued-invoices" className="fixed inset-x-4 bottom-4 z-30 ml-auto max-w-md space-y-2 sm:left-auto">
      {items.map((i) => (
        <div key={i.invoiceId} className="flex items-start gap-2 rounded-md bg-white shadow-lg">
          <div className="min-w-0 flex-1">
            <IssuedNote live={false} text={t('issued')} href={`/back/invoices/${i.invoiceId}`} number={i.number} amountLabel={t('applied')} amount={i.applied} currency={currency} />
          </div>
          <button
            type="button"
            onClick={() => setItems((previous) => previous.filter((p) => p.invoiceId !== i.invoiceId))}
            className="rounded-md px-2 py-2 text-sm font-medium text-slate-700 underline-offset-2 hover:underline"
          >
            {common('close')}
          </button>
        </div>
      ))}
    </div>
  )
}

/** An amount to pay or pay back, with a button that fills in the most allowed. */
function AmountField(props: { id: string; label: string; fillLabel: string; max: number; currency: string; value: string; onChange: (value: string) => void; errors: string[] | undefined; hint?: React.ReactNode }) {
  const { toText } = useAmountText()
  const { id, currency } = props
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className={label}>
          {props.label}
        </label>
        <button type="button" onClick={() => props.onChange(toText(props.max, currency))} className="text-xs font-medium text-brand-700 underline">
          {props.fillLabel} <Money amount={props.max} currency={currency} />
        </button>
      </div>
      <MoneyInput id={id} name="amount" value={props.value} onChange={props.onChange} currency={currency} invalid={!!props.errors?.length} describedBy={props.hint ? `${id}-hint ${id}-error` : `${id}-error`} required />
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
function ReferenceField({ id, label: text, value, onChange, errors }: { id: string; label: string; value: string; onChange: (value: string) => void; errors?: string[] }) {
  return (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} maxLength={100} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined} className={compactInputClass} />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  )
}

/**
 * Take a payment: cash (with change), card or transfer; against one invoice or the order's open invoices oldest
 * first. The most that can be paid is shown and enforced by the server (overpayment refused).
 */
export function PaymentForm({ orderId, invoices, maxPayable, currency, fixedInvoiceId }: { orderId: string; invoices: Array<{ id: string; number: string; open: number }>; maxPayable: number; currency: string; fixedInvoiceId?: string }) {
  const t = useTranslations('back.payment')
  const common = useTranslations('common.actions')
  const { locale } = useAmountText()
  const ids = { amount: useId(), tendered: useId(), reference: useId(), invoice: useId() }
  const [method, setMethod] = useState<PaymentMethodInput>('CASH')
  const [amount, setAmount] = useState('')
  const [tendered, setTendered] = useState('')
  const [reference, setReference] = useState('')
  const [invoiceId, setInvoiceId] = useState(fixedInvoiceId ?? '')
  const [done, setDone] = useState<{ change: number; balance: number; orderClosed: boolean } | null>(null)
  const action = useAction(recordPaymentAction, {
    onSuccess: (data) => {
      setDone(data)
      setAmount('')
      setTendered('')
      setReference('')
    },
  })
  const open = invoices.filter((i) => i.open > 0)
  const chosen = open.find((i) => i.id === invoiceId)
  // Against one invoice (its own page), nothing more is payable once that invoice is paid, whatever else is open.
  const max = chosen ? Math.min(chosen.open, maxPayable) : fixedInvoiceId ? 0 : maxPayable
  const minor = parseTypedAmount(amount, currency, locale)
  const tenderedMinor = tendered.trim() === '' ? undefined : parseTypedAmount(tendered, currency, locale)
  const localErrors: Record<string, string[]> = {}
  if (amount.trim() !== '' && (minor === null || minor <= 0)) localErrors.amount = [t('amountInvalid')]
  if (tendered.trim() !== '' && (tenderedMinor === null || (minor !== null && tenderedMinor !== undefined && tenderedMinor < minor))) localErrors.tendered = [t('tenderedInvalid')]
  const errors = { ...action.fieldErrors, ...localErrors }
  const change = method === 'CASH' && minor !== null && typeof tenderedMinor === 'number' && tenderedMinor >= minor ? tenderedMinor - minor : null

  // Stays until dismissed (or the next payment): the change to give back must not vanish with the refreshed page.
  const doneBox = done && (
    <div role="status" className="relative rounded-md bg-emerald-50 px-3 py-2 pr-16 text-sm text-emerald-900 ring-1 ring-emerald-200" data-testid="payment-done">
      <button type="button" onClick={() => setDone(null)} className="absolute right-2 top-2 rounded px-1 text-sm font-medium underline-offset-2 hover:underline">
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
        if (minor === null || minor <= 0 || Object.keys(localErrors).length > 0) return
        setDone(null)
        void action.run({
          orderId,
          method,
          amount: minor,
          ...(invoiceId ? { invoiceId } : {}),
          ...(method === 'CASH' && typeof tenderedMinor === 'number' ? { tendered: tenderedMinor } : {}),
          ...(method !== 'CASH' && reference.trim() !== '' ? { reference: reference.trim() } : {}),
        })
      }}
      className="space-y-3"
      data-testid="payment-form"
      noValidate
    >
      <PaymentMethodRadios legend={t('method')} value={method} onChange={setMethod} />
      {!fixedInvoiceId && open.length > 1 && (
        <div>
          <label htmlFor={ids.invoice} className={label}>
            {t('invoice')}
          </label>
          <select id={ids.invoice} value={invoiceId} onChange={(e) => setInvoiceId(e.target.value)} className={compactInputClass}>
            <option value="">{t('oldestFirst')}</option>
            {open.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number}
              </option>
            ))}
          </select>
        </div>
      )}
      <AmountField
        id={ids.amount}
        label={t('amount')}
        fillLabel={t('fill')}
        max={max}
        currency={currency}
        value={amount}
        onChange={setAmount}
        errors={errors.amount}
        hint={
          <>
            {t('max')} <Money amount={max} currency={currency} />
          </>
        }
      />
      {method === 'CASH' ? (
        <div>
          <label htmlFor={ids.tendered} className={label}>
            {t('tendered')}
          </label>
          <MoneyInput id={ids.tendered} name="tendered" value={tendered} onChange={setTendered} currency={currency} invalid={!!errors.tendered} describedBy={`${ids.tendered}-error`} />
          <FieldError id={`${ids.tendered}-error`} messages={errors.tendered} />
          {change !== null && (
            <p className="mt-1 text-sm" aria-live="polite">
              {t('change')} <Money amount={change} currency={currency} className="font-semibold" />
            </p>
          )}
        </div>
      ) : (
        <ReferenceField id={ids.reference} label={t('reference')} value={reference} onChange={setReference} errors={errors.reference} />
      )}
      <FormMessage error={action.formError} stale={action.stale} />
      {doneBox}
      <button type="submit" disabled={action.pending || minor === null || minor <= 0} className={primary}>
        {action.pending ? t('saving') : t('submit')}
      </button>
    </form>
  )
}

export interface CreditableLine {
  id: string
  description: string
  quantity: number
  /** Where the line starts on its order line's scale (credits are slices of that scale). */
  qtyFrom: number
  unitPrice: number
  taxRateBp: number
  credited: number
}

/** Credit some or all of an invoice's lines with a reason; optionally give the quantities back for re-invoicing. */
export function CreditNoteForm({ invoiceId, orderVersion, lines, currency }: { invoiceId: string; orderVersion: number; lines: CreditableLine[]; currency: string }) {
  const t = useTranslations('back.credit')
  const ids = { reason: useId(), reinvoice: useId() }
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const [reinvoice, setReinvoice] = useState(false)
  const [issued, setIssued] = useState<{ creditNoteId: string; number: string; refundable: number } | null>(null)
  const action = useAction(issueCreditNoteAction, {
    onSuccess: (data) => {
      setIssued(data)
      setQuantities({})
      setReason('')
      setReinvoice(false)
    },
  })
  const chosen = lines.flatMap((l) => {
    const q = Number(quantities[l.id] ?? '')
    return Number.isInteger(q) && q > 0 ? [{ line: l, quantity: q }] : []
  })
  const lineErrors = new Map<string, string>()
  for (const c of chosen) {
    const error = checkCredit(c.line.quantity, c.line.credited, c.quantity)
    if (error) lineErrors.set(c.line.id, t('tooMany', { max: c.line.quantity - c.line.credited }))
  }
  const preview = (() => {
    try {
      return sumAmounts(
        chosen.filter((c) => !lineErrors.has(c.line.id)).map((c) => ({ taxRateBp: c.line.taxRateBp, ...creditLineAmounts({ quantity: c.quantity, unitPrice: c.line.unitPrice, taxRateBp: c.line.taxRateBp, invoicedQuantity: c.line.quantity, invoicedFrom: c.line.qtyFrom, alreadyCredited: c.line.credited }) })),
      ).total
    } catch {
      return null
    }
  })()
  const creditable = lines.filter((l) => l.quantity > l.credited)
  if (creditable.length === 0 && !issued) return <p className="text-sm text-slate-600">{t('fullyCredited')}</p>
  const serverLineError = (index: number) => Object.entries(action.fieldErrors).flatMap(([k, m]) => (k.startsWith(`lines.${index}`) ? m : []))
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (chosen.length === 0 || lineErrors.size > 0) return
        setIssued(null)
        void action.run({ invoiceId, expectedVersion: orderVersion, reason, reinvoice, lines: chosen.map((c) => ({ invoiceLineId: c.line.id, quantity: c.quantity })) })
      }}
      className="space-y-3"
      data-testid="credit-form"
      noValidate
    >
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2">{t('line')}</th>
            <th scope="col" className="px-2 py-1 text-right">{t('creditable')}</th>
            <th scope="col" className="py-1 pl-2 text-right">{t('quantity')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {lines.map((l) => {
            const remaining = l.quantity - l.credited
            const index = chosen.findIndex((c) => c.line.id === l.id)
            const messages = [...(lineErrors.has(l.id) ? [lineErrors.get(l.id) as string] : []), ...(index >= 0 ? serverLineError(index) : [])]
            return (
              <tr key={l.id}>
                <td className="py-1.5 pr-2">{l.description}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{remaining}</td>
                <td className="py-1.5 pl-2 text-right">
                  <div className="flex items-center justify-end gap-1">
                    <input
                      type="number"
                      min={0}
                      max={remaining}
                      step={1}
                      inputMode="numeric"
                      value={quantities[l.id] ?? ''}
                      onChange={(e) => setQuantities((q) => ({ ...q, [l.id]: e.target.value }))}
                      disabled={remaining === 0}
                      aria-label={t('quantityFor', { line: l.description })}
                      aria-invalid={messages.length > 0 ? true : undefined}
                      className="h-8 w-20 rounded-md border border-slate-300 px-2 text-right tabular-nums disabled:bg-slate-100"
                    />
                    <button type="button" disabled={remaining === 0} onClick={() => setQuantities((q) => ({ ...q, [l.id]: String(remaining) }))} className="h-8 whitespace-nowrap rounded-md bg-white px-2 text-xs font-medium ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-40">
                      {t('all')}
                    </button>
                  </div>
                  {messages.length > 0 && <p className="mt-1 text-xs text-red-700">{messages.join(' ')}</p>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <div>
        <label htmlFor={ids.reason} className={label}>
          {t('reason')}
        </label>
        <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required placeholder={t('reasonPlaceholder')} aria-invalid={action.fieldErrors.reason ? true : undefined} aria-describedby={`${ids.reason}-error`} className={compactInputClass} />
        <FieldError id={`${ids.reason}-error`} messages={action.fieldErrors.reason} />
      </div>
      <div className="flex items-start gap-2">
        <input id={ids.reinvoice} type="checkbox" checked={reinvoice} onChange={(e) => setReinvoice(e.target.checked)} className="mt-1 h-4 w-4" />
        <label htmlFor={ids.reinvoice} className="text-sm">
          <span className="font-medium">{t('reinvoice')}</span>
          <span className="block text-xs text-slate-600">{t('reinvoiceHint')}</span>
        </label>
      </div>
      {preview !== null && chosen.length > 0 && (
        <p className="text-sm">
          {t('preview')} <Money amount={preview} currency={currency} className="font-semibold" />
        </p>
      )}
      <FormMessage error={action.formError} stale={action.stale} />
      {issued && <IssuedNote text={t('issued')} href={`/back/credit-notes/${issued.creditNoteId}`} number={issued.number} amountLabel={t('refundable')} amount={issued.refundable} currency={currency} />}
      <button type="submit" disabled={action.pending || chosen.length === 0 || lineErrors.size > 0 || reason.trim() === ''} className={`${button} bg-slate-900 text-white hover:bg-slate-800`}>
        {action.pending ? t('issuing') : t('submit')}
      </button>
    </form>
  )
}

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
  const { locale } = useAmountText()
  const ids = { amount: useId(), reference: useId() }
  const [method, setMethod] = useState<PaymentMethodInput>('CASH')
  const [amount, setAmount] = useState('')
  const [reference, setReference] = useState('')
  const [done, setDone] = useState(false)
  const action = useAction<unknown, unknown>(kind === 'refund' ? recordRefundAction : returnDepositAction, {
    onSuccess: () => {
      setDone(true)
      setAmount('')
      setReference('')
    },
  })
  const minor = parseTypedAmount(amount, currency, locale)
  const invalid = amount.trim() !== '' && (minor === null || minor <= 0)
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
        if (minor === null || minor <= 0) return
        setDone(false)
        void action.run({ ...target, method, amount: minor, ...(reference.trim() ? { reference: reference.trim() } : {}) })
      }}
      className="space-y-3"
      data-testid={`${kind}-form`}
      noValidate
    >
      <PaymentMethodRadios legend={t('method')} value={method} onChange={setMethod} />
      <AmountField
        id={ids.amount}
        label={t('amount')}
        fillLabel={t('fill')}
        max={refundable}
        currency={currency}
        value={amount}
        onChange={setAmount}
        errors={invalid ? [t('amountInvalid')] : action.fieldErrors.amount}
      />
      <ReferenceField id={ids.reference} label={t('reference')} value={reference} onChange={setReference} errors={action.fieldErrors.reference} />
      <FormMessage error={action.formError} stale={action.stale} success={done ? t('recorded') : null} />
      <button type="submit" disabled={action.pending || minor === null || minor <= 0} className={primary}>
        {action.pending ? t('saving') : t('submit')}
      </button>
    </form>
  )
}
