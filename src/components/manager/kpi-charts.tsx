import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { seriesSummary } from '@/domain/kpis'
import { formatMoney } from '@/domain/money'
import type { KpisDTO } from '@/server/kpis/get-kpis'
import { KpiChart, type KpiChartSpec } from './kpi-chart'
import { cardClass } from '@/components/ui/styles'

// The KPI charts. Every chart is a picture with a one-sentence summary as its accessible name and the numbers behind
// it in a data table under "Show the data", so nothing is only in the picture. All of that is rendered here, on the
// server; only the picture itself is a client component, loaded after the page (./kpi-chart.tsx).

const COLORS = { regular: '#2f6fde', covering: '#7c3aed', onTime: '#10b981', readyLate: '#d97706', overdue: '#dc2626', neutral: '#64748b' }

/** The two bars of the charts split by who took the order: regular staff, and someone covering the counter. */
const byWhoTookIt = (regular: string, covering: string): KpiChartSpec['series'] => [
  { key: 'regular', name: regular, color: COLORS.regular },
  { key: 'covering', name: covering, color: COLORS.covering },
]

async function ChartFigure({
  id,
  title,
  summary,
  chart,
  children,
  table,
}: {
  id: string
  title: string
  summary: string
  chart: KpiChartSpec
  children?: ReactNode
  /**
   * The numbers behind the picture, under "Show the data" (captioned with the title): `table`, or else the chart's own
   * rows under its series' names, `labelColumn` heading the rows' labels.
   */
  table: TableSpec | { labelColumn: string }
}) {
  const t = await getTranslations('manager.kpis')
  const data =
    'labelColumn' in table
      ? {
          head: [table.labelColumn, ...chart.series.map((s) => s.name)],
          rows: chart.rows.map((r) => [r.label, ...chart.series.map((s) => r[s.key] ?? '')]),
        }
      : table
  return (
    <figure className={cardClass} aria-labelledby={`${id}-title`} data-testid={`kpi-${id}`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <figcaption className="mt-1 text-sm text-slate-600">{summary}</figcaption>
      <div role="img" aria-label={summary} className="mt-3">
        <KpiChart {...chart} />
      </div>
      {children}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">{t('showData')}</summary>
        <div className="mt-2 max-h-72 overflow-auto">
          <DataTable caption={title} {...data} />
        </div>
      </details>
    </figure>
  )
}

type TableSpec = { head: string[]; rows: Array<Array<string | number>> }

function DataTable({ caption, head, rows }: { caption: string } & TableSpec) {
  return (
    <table className="w-full text-left text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-slate-600">
          {head.map((h, i) => (
            <th key={h} scope="col" className={`py-1 pr-2 font-semibold ${i > 0 ? 'text-right' : ''}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r[0])} className="border-t border-slate-100">
            {r.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-1 pr-2 font-medium">
                  {cell}
                </th>
              ) : (
                <td key={i} className="py-1 pr-2 text-right tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const shortDay = (ymd: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${ymd}T12:00:00Z`))

export async function OrdersPerDayChart({ data }: { data: KpisDTO['ordersPerDay'] }) {
  const [t, locale, format] = await Promise.all([getTranslations('manager.kpis'), getLocale(), getFormatter()])
  const rows = data.map((d) => ({ label: shortDay(d.day, locale), regular: d.regular, covering: d.covering }))
  const all = seriesSummary(rows.map((r) => ({ label: r.label, value: r.regular + r.covering })))
  const covering = rows.reduce((s, r) => s + r.covering, 0)
  const summary = all.peak
    ? t('ordersSummary', {
        total: all.total,
        days: data.length,
        average: format.number(all.average, { maximumFractionDigits: 1 }),
        peakDay: all.peak.label,
        peak: all.peak.value,
        covering,
      })
    : t('ordersNone', { days: data.length })
  return (
    <ChartFigure
      id="orders"
      title={t('ordersTitle', { days: data.length })}
      summary={summary}
      table={{ labelColumn: t('day') }}
      chart={{
        rows,
        series: byWhoTookIt(t('regular'), t('covering')),
        stacked: true,
        dense: true,
        format: 'count',
        locale,
        legend: true,
      }}
    />
  )
}

export async function StageMedianChart({ data }: { data: KpisDTO['stageMedians'] }) {
  const [t, locale, format] = await Promise.all([getTranslations('manager.kpis'), getLocale(), getFormatter()])
  const hours = (h: number | null) => (h === null ? '–' : format.number(h, { maximumFractionDigits: 1 }))
  const regular = data.find((d) => d.group === 'regular')!
  const covering = data.find((d) => d.group === 'covering')!
  const rows = [
    {
      label: t('toReady'),
      regular: regular.toReadyHours,
      covering: covering.toReadyHours,
      nRegular: regular.toReadyCount,
      nCovering: covering.toReadyCount,
    },
    {
      label: t('toCollect'),
      regular: regular.toCollectHours,
      covering: covering.toCollectHours,
      nRegular: regular.toCollectCount,
      nCovering: covering.toCollectCount,
    },
  ]
  const summary = t('stageSummary', {
    readyRegular: hours(regular.toReadyHours),
    readyCovering: hours(covering.toReadyHours),
    collectRegular: hours(regular.toCollectHours),
    collectCovering: hours(covering.toCollectHours),
  })
  return (
    <ChartFigure
      id="stages"
      title={t('stageTitle')}
      summary={summary}
      table={{
        head: [t('stage'), t('regularHours'), t('coveringHours'), t('ordersRegular'), t('ordersCovering')],
        rows: rows.map((r) => [r.label, hours(r.regular), hours(r.covering), r.nRegular, r.nCovering]),
      }}
      chart={{
        rows: rows.map((r) => ({ label: r.label, regular: r.regular, covering: r.covering })),
        series: byWhoTookIt(t('regular'), t('covering')),
        format: 'hours',
        locale,
        legend: true,
      }}
    >
      <p className="mt-1 text-xs text-slate-500">{t('stageExplain')}</p>
    </ChartFigure>
  )
}

export async function LateChart({ data }: { data: KpisDTO['late'] }) {
  const [t, locale, format] = await Promise.all([getTranslations('manager.kpis'), getLocale(), getFormatter()])
  const rows = data.perDay.map((d) => ({ label: shortDay(d.day, locale), onTime: d.onTime, readyLate: d.readyLate, overdue: d.overdue }))
  const late = data.totals.readyLate + data.totals.overdue
  const summary =
    data.totals.due === 0
      ? t('lateNone')
      : t('lateSummary', {
          late,
          due: data.totals.due,
          share: format.number(late / data.totals.due, { style: 'percent', maximumFractionDigits: 0 }),
          readyLate: data.totals.readyLate,
          overdue: data.totals.overdue,
        })
  return (
    <ChartFigure
      id="late"
      title={t('lateTitle')}
      summary={summary}
      table={{ labelColumn: t('dueDay') }}
      chart={{
        rows,
        series: [
          { key: 'onTime', name: t('onTime'), color: COLORS.onTime },
          { key: 'readyLate', name: t('readyLate'), color: COLORS.readyLate },
          { key: 'overdue', name: t('overdue'), color: COLORS.overdue },
        ],
        stacked: true,
        dense: true,
        format: 'count',
        locale,
        legend: true,
      }}
    />
  )
}

/** The words of each money-by-age chart: its title, what it counts, what it sums and the names of its age buckets. */
const BUCKET_WORDS = {
  waiting: { title: 'waitingChartTitle', count: 'orders', value: 'value', bucket: 'waitingBucket' },
  receivables: { title: 'receivablesChartTitle', count: 'invoices', value: 'openBalance', bucket: 'receivableBucket' },
} as const

/** Orders waiting or invoices open, by age: a bar per bucket, with its table and a sentence that sums it up. */
export async function BucketChart({
  id,
  currency,
  buckets,
  summary,
}: {
  id: keyof typeof BUCKET_WORDS
  currency: string
  buckets: ReadonlyArray<{ bucket: string; count: number; value: number }>
  summary: string
}) {
  const [t, locale] = await Promise.all([getTranslations('manager.kpis'), getLocale()])
  const money = (v: number) => formatMoney(v, currency, locale)
  const words = BUCKET_WORDS[id]
  const [countLabel, valueLabel] = [t(words.count), t(words.value)]
  const rows = buckets.map((b) => ({ ...b, label: t(`${words.bucket}.${b.bucket}` as Parameters<typeof t>[0]) }))
  return (
    <ChartFigure
      id={id}
      title={t(words.title)}
      summary={summary}
      table={{ head: [t('bucket'), countLabel, valueLabel], rows: rows.map((r) => [r.label, r.count, money(r.value)]) }}
      chart={{
        rows: rows.map((r) => ({ label: r.label, value: r.value })),
        series: [{ key: 'value', name: valueLabel, color: COLORS.neutral }],
        format: 'money',
        currency,
        locale,
      }}
    />
  )
}
