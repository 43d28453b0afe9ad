import type { Metadata } from 'next'
import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import { Money } from '@/components/money'
import { BucketChart, LateChart, OrdersPerDayChart, StageMedianChart } from '@/components/manager/kpi-charts'
import { cardClass } from '@/components/ui/styles'
import { formatMoney } from '@/domain/money'
import { requirePageTask } from '@/server/auth/guard'
import { getKpis } from '@/server/kpis/get-kpis'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('manager.kpis')
  return { title: t('title') }
}

export default async function KpisPage() {
  const actor = await requirePageTask('MANAGE_TEAM')
  const now = new Date()
  const [k, t, common, format, locale] = await Promise.all([
    getKpis(actor, now),
    getTranslations('manager.kpis'),
    getTranslations('common'),
    getFormatter(),
    getLocale(),
  ])
  const money = (v: number) => formatMoney(v, k.currency, locale)
  const waitingCount = k.waiting.buckets.reduce((s, b) => s + b.count, 0)
  const waitingValue = k.waiting.buckets.reduce((s, b) => s + b.value, 0)
  const overdueReceivable = k.receivables.buckets.filter((b) => b.bucket !== 'notDue').reduce((s, b) => s + b.amount, 0)
  const stat = (label: string, value: React.ReactNode, sub: string, testId: string) => (
    <div className={cardClass} data-testid={testId}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold tabular-nums">{value}</p>
      <p className="text-xs text-slate-500">{sub}</p>
    </div>
  )
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-slate-600">
          {t('subtitle', { days: k.days, from: format.dateTime(new Date(k.from), { dateStyle: 'medium' }) })}
        </p>
      </header>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {stat(
          t('unbilledTitle'),
          <Money amount={k.unbilled.gross} currency={k.currency} />,
          t('unbilledSub', { count: k.unbilled.orders, net: money(k.unbilled.net) }),
          'stat-unbilled',
        )}
        {stat(
          t('receivablesTitle'),
          <Money amount={k.receivables.total} currency={k.currency} />,
          t('receivablesSub', { count: k.receivables.count, overdue: money(overdueReceivable) }),
          'stat-receivables',
        )}
        {stat(t('overdueNowTitle'), k.late.overdueNowCount, t('overdueNowSub'), 'stat-overdue')}
        {stat(t('waitingTitle'), waitingCount, t('waitingSub', { value: money(waitingValue) }), 'stat-waiting')}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <OrdersPerDayChart data={k.ordersPerDay} />
        <StageMedianChart data={k.stageMedians} />
        <LateChart data={k.late} />
        <BucketChart
          id="waiting"
          title={t('waitingChartTitle')}
          currency={k.currency}
          countLabel={t('orders')}
          valueLabel={t('value')}
          rows={k.waiting.buckets.map((b) => ({ label: t(`waitingBucket.${b.bucket}`), count: b.count, value: b.value }))}
          summary={
            waitingCount === 0
              ? t('waitingNone')
              : t('waitingSummary', {
                  count: waitingCount,
                  value: money(waitingValue),
                  old: k.waiting.buckets.find((b) => b.bucket === 'over7d')?.count ?? 0,
                })
          }
        />
        <BucketChart
          id="receivables"
          title={t('receivablesChartTitle')}
          currency={k.currency}
          countLabel={t('invoices')}
          valueLabel={t('openBalance')}
          rows={k.receivables.buckets.map((b) => ({ label: t(`receivableBucket.${b.bucket}`), count: b.count, value: b.amount }))}
          summary={
            k.receivables.count === 0
              ? t('receivablesNone')
              : t('receivablesSummary', {
                  total: money(k.receivables.total),
                  count: k.receivables.count,
                  overdue: money(overdueReceivable),
                  old: money(k.receivables.buckets.find((b) => b.bucket === 'over90')?.amount ?? 0),
                })
          }
        />
        <section aria-labelledby="lists-title" className={cardClass}>
          <h2 id="lists-title" className="text-lg font-semibold">
            {t('listsTitle')}
          </h2>
          <h3 className="mt-3 text-sm font-semibold">{t('overdueListTitle', { count: k.late.overdueNowCount })}</h3>
          {k.late.overdueNow.length === 0 ? (
            <p className="text-sm text-slate-600">{t('overdueListEmpty')}</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm">
              {k.late.overdueNow.map((o) => (
                <li key={o.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <span>
                    <span className="font-mono font-semibold">{o.number}</span> · {o.customerName}
                  </span>
                  <span className="text-red-800">
                    {t('dueAgo', { ago: format.relativeTime(new Date(o.dueAt), now) })} · {common(`fulfillment.${o.fulfillment}`)}
                    {o.assignee ? ` · ${o.assignee}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-4 text-sm font-semibold">{t('waitingListTitle')}</h3>
          {k.waiting.oldest.length === 0 ? (
            <p className="text-sm text-slate-600">{t('waitingNone')}</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm">
              {k.waiting.oldest.map((o) => (
                <li key={o.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <span>
                    <span className="font-mono font-semibold">{o.number}</span> · {o.customerName}
                  </span>
                  <span className="text-slate-700">
                    {t('readyAgo', { ago: format.relativeTime(new Date(o.readyAt), now) })} ·{' '}
                    <Money amount={o.total} currency={k.currency} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}
