import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import { Money } from '@/components/money'
import { BucketChart, LateChart, OrdersPerDayChart, StageMedianChart } from '@/components/manager/kpi-charts'
import { KpiLists } from '@/components/manager/kpi-lists'
import { StatTile } from '@/components/ui/stat-tile'
import { formatMoney } from '@/domain/money'
import { requirePageTask } from '@/server/auth/guard'
import { getKpis } from '@/server/kpis/get-kpis'
import { titleFrom } from '../title-metadata'

export const generateMetadata = titleFrom('manager.kpis')

export default async function KpisPage() {
  const actor = await requirePageTask('MANAGE_TEAM')
  const now = new Date()
  const [k, t, format, locale] = await Promise.all([getKpis(actor, now), getTranslations('manager.kpis'), getFormatter(), getLocale()])
  const money = (v: number) => formatMoney(v, k.currency, locale)
  const waitingCount = k.waiting.buckets.reduce((s, b) => s + b.count, 0)
  const waitingValue = k.waiting.buckets.reduce((s, b) => s + b.value, 0)
  const overdueReceivable = k.receivables.buckets.filter((b) => b.bucket !== 'notDue').reduce((s, b) => s + b.amount, 0)
  const waitingSummary =
    waitingCount === 0
      ? t('waitingNone')
      : t('waitingSummary', {
          count: waitingCount,
          value: money(waitingValue),
          old: k.waiting.buckets.find((b) => b.bucket === 'over7d')?.count ?? 0,
        })
  const receivableBuckets = k.receivables.buckets.map((b) => ({ bucket: b.bucket, count: b.count, value: b.amount }))
  const receivablesSummary =
    k.receivables.count === 0
      ? t('receivablesNone')
      : t('receivablesSummary', {
          total: money(k.receivables.total),
          count: k.receivables.count,
          overdue: money(overdueReceivable),
          old: money(k.receivables.buckets.find((b) => b.bucket === 'over90')?.amount ?? 0),
        })
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-slate-600">
          {t('subtitle', { days: k.days, from: format.dateTime(new Date(k.from), { dateStyle: 'medium' }) })}
        </p>
      </header>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatTile
          label={t('unbilledTitle')}
          value={<Money amount={k.unbilled.gross} currency={k.currency} />}
          sub={t('unbilledSub', { count: k.unbilled.orders, net: money(k.unbilled.net) })}
          testId="stat-unbilled"
        />
        <StatTile
          label={t('receivablesTitle')}
          value={<Money amount={k.receivables.total} currency={k.currency} />}
          sub={t('receivablesSub', { count: k.receivables.count, overdue: money(overdueReceivable) })}
          testId="stat-receivables"
        />
        <StatTile label={t('overdueNowTitle')} value={k.late.overdueNowCount} sub={t('overdueNowSub')} testId="stat-overdue" />
        <StatTile
          label={t('waitingTitle')}
          value={waitingCount}
          sub={t('waitingSub', { value: money(waitingValue) })}
          testId="stat-waiting"
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <OrdersPerDayChart data={k.ordersPerDay} />
        <StageMedianChart data={k.stageMedians} />
        <LateChart data={k.late} />
        <BucketChart id="waiting" currency={k.currency} buckets={k.waiting.buckets} summary={waitingSummary} />
        <BucketChart id="receivables" currency={k.currency} buckets={receivableBuckets} summary={receivablesSummary} />
        <KpiLists k={k} now={now} />
      </div>
    </div>
  )
}
