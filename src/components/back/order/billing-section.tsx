import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { IssueInvoiceButton } from '@/components/back/billing/issue-invoice'
import { ReturnDepositForm } from '@/components/back/billing/money-back-form'
import { PaymentForm } from '@/components/back/billing/payment-form'
import { Money } from '@/components/money'
import { Panel } from '@/components/ui/section'
import type { OrderBillingDTO } from '@/server/billing/get-order-billing'
import type { OrderDetailDTO } from '@/server/orders/get-order'
import { ColumnGrid } from '@/components/ui/column-table'
import { panelHeadClass } from '@/components/ui/table'

type Props = { order: OrderDetailDTO; billing: OrderBillingDTO }

/** The order's money: totals, what is left to invoice, its documents and payments, and taking or giving back money. */
export async function BillingSection({ order, billing }: Props) {
  const t = await getTranslations('back.order')
  return (
    <Panel id="billing-title" title={t('billing')} data-testid="order-billing">
      <BillingTotals order={order} />
      <ToInvoice order={order} billing={billing} />
      <InvoiceTable order={order} billing={billing} />
      <CreditNoteList order={order} billing={billing} />
      <PaymentList order={order} />
      <MoneyForms order={order} billing={billing} />
    </Panel>
  )
}

/** A headline figure of the order's money: its value (with a line under it), how it is coloured, what follows it. */
type Figure = { label: string; value: React.ReactNode; tone?: string; testId?: string; after?: React.ReactNode }

async function BillingTotals({ order }: { order: OrderDetailDTO }) {
  const t = await getTranslations('back.order')
  const cancelled = order.status === 'CANCELLED'
  const money = (amount: number) => <Money amount={amount} currency={order.currency} />
  const figures: Figure[] = [
    { label: t('orderTotal'), value: money(order.total) },
    { label: t('invoicedNet'), value: money(order.invoicedNet) },
    {
      label: t('paid'),
      value: (
        <>
          {money(order.paidNet)}
          {order.deposit > 0 && (
            <span className="block text-xs font-normal text-slate-600">
              {t('depositIncluded')} {money(order.deposit)}
            </span>
          )}
        </>
      ),
    },
    {
      label: order.balance < 0 ? t('inCredit') : t('balance'),
      value: money(Math.abs(order.balance)),
      tone: order.balance > 0 ? 'text-red-800' : order.balance < 0 ? 'text-amber-800' : '',
      testId: 'order-balance',
      after: !cancelled && order.outstanding !== order.balance && (
        <dd className="text-xs text-slate-600" data-testid="order-outstanding">
          {t('leftInAll')} {money(Math.max(0, order.outstanding))}
        </dd>
      ),
    },
  ]
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
      {figures.map((f) => (
        <div key={f.label}>
          <dt className="text-slate-600">{f.label}</dt>
          <dd className={`font-semibold ${f.tone ?? ''}`} data-testid={f.testId}>
            {f.value}
          </dd>
          {f.after}
        </div>
      ))}
    </dl>
  )
}

async function ToInvoice({ order, billing }: Props) {
  if (billing.toInvoice <= 0) return null
  const t = await getTranslations('back.order')
  return (
    <div className="mt-4 rounded-md bg-brand-50 p-3 ring-1 ring-brand-100">
      <p className="text-sm font-medium">
        {t('toInvoice')} <Money amount={billing.toInvoice} currency={order.currency} className="font-semibold" />
        {billing.unallocated > 0 && (
          <span className="ml-2 font-normal text-slate-700">
            ({t('heldWillApply')} <Money amount={billing.unallocated} currency={order.currency} />)
          </span>
        )}
      </p>
      {billing.canInvoice ? (
        <div className="mt-2">
          <IssueInvoiceButton
            orderId={order.id}
            version={order.version}
            value={billing.toInvoice}
            currency={order.currency}
            customer={order.customer.name}
            orderNumber={order.number}
            compact
            goneWhenIssued
          />
        </div>
      ) : (
        <p className="mt-1 text-xs text-slate-600">{t('cannotInvoice')}</p>
      )}
    </div>
  )
}

