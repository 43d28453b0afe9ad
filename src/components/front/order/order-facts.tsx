import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { StatusBadge } from '@/components/status-badge'
import type { OrderDetailDTO } from '@/server/orders/get-order'
import { panelClass } from '@/components/ui/styles'
import { HeadedSection } from '@/components/ui/section'

/** The order's number and state, the way back to the desk, and its ticket (and a new order for the same customer). */
export async function OrderHeader({ order, canTakeOrder }: { order: OrderDetailDTO; canTakeOrder: boolean }) {
  const t = await getTranslations('front.order')
  return (
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
        <Link
          href={`/front/orders/${order.id}/ticket`}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
        >
          {t('ticket')}
        </Link>
        {canTakeOrder && (
          <Link
            href={`/front/orders/new?customer=${order.customer.id}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {t('newForCustomer')}
          </Link>
        )}
      </div>
    </header>
  )
}

/** The order screen's words, the shared ones, and its way of writing a moment. */
export async function orderWords() {
  const [t, common, format] = await Promise.all([getTranslations('front.order'), getTranslations('common'), getFormatter()])
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' })
  return { t, common, dateTime }
}

/** Who the order is for, when it is due, who took it and how far it got; its notes and any hold or cancel reason. */
export async function OrderFacts({ order }: { order: OrderDetailDTO }) {
  const { t, common, dateTime } = await orderWords()
  const reasons = [
    { label: t('notes'), text: order.notes, labelClass: 'text-slate-600', textClass: 'whitespace-pre-line' },
    { label: t('holdReason'), text: order.holdReason, labelClass: 'text-orange-800' },
    { label: t('cancelReason'), text: order.cancelReason, labelClass: 'text-red-800' },
  ]
  return (
    <HeadedSection id="facts-title" title={t('facts')} headingClass="sr-only" className={panelClass}>
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
          {order.readyAt && order.handover === 'WAITING' && (
            <dd className="text-slate-700">{t('readySince', { at: dateTime(order.readyAt) })}</dd>
          )}
          {order.handedOverAt && <dd className="text-slate-700">{t('handedOverAt', { at: dateTime(order.handedOverAt) })}</dd>}
        </div>
        {reasons.map(
          (r) =>
            r.text && (
              <div key={r.label} className="sm:col-span-2">
                <dt className={r.labelClass}>{r.label}</dt>
                <dd className={r.textClass}>{r.text}</dd>
              </div>
            ),
        )}
      </dl>
    </HeadedSection>
  )
}
