'use client'

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { formatMoney } from '@/domain/money'
import { KPI_CHART_HEIGHT, type KpiChartSpec } from './kpi-chart'

// The picture of one KPI chart, with recharts. Loaded on demand by ./kpi-chart.tsx; its accessible name (the summary)
// and its numbers (the data table) are rendered around it on the server.

export default function KpiChartPicture({ rows, series, stacked, dense, format, currency, locale, legend }: KpiChartSpec) {
  const money = (v: number) => formatMoney(v, currency ?? '', locale)
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const compact = new Intl.NumberFormat(locale, { notation: 'compact' })
  const value = (v: unknown) => {
    if (typeof v !== 'number') return format === 'hours' ? '–' : String(v)
    return format === 'money' ? money(v) : format === 'hours' ? `${hours.format(v)} h` : String(v)
  }
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: KPI_CHART_HEIGHT }}
      data={rows}
      accessibilityLayer={false}
      margin={{ top: 5, right: 5, bottom: 5, left: format === 'money' ? 10 : -20 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="label"
        tick={{ fontSize: 11 }}
        {...(dense ? { interval: 'preserveStartEnd' as const, minTickGap: 12 } : format === 'money' ? { interval: 0 } : {})}
      />
      <YAxis
        tick={{ fontSize: 11 }}
        allowDecimals={format !== 'count'}
        {...(format === 'hours' ? { unit: 'h' } : format === 'money' ? { tickFormatter: (v: number) => compact.format(v) } : {})}
      />
      <Tooltip formatter={format === 'count' ? undefined : (v) => value(v)} />
      {legend && <Legend wrapperStyle={{ fontSize: 12 }} />}
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} {...(stacked ? { stackId: 'a' } : {})} />
      ))}
    </BarChart>
  )
}
