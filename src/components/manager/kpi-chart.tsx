'use client'

import { useEffect, useState, type ComponentType } from 'react'
import { flushSync } from 'react-dom'

/** What one KPI bar chart draws: plain data and already translated names, so the server can hand it over as it is. */
export interface KpiChartSpec {
  /** One row per bar (or stack of bars), `label` on the x axis, one number per series. */
  rows: Array<{ label: string } & Record<string, string | number | null>>
  series: Array<{ key: string; name: string; color: string }>
  stacked?: boolean
  /** Many bars (one per day): the x axis shows as many labels as fit. Otherwise every label. */
  dense?: boolean
  /** Numbers on the y axis and in the tooltip. */
  format: 'count' | 'hours' | 'money'
  currency?: string
  locale: string
  legend?: boolean
}

/** The height of every KPI chart, and of its placeholder while the chart code loads. */
export const KPI_CHART_HEIGHT = 240

/** A quiet picture of empty axes, the chart's exact size: the page does not move when the chart replaces it. */
function ChartPlaceholder() {
  return (
    <div
      aria-hidden
      data-testid="kpi-chart-placeholder"
      className="rounded-md border-b border-l border-slate-200 motion-safe:animate-pulse"
      style={{
        height: KPI_CHART_HEIGHT,
        backgroundImage: 'repeating-linear-gradient(to top, transparent 0 47px, rgb(226 232 240) 47px 48px)',
      }}
    />
  )
}

// The chart library (recharts, ~120 kB gzip) is not part of the page's first load: it is imported once the page has
// hydrated, while the numbers are already there (each figure's summary and data table are rendered on the server).
// No server rendering of the pictures: recharts measures the space it is given, which only a browser knows.
let picture: Promise<ComponentType<KpiChartSpec>> | undefined
const loadPicture = () => (picture ??= import('./kpi-chart-picture').then((m) => m.default))

// recharts draws a chart in one synchronous render (tens of milliseconds each). The charts take turns, one per task,
// so that the page stays responsive while they appear instead of blocking for all of them at once.
const turns: Array<() => void> = []
function takeTurn(draw: () => void) {
  turns.push(draw)
  if (turns.length === 1) setTimeout(nextTurn, 0)
}
function nextTurn() {
  turns.shift()?.()
  if (turns.length > 0) setTimeout(nextTurn, 0)
}

export function KpiChart(spec: KpiChartSpec) {
  const [Picture, setPicture] = useState<ComponentType<KpiChartSpec> | null>(null)
  useEffect(() => {
    let mounted = true
    loadPicture().then(
      (component) =>
        takeTurn(() => {
          if (mounted) flushSync(() => setPicture(() => component))
        }),
      () => {
        // Offline or a new deployment: the placeholder stays (the numbers are in the table), the next visit retries.
        picture = undefined
      },
    )
    return () => {
      mounted = false
    }
  }, [])
  return Picture ? <Picture {...spec} /> : <ChartPlaceholder />
}
