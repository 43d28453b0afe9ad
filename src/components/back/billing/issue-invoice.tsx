'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useId, useRef, useState } from 'react'
import { issueInvoiceAction } from '@/actions/billing'
import { Money } from '@/components/money'
import { useAction } from '@/components/ui/use-action'
import { FormMessage } from '../form-message'
import { button, IssuedNote, primary } from './billing-fields'

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
export function IssueInvoiceButton({
  orderId,
  version,
  value,
  currency,
  customer,
  orderNumber,
  compact,
  goneWhenIssued,
}: {
  orderId: string
  version: number
  value: number
  currency: string
  customer: string
  orderNumber: string
  compact?: boolean
  goneWhenIssued?: boolean
}) {
  const t = useTranslations('back.invoice')
  const common = useTranslations('common.actions')
  const [issued, setIssued] = useState<IssuedInvoice | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const action = useAction(issueInvoiceAction, {
    onSuccess: (data) =>
      goneWhenIssued ? window.dispatchEvent(new CustomEvent<IssuedInvoice>(INVOICE_ISSUED_EVENT, { detail: data })) : setIssued(data),
  })
  const confirm = () => {
    dialog.current?.close()
    void action.run({ orderId, expectedVersion: version })
  }
  return (
    <div className={compact ? 'space-y-1' : 'space-y-2'} data-testid="issue-invoice">
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        disabled={action.pending || value <= 0}
        aria-haspopup="dialog"
        className={compact ? `${primary} px-3 py-1.5` : primary}
      >
        {action.pending ? t('issuing') : compact ? t('issueShort') : t('issue')}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-white p-5 text-left shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
        data-testid="issue-invoice-confirm"
      >
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
          <button
            type="button"
            autoFocus
            onClick={() => dialog.current?.close()}
            className={`${button} bg-white ring-1 ring-slate-300 hover:bg-slate-50`}
          >
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
      {issued && <IssuedNote kind="invoice" id={issued.invoiceId} number={issued.number} amount={issued.applied} currency={currency} />}
      <FormMessage error={action.formError} stale={action.stale} />
    </div>
  )
}

/** The invoices just issued from this page (`IssueInvoiceButton goneWhenIssued`), newest first, in one live region
 * that is on the page from the start (so that screen readers announce what is added to it), pinned to the bottom of
 * the window: the button clicked may be far down a long list, and it is gone by the time the answer comes. */
export function IssuedInvoices({ currency }: { currency: string }) {
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
            <IssuedNote live={false} kind="invoice" id={i.invoiceId} number={i.number} amount={i.applied} currency={currency} />
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