async function InvoiceTable({ order, billing }: Props) {
  const [t, format] = await Promise.all([getTranslations('back.order'), getFormatter()])
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold">{t('invoices')}</h3>
      {billing.invoices.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noInvoices')}</p>
      ) : (
        <ColumnGrid
          className="mt-1 w-full text-left text-sm"
          testId="order-invoices"
          headClassName={panelHeadClass}
          bodyClassName="divide-y divide-slate-200"
          rows={billing.invoices}
          rowKey={(i) => i.id}
          columns={[
            {
              label: t('number'),
              className: 'py-1 pr-2',
              body: 'py-1.5 pr-2',
              cell: (i) => (
                <Link href={`/back/invoices/${i.id}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
                  {i.number}
                </Link>
              ),
            },
            {
              label: t('issued'),
              className: 'px-2 py-1',
              body: 'px-2 py-1.5',
              cell: (i) => format.dateTime(new Date(i.issuedAt), { dateStyle: 'short' }),
            },
            {
              label: t('total'),
              className: 'px-2 py-1 text-right',
              body: 'px-2 py-1.5 text-right',
              cell: (i) => (
                <>
                  <Money amount={i.total} currency={order.currency} />
                  {i.credited > 0 && (
                    <span className="block text-xs text-slate-600">
                      − <Money amount={i.credited} currency={order.currency} /> {t('creditedShort')}
                    </span>
                  )}
                </>
              ),
            },
            {
              label: t('open'),
              className: 'py-1 pl-2 text-right',
              body: (i) =>
                `py-1.5 pl-2 text-right font-medium ${i.open > 0 ? 'text-red-800' : i.open < 0 ? 'text-amber-800' : 'text-emerald-800'}`,
              cell: (i) => (i.open === 0 ? t('settled') : <Money amount={i.open} currency={order.currency} />),
            },
          ]}
        />
      )}
    </>
  )
}

async function CreditNoteList({ order, billing }: Props) {
  if (billing.creditNotes.length === 0) return null
  const t = await getTranslations('back.order')
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold">{t('creditNotes')}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {billing.creditNotes.map((c) => (
          <li key={c.id} className="flex flex-wrap gap-x-2">
            <Link href={`/back/credit-notes/${c.id}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
              {c.number}
            </Link>
            <Money amount={c.total} currency={order.currency} />
            <span className="text-slate-600">{c.reason}</span>
            {c.refundable > 0 && (
              <span className="text-amber-800">
                {t('refundable')} <Money amount={c.refundable} currency={order.currency} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}

async function PaymentList({ order }: { order: OrderDetailDTO }) {
  if (order.payments.length === 0) return null
  const [t, common, format] = await Promise.all([getTranslations('back.order'), getTranslations('common'), getFormatter()])
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold">{t('payments')}</h3>
      <ul className="mt-1 space-y-1 text-sm" data-testid="order-payments">
        {order.payments.map((p) => (
          <li key={p.id} className="flex flex-wrap gap-x-2">
            <time dateTime={p.receivedAt} className="w-40 shrink-0 tabular-nums text-slate-500">
              {format.dateTime(new Date(p.receivedAt), { dateStyle: 'short', timeStyle: 'short' })}
            </time>
            <span>{t(`kind.${p.kind}`)}</span>
            <span className="text-slate-600">{common(`paymentMethod.${p.method}`)}</span>
            <Money amount={p.amount} currency={order.currency} className="font-medium" />
            <span className="text-slate-600">{p.receivedBy}</span>
          </li>
        ))}
      </ul>
    </>
  )
}

async function MoneyForms({ order, billing }: Props) {
  const t = await getTranslations('back.order')
  return (
    <>
      {billing.canTakePayment && billing.returnable > 0 && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="mb-1 text-sm font-semibold">{t('returnDeposit')}</h3>
          <p className="mb-2 text-sm text-slate-600">
            {t('returnDepositHint')} <Money amount={billing.returnable} currency={order.currency} className="font-medium" />
          </p>
          <ReturnDepositForm orderId={order.id} returnable={billing.returnable} currency={order.currency} />
        </div>
      )}

      {billing.canTakePayment && (billing.maxPayable > 0 || billing.invoices.length > 0) && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="mb-2 text-sm font-semibold">{t('takePayment')}</h3>
          <PaymentForm orderId={order.id} invoices={billing.invoices} maxPayable={billing.maxPayable} currency={order.currency} />
        </div>
      )}
    </>
  )
}
