import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { PickupPanel, type PickupFacts } from '@/components/front/pickup-panel'
import { Money } from '@/components/money'
import { OrderTimeline } from '@/components/order-timeline'
import { StatusBadge } from '@/components/status-badge'
import { isDomainError } from '@/domain/errors'
import { leftToPay } from '@/domain/intake'
import { can } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'
import { getOrder, type OrderDetailDTO } from '@/server/orders/get-order'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// Metadata and page ask for the same order: once per request.
const load = cache(async (id: string): Promise<{ order: OrderDetailDTO; actor: Awaited<ReturnType<typeof requireArea>> }> => {
  const actor = await requireArea('front')
  if (!UUID.test(id)) notFound()
  try {
    return { order: await getOrder(actor, id), actor }
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
})

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params
  if (!UUID.test(id)) return {}
  const t = await getTranslations('front.order')
  try {
    const { order } = await load(id)
    return { title: t('metaTitle', { number: order.number }) }
  } catch {
    return {}
  }
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { order, actor } = await load(id)
  const [t, tp, common, format] = await Promise.all([getTranslations('front.order'), getTranslations('front.pickup'), getTranslations('common'), getFormatter()])
  const cancelled = order.status === 'CANCELLED'
  const left = leftToPay({ total: order.total, invoicedNet: order.invoicedNet, paidNet: order.paidNet, cancelled })
  const handOverBlocked = order.blocked.HAND_OVER ? tp(`blocked.${order.blocked.HAND_OVER}`, { reason: order.holdReason ?? '', status: common(`status.${order.status}`) }) : null
  const facts: PickupFacts = {
    orderId: order.id,
    version: order.version,
    currency: order.currency,
    mode: order.mode,
    status: order.status,
    handedOver: order.handover !== 'WAITING',
    closed: order.closedAt !== null,
    total: order.total,
    deposit: order.deposit,
    otherPaid: order.paidNet - order.deposit,
    leftToPay: left,
    uninvoiced: order.toInvoice,
    invoices: order.invoices.map((i) => ({ id: i.id, number: i.number, total: i.total })),
    canInvoice: can(actor, 'INVOICE'),
    canHandOver: can(actor, 'HANDLE_PICKUP'),
    handOverBlocked,
  }
  const mayTakePayment = can(actor, 'HANDLE_PICKUP') || can(actor, 'RECORD_PAYMENT')
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <article aria-labelledby="order-title" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href="/front/desk" className="text-brand-700 hover:underline">
              ← {t('backToDesk')}
            </Link>
          </p>
          <h1 id="order-title" className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold">
            <span className="font-mono">{order.number}</span>
            <StatusBadge status={order.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t(`statusExplained.${order.status}`)}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/front/orders/${order.id}/ticket`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
            {t('ticket')}
          </Link>
          {can(actor, 'TAKE_ORDER') && (
            <Link href={`/front/orders/new?customer=${order.customer.id}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">
              {t('newForCustomer')}
            </Link>
          )}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="facts-title" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
            <h2 id="facts-title" className="sr-only">
              {t('facts')}
            </h2>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-600">{t('customer')}</dt>
                <dd className="font-medium">{order.customer.name}</dd>
                <dd className="text-slate-700">
                  {order.customer.phone && (
                    <a href={`tel:${order.customer.phone}`} className="hover:underline">
                      {order.customer.phone}
                    </a>
                  )}
                  {order.customer.phone && order.customer.email && ' · '}
                  {order.customer.email}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t('due')}</dt>
                <dd className="font-medium">{dateTime(order.dueAt)}</dd>
                <dd className="text-slate-700">
                  {common(`mode.${order.mode}`)}
                  {order.deliveryAddress && ` · ${order.deliveryAddress}`}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t('taken')}</dt>
                <dd>
                  {dateTime(order.createdAt)} · {order.takenBy}
                  {order.takenCovering && (
                    <span className="ml-1 rounded bg-violet-100 px-1.5 text-xs font-medium text-violet-800" title={common('crossRoleLong')}>
                      {common('crossRole')}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t('progress')}</dt>
                <dd>
                  {common(`fulfillment.${order.fulfillment}`)} · {common(`billing.${order.billing}`)} · {common(`payment.${order.payment}`)}
                </dd>
                {order.readyAt && order.handover === 'WAITING' && <dd className="text-slate-700">{t('readySince', { at: dateTime(order.readyAt) })}</dd>}
                {order.handedOverAt && <dd className="text-slate-700">{t('handedOverAt', { at: dateTime(order.handedOverAt) })}</dd>}
              </div>
              {order.notes && (
                <div className="sm:col-span-2">
                  <dt className="text-slate-600">{t('notes')}</dt>
                  <dd className="whitespace-pre-line">{order.notes}</dd>
                </div>
              )}
              {order.holdReason && (
                <div className="sm:col-span-2">
                  <dt className="text-orange-800">{t('holdReason')}</dt>
                  <dd>{order.holdReason}</dd>
                </div>
              )}
              {order.cancelReason && (
                <div className="sm:col-span-2">
                  <dt className="text-red-800">{t('cancelReason')}</dt>
                  <dd>{order.cancelReason}</dd>
                </div>
              )}
            </dl>
          </section>

          <section aria-labelledby="lines-title" className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
            <h2 id="lines-title" className="px-4 pt-3 text-lg font-semibold">
              {t('lines')}
            </h2>
            <table className="mt-2 w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-3 py-2">{t('item')}</th>
                  <th className="px-3 py-2 text-right">{t('quantity')}</th>
                  <th className="px-3 py-2 text-right">{t('done')}</th>
                  <th className="hidden px-3 py-2 text-right sm:table-cell">{t('unitPrice')}</th>
                  <th className="px-3 py-2 text-right">{t('lineTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((l) => (
                  <tr key={l.id} className="border-t border-slate-100 align-top">
                    <td className="px-3 py-2">
                      <span className="font-medium">{l.description}</span>
                      {l.sku && <span className="ml-2 font-mono text-xs text-slate-500">{l.sku}</span>}
                      {l.note && <p className="text-xs text-slate-600">{l.note}</p>}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{l.quantity}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {l.qtyFulfilled}
                      <span className="sr-only"> / {l.quantity}</span>
                    </td>
                    <td className="hidden px-3 py-2 text-right sm:table-cell">
                      <Money amount={l.unitPrice} currency={order.currency} />
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Money amount={l.gross} currency={order.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl className="ml-auto max-w-xs space-y-1 border-t border-slate-200 px-4 py-3 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">{t('subtotal')}</dt>
                <dd>
                  <Money amount={order.subtotal} currency={order.currency} />
                </dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-600">{t('tax')}</dt>
                <dd>
                  <Money amount={order.taxTotal} currency={order.currency} />
                </dd>
              </div>
              <div className="flex justify-between gap-4 font-bold">
                <dt>{t('total')}</dt>
                <dd>
                  <Money amount={order.total} currency={order.currency} />
                </dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="timeline-title" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
            <h2 id="timeline-title" className="mb-3 text-lg font-semibold">
              {common('timeline.title')}
            </h2>
            <OrderTimeline events={order.timeline} />
          </section>
        </div>

        <div className="space-y-4">
          {mayTakePayment ? (
            <PickupPanel facts={facts} />
          ) : (
            <section className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
              <p className="text-slate-600">{tp('leftToPay')}</p>
              <p className="text-lg font-bold">
                <Money amount={left} currency={order.currency} />
              </p>
              <p className="mt-2 text-slate-600">{tp('noPickupSkill')}</p>
            </section>
          )}
          {order.payments.length > 0 && (
            <section aria-labelledby="payments-title" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
              <h2 id="payments-title" className="mb-2 font-semibold">
                {t('payments')}
              </h2>
              <ul className="space-y-1 text-sm">
                {order.payments.map((p) => (
                  <li key={p.id} className="flex justify-between gap-3">
                    <span>
                      {t(`paymentKind.${p.kind}`)} · {common(`paymentMethod.${p.method}`)}
                      <span className="block text-xs text-slate-500">
                        {dateTime(p.receivedAt)} · {p.receivedBy}
                      </span>
                    </span>
                    <Money amount={p.amount} currency={order.currency} className="font-medium" />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </article>
  )
}
