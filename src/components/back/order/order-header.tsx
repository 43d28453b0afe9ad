import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { IssuedInvoices } from '@/components/back/billing/issue-invoice'
import { DueLabel, OverdueBadge } from '@/components/back/due-label'
import { Money } from '@/components/money'
import { StatusBadge } from '@/components/status-badge'
import { LiveUpdates } from '@/components/ui/live-updates'
import { panelClass } from '@/components/ui/styles'
import type { OrderDetailDTO } from '@/server/orders/get-order'

/** The order's number, state and live status, with the way back to the queue. */
export async function OrderHeader({ order }: { order: OrderDetailDTO }) {
  const [t, common] = await Promise.all([getTranslations('back.order'), getTranslations('common')])
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <Link href="/back" className="text-sm text-brand-700 underline-offset-2 hover:underline">
        ← {t('backToQueue')}
      </Link>
      <h1 id="order-title" className="font-mono text-2xl font-bold" data-testid="order-number">
        {order.number}
      </h1>
      <StatusBadge status={order.status} />
      {order.overdue && <OverdueBadge />}
      <span className="text-sm text-slate-600">
        {common(`fulfillment.${order.fulfillment}`)} · {common(`billing.${order.billing}`)} · {common(`payment.${order.payment}`)}
      </span>
      <div className="ml-auto">
        <LiveUpdates mode="watch" orderId={order.id} version={order.version} />
        <IssuedInvoices currency={order.currency} />
      </div>
    </div>
  )
}

/** Why a cancelled order is cancelled, and the money still held for it. */
export async function CancelledBanner({ order }: { order: OrderDetailDTO }) {
  if (order.status !== 'CANCELLED') return null
  const t = await getTranslations('back.order')
  return (
    <div role="note" className="rounded-lg bg-red-50 p-3 text-sm text-red-950 ring-1 ring-red-200" data-testid="cancelled-banner">
      <p className="font-semibold">{t('cancelled', { reason: order.cancelReason ?? '' })}</p>
      {order.paidNet > 0 && (
        <p className="mt-1">
          {t('cancelledMoney')} <Money amount={order.paidNet} currency={order.currency} className="font-semibold" />
        </p>
      )}
    </div>
  )
}

/** A fact of the order: its main value, what the reader may want under it (`more`), and how wide it stands. */
type Fact = { label: string; value: React.ReactNode; strong?: boolean; more?: React.ReactNode; wide?: boolean }

/** Who the order is for, when it is due, how it leaves and who took it. */
export async function OrderFacts({ order, now }: { order: OrderDetailDTO; now: Date }) {
  const [t, common, format] = await Promise.all([getTranslations('back.order'), getTranslations('common'), getFormatter()])
  const facts: Fact[] = [
    { label: t('customer'), value: order.customer.name, strong: true, more: order.customer.phone },
    { label: t('due'), value: <DueLabel dueAt={order.dueAt} now={now.toISOString()} overdue={order.overdue} /> },
    { label: t('mode'), value: common(`mode.${order.mode}`), more: order.deliveryAddress },
    {
      label: t('taken'),
      value: (
        <>
          {order.takenBy}
          {order.takenCovering && (
            <span className="ml-1 rounded bg-violet-100 px-1.5 text-xs font-medium text-violet-800">{common('crossRole')}</span>
          )}
        </>
      ),
      more: format.dateTime(new Date(order.createdAt), { dateStyle: 'short', timeStyle: 'short' }),
    },
  ]
  if (order.notes) facts.push({ label: t('notes'), value: <span className="whitespace-pre-line">{order.notes}</span>, wide: true })
  return (
    <dl className={`${panelClass} grid grid-cols-2 gap-x-6 gap-y-3 text-sm md:grid-cols-4`}>
      {facts.map((f) => (
        <div key={f.label} className={f.wide ? 'col-span-2 md:col-span-4' : undefined}>
          <dt className="text-slate-600">{f.label}</dt>
          <dd className={f.strong ? 'font-medium' : undefined}>{f.value}</dd>
          {f.more && <dd className="text-slate-600">{f.more}</dd>}
        </div>
      ))}
    </dl>
  )
}
