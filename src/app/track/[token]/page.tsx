import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { LocaleSwitcher } from '@/components/locale-switcher'
import { Money } from '@/components/money'
import { HeadedSection } from '@/components/ui/section'
import { SummaryList } from '@/components/ui/figures'
import { isTrackingToken } from '@/domain/intake'
import { CUSTOMER_STEPS, customerStepIndex } from '@/domain/order-status'
import { getTracking } from '@/server/tracking/get-tracking'

// Public, no login: the token in the URL is the credential. Not for search engines, and the URL is not leaked to
// other sites through the Referer header.
export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const { token } = await params
  const t = await getTranslations('track')
  const order = isTrackingToken(token) ? await getTracking(token) : null
  return {
    title: order ? t('metaTitle', { number: order.orderNumber }) : t('notFoundTitle'),
    robots: { index: false, follow: false, nocache: true },
    referrer: 'no-referrer',
  }
}

export default async function TrackPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  // Validated before any query: a malformed token is a plain 404 without touching the database.
  if (!isTrackingToken(token)) notFound()
  const order = await getTracking(token)
  if (!order) notFound()
  const [t, common, format] = await Promise.all([getTranslations('track'), getTranslations('common'), getFormatter()])
  const step = customerStepIndex(order.status)
  // A delivery is "ready" to go out rather than to be collected, and ends "delivered".
  const wording = order.status === 'READY' && order.mode === 'DELIVERY' ? 'READY_DELIVERY' : order.status
  const dateTime = (iso: string) =>
    format.dateTime(new Date(iso), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })
  // Neither handed over nor cancelled: when it is due (and since when it is ready) still matters.
  const stillToCome = !order.handedOverAt && order.status !== 'CANCELLED'
  const stepLabel = (s: (typeof CUSTOMER_STEPS)[number]) =>
    s === 'COLLECTED' && order.mode === 'DELIVERY' ? common('status.DELIVERED') : common(`status.${s}`)

  return (
    <main className="mx-auto min-h-screen max-w-xl px-4 py-6">
      <header className="flex items-center justify-between gap-3">
        <p className="text-lg font-bold text-brand-700">{order.businessName}</p>
        <LocaleSwitcher />
      </header>

      <section aria-labelledby="track-title" className="mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <p className="text-sm text-slate-600">{t('yourOrder')}</p>
        <h1 id="track-title" className="font-mono text-3xl font-bold" data-testid="track-number">
          {order.orderNumber}
        </h1>
        <p className="mt-3 text-lg font-semibold" data-testid="track-status">
          {t(`headline.${wording}`)}
        </p>
        <p className="text-sm text-slate-700">{t(`explain.${wording}`)}</p>

        {step >= 0 ? (
          <ol className="mt-5 grid grid-cols-4 gap-1" aria-label={t('progress')}>
            {CUSTOMER_STEPS.map((s, i) => {
              const done = i < step
              const current = i === step
              return (
                <li key={s} aria-current={current ? 'step' : undefined} className="flex flex-col items-center text-center">
                  <span
                    className={`flex h-8 w-8 items-center justify-center rounded-full text-sm font-bold ${done || current ? 'bg-brand-600 text-white' : 'bg-slate-200 text-slate-500'} ${current ? 'ring-4 ring-brand-100' : ''}`}
                    aria-hidden
                  >
                    {done ? '✓' : i + 1}
                  </span>
                  <span className={`mt-1 text-xs ${current ? 'font-bold text-slate-900' : done ? 'text-slate-700' : 'text-slate-500'}`}>
                    {stepLabel(s)}
                    <span className="sr-only"> — {done ? t('stepDone') : current ? t('stepCurrent') : t('stepUpcoming')}</span>
                  </span>
                </li>
              )
            })}
          </ol>
        ) : (
          <p
            className={`mt-5 rounded-md px-3 py-2 text-sm font-medium ${order.status === 'CANCELLED' ? 'bg-red-50 text-red-900' : 'bg-orange-50 text-orange-900'}`}
            role="status"
          >
            {common(`status.${order.status}`)}
          </p>
        )}

        <SummaryList
          className="mt-6 space-y-3 text-sm"
          labelClass="text-slate-600"
          valueClass="text-right font-medium"
          rows={[
            order.handedOverAt
              ? { label: order.mode === 'DELIVERY' ? t('deliveredAt') : t('collectedAt'), value: dateTime(order.handedOverAt) }
              : null,
            stillToCome && {
              label: order.mode === 'DELIVERY' ? t('dueDelivery') : t('duePickup'),
              value: dateTime(order.dueAt),
              testId: 'track-due',
            },
            stillToCome && order.readyAt ? { label: t('readySince'), value: dateTime(order.readyAt) } : null,
            { label: t('total'), value: <Money amount={order.total} currency={order.currency} />, valueClass: 'text-right' },
            {
              label: order.balanceDue < 0 ? t('owedBack') : t('balanceDue'),
              value: order.balanceDue === 0 ? t('nothingToPay') : <Money amount={Math.abs(order.balanceDue)} currency={order.currency} />,
              className: 'border-t border-slate-200 pt-3 text-base',
              labelClass: 'font-semibold',
              valueClass: 'text-right font-bold',
              testId: 'track-balance',
            },
          ]}
        />
      </section>

      <HeadedSection
        id="track-items"
        title={t('items')}
        headingClass="font-semibold"
        className="mt-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {order.items.map((item, i) => (
            <li key={i} className="flex justify-between gap-4 py-1.5">
              <span>{item.description}</span>
              <span className="tabular-nums text-slate-700">×{item.quantity}</span>
            </li>
          ))}
        </ul>
      </HeadedSection>

      <p className="mt-6 text-center text-xs text-slate-500">
        {t('footer', { date: format.dateTime(new Date(order.createdAt), { dateStyle: 'medium' }) })}
      </p>
    </main>
  )
}
