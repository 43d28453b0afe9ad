import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { can } from '@/domain/permissions'
import { CancelDialog, AssignForm, HoldForm } from '@/components/back/order-controls'
import { DueLabel, OverdueBadge } from '@/components/back/due-label'
import { FulfillmentForm } from '@/components/back/fulfillment-form'
import { IssuedInvoices, IssueInvoiceButton } from '@/components/back/billing/issue-invoice'
import { ReturnDepositForm } from '@/components/back/billing/money-back-form'
import { PaymentForm } from '@/components/back/billing/payment-form'
import { LiveUpdates } from '@/components/ui/live-updates'
import { Money } from '@/components/money'
import { OrderTimeline } from '@/components/order-timeline'
import { StatusBadge } from '@/components/status-badge'
import { requireArea } from '@/server/auth/guard'
import { getOrderBilling } from '@/server/billing/get-order-billing'
import { listFulfillers } from '@/server/fulfillment/list-fulfillers'
import { listFulfillmentEvents } from '@/server/fulfillment/list-fulfillment-events'
import { getOrder } from '@/server/orders/get-order'
import { orNotFound, pageId } from '../../load'

export default async function BackOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea('back')
  const id = pageId((await params).id)
  const order = await orNotFound(getOrder(actor, id))
  const [billing, events, people, t, common, format] = await Promise.all([
    getOrderBilling(actor, id),
    listFulfillmentEvents(actor, id),
    listFulfillers(actor),
    getTranslations('back.order'),
    getTranslations('common'),
    getFormatter(),
  ])
  const now = new Date()
  const cancelled = order.status === 'CANCELLED'
  const overdue = order.overdue
  const canFulfil = can(actor, 'FULFILL')
  const blockedReason = !canFulfil ? t('blocked.permission') : order.blocked.FULFILL ? t(`blocked.${order.blocked.FULFILL}`) : null
  const card = 'rounded-lg bg-white p-4 ring-1 ring-slate-200'
  const h2 = 'mb-3 text-lg font-semibold'
  return (
    <article aria-labelledby="order-title" className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Link href="/back" className="text-sm text-brand-700 underline-offset-2 hover:underline">
          ← {t('backToQueue')}
        </Link>
        <h1 id="order-title" className="font-mono text-2xl font-bold" data-testid="order-number">
          {order.number}
        </h1>
        <StatusBadge status={order.status} />
        {overdue && <OverdueBadge />}
        <span className="text-sm text-slate-600">
          {common(`fulfillment.${order.fulfillment}`)} · {common(`billing.${order.billing}`)} · {common(`payment.${order.payment}`)}
        </span>
        <div className="ml-auto">
          <LiveUpdates mode="watch" orderId={order.id} version={order.version} />
          <IssuedInvoices currency={order.currency} />
        </div>
      </div>

      {cancelled && (
        <div role="note" className="rounded-lg bg-red-50 p-3 text-sm text-red-950 ring-1 ring-red-200" data-testid="cancelled-banner">
          <p className="font-semibold">{t('cancelled', { reason: order.cancelReason ?? '' })}</p>
          {order.paidNet > 0 && (
            <p className="mt-1">
              {t('cancelledMoney')} <Money amount={order.paidNet} currency={order.currency} className="font-semibold" />
            </p>
          )}
        </div>
      )}

      <dl className={`${card} grid grid-cols-2 gap-x-6 gap-y-3 text-sm md:grid-cols-4`}>
        <div>
          <dt className="text-slate-600">{t('customer')}</dt>
          <dd className="font-medium">{order.customer.name}</dd>
          {order.customer.phone && <dd className="text-slate-600">{order.customer.phone}</dd>}
        </div>
        <div>
          <dt className="text-slate-600">{t('due')}</dt>
          <dd>
            <DueLabel dueAt={order.dueAt} now={now.toISOString()} overdue={overdue} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('mode')}</dt>
          <dd>{common(`mode.${order.mode}`)}</dd>
          {order.deliveryAddress && <dd className="text-slate-600">{order.deliveryAddress}</dd>}
        </div>
        <div>
          <dt className="text-slate-600">{t('taken')}</dt>
          <dd>
            {order.takenBy}
            {order.takenCovering && <span className="ml-1 rounded bg-violet-100 px-1.5 text-xs font-medium text-violet-800">{common('crossRole')}</span>}
          </dd>
          <dd className="text-slate-600">{format.dateTime(new Date(order.createdAt), { dateStyle: 'short', timeStyle: 'short' })}</dd>
        </div>
        {order.notes && (
          <div className="col-span-2 md:col-span-4">
            <dt className="text-slate-600">{t('notes')}</dt>
            <dd className="whitespace-pre-line">{order.notes}</dd>
          </div>
        )}
      </dl>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <section aria-labelledby="work-title" className={card}>
            <h2 id="work-title" className={h2}>
              {t('work')}
            </h2>
            <FulfillmentForm orderId={order.id} version={order.version} lines={order.lines} blockedReason={blockedReason} />
            {events.length > 0 && (
              <details className="mt-4">
                <summary className="cursor-pointer text-sm font-medium text-slate-700">{t('history', { count: events.length })}</summary>
                <ul className="mt-2 space-y-1 text-sm" data-testid="fulfillment-events">
                  {events.map((e) => (
                    <li key={e.id} className="flex flex-wrap gap-x-2">
                      <time dateTime={e.at} className="w-40 shrink-0 tabular-nums text-slate-500">
                        {format.dateTime(new Date(e.at), { dateStyle: 'short', timeStyle: 'short' })}
                      </time>
                      <span className="tabular-nums font-medium">{e.quantity > 0 ? `+${e.quantity}` : e.quantity}</span>
                      <span>{e.description}</span>
                      <span className="text-slate-600">{e.by}</span>
                      {e.crossRole && <span className="rounded bg-violet-100 px-1.5 text-xs font-medium text-violet-800">{common('crossRole')}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>

          <section aria-labelledby="billing-title" className={card} data-testid="order-billing">
            <h2 id="billing-title" className={h2}>
              {t('billing')}
            </h2>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-slate-600">{t('orderTotal')}</dt>
                <dd className="font-semibold">
                  <Money amount={order.total} currency={order.currency} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t('invoicedNet')}</dt>
                <dd className="font-semibold">
                  <Money amount={order.invoicedNet} currency={order.currency} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t('paid')}</dt>
                <dd className="font-semibold">
                  <Money amount={order.paidNet} currency={order.currency} />
                  {order.deposit > 0 && (
                    <span className="block text-xs font-normal text-slate-600">
                      {t('depositIncluded')} <Money amount={order.deposit} currency={order.currency} />
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{order.balance < 0 ? t('inCredit') : t('balance')}</dt>
                <dd className={`font-semibold ${order.balance > 0 ? 'text-red-800' : order.balance < 0 ? 'text-amber-800' : ''}`} data-testid="order-balance">
                  <Money amount={Math.abs(order.balance)} currency={order.currency} />
                </dd>
                {!cancelled && order.outstanding !== order.balance && (
                  <dd className="text-xs text-slate-600" data-testid="order-outstanding">
                    {t('leftInAll')} <Money amount={Math.max(0, order.outstanding)} currency={order.currency} />
                  </dd>
                )}
              </div>
            </dl>

            {billing.toInvoice > 0 && (
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
                    <IssueInvoiceButton orderId={order.id} version={order.version} value={billing.toInvoice} currency={order.currency} customer={order.customer.name} orderNumber={order.number} compact goneWhenIssued />
                  </div>
                ) : (
                  <p className="mt-1 text-xs text-slate-600">{t('cannotInvoice')}</p>
                )}
              </div>
            )}

            <h3 className="mt-4 text-sm font-semibold">{t('invoices')}</h3>
            {billing.invoices.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noInvoices')}</p>
            ) : (
              <table className="mt-1 w-full text-left text-sm" data-testid="order-invoices">
                <thead className="text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-2">{t('number')}</th>
                    <th scope="col" className="px-2 py-1">{t('issued')}</th>
                    <th scope="col" className="px-2 py-1 text-right">{t('total')}</th>
                    <th scope="col" className="py-1 pl-2 text-right">{t('open')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {billing.invoices.map((i) => (
                    <tr key={i.id}>
                      <td className="py-1.5 pr-2">
                        <Link href={`/back/invoices/${i.id}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
                          {i.number}
                        </Link>
                      </td>
                      <td className="px-2 py-1.5">{format.dateTime(new Date(i.issuedAt), { dateStyle: 'short' })}</td>
                      <td className="px-2 py-1.5 text-right">
                        <Money amount={i.total} currency={order.currency} />
                        {i.credited > 0 && (
                          <span className="block text-xs text-slate-600">
                            − <Money amount={i.credited} currency={order.currency} /> {t('creditedShort')}
                          </span>
                        )}
                      </td>
                      <td className={`py-1.5 pl-2 text-right font-medium ${i.open > 0 ? 'text-red-800' : i.open < 0 ? 'text-amber-800' : 'text-emerald-800'}`}>
                        {i.open === 0 ? t('settled') : <Money amount={i.open} currency={order.currency} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}

            {billing.creditNotes.length > 0 && (
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
            )}

            {order.payments.length > 0 && (
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
            )}

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
          </section>

          <section aria-labelledby="timeline-title" className={card}>
            <h2 id="timeline-title" className={h2}>
              {common('timeline.title')}
            </h2>
            <OrderTimeline events={order.timeline} />
          </section>
        </div>

        <aside className="space-y-4" aria-label={t('actions')}>
          <section aria-labelledby="assign-title" className={card}>
            <h2 id="assign-title" className={h2}>
              {t('assignment')}
            </h2>
            <AssignForm orderId={order.id} version={order.version} assignee={order.assignee} people={people.map((p) => ({ id: p.id, name: p.name }))} meId={actor.id} disabled={!canFulfil || cancelled} />
          </section>
          {(order.blocked.HOLD === null || order.blocked.RELEASE === null) && canFulfil && (
            <section aria-labelledby="hold-title" className={card}>
              <h2 id="hold-title" className={h2}>
                {t('holdTitle')}
              </h2>
              <HoldForm orderId={order.id} version={order.version} holdReason={order.holdReason} disabled={!canFulfil} />
            </section>
          )}
          {order.blocked.CANCEL === null && canFulfil && (
            <section aria-labelledby="cancel-title" className={card}>
              <h2 id="cancel-title" className={h2}>
                {t('cancelTitle')}
              </h2>
              <p className="mb-3 text-sm text-slate-600">{t('cancelHint')}</p>
              <CancelDialog orderId={order.id} version={order.version} moneyHeld={order.paidNet} invoicedNet={order.invoicedNet} currency={order.currency} disabled={!canFulfil} />
            </section>
          )}
        </aside>
      </div>
    </article>
  )
}
