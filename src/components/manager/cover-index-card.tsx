import { getFormatter, getTranslations } from 'next-intl/server'
import type { CoverOverviewDTO } from '@/server/coverage/get-cover-overview'
import { Section } from '@/components/ui/section'
import { IndexTasksForm } from './index-tasks-form'

// Grades below 0.5 are days with a task nobody covers (coverage.coverIndex().grade): always red.
const gradeTone = (g: number) => (g < 0.5 ? 'bg-red-500' : g >= 0.9 ? 'bg-emerald-500' : 'bg-amber-400')

/** The headline number, its day-by-day trend for the coming week, and the slots that pull it down. */
export async function CoverIndexCard({ data }: { data: CoverOverviewDTO }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.index'), getTranslations('common'), getFormatter()])
  const pct = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 0 })
  const dayLabel = (ymd: string) =>
    format.dateTime(new Date(`${ymd}T12:00:00Z`), { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' })
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit' })
  const hours = (v: number) => format.number(v, { maximumFractionDigits: 1 })
  const open = data.trend.filter((d) => d.index !== null)
  const best = open.reduce<(typeof open)[number] | null>((b, d) => (b === null || d.index! > b.index! ? d : b), null)
  const worst = open.reduce<(typeof open)[number] | null>((w, d) => (w === null || d.index! < w.index! ? d : w), null)
  return (
    <Section id="index-title" title={t('title')} data-testid="cover-index">
      <p className="mt-2 flex items-baseline gap-2">
        <span className="text-4xl font-bold tabular-nums" data-testid="cover-index-value">
          {pct(data.index.value)}
        </span>
        <span className="text-sm text-slate-600">{t('next7')}</span>
      </p>
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm" data-testid="cover-index-uncovered">
        <span className={data.index.uncoveredSlots > 0 ? 'font-semibold text-red-700' : 'text-slate-600'}>
          {t('uncoveredShare', { share: pct(data.index.uncoveredShare) })}
        </span>
        <span className="text-slate-600">{t('uncoveredHours', { hours: hours(data.index.uncoveredHours) })}</span>
      </p>
      <p className="mt-1 text-sm text-slate-600">{t('explainGraded')}</p>
      {data.index.excluded.length > 0 && (
        <p className="mt-1 text-xs text-slate-500">
          {t('excludedNote', { tasks: data.index.excluded.map((k) => common(`tasks.${k}`)).join(', ') })}
        </p>
      )}

      <h3 className="mt-4 text-sm font-semibold">{t('trendTitle')}</h3>
      <ol
        className="mt-2 grid grid-cols-7 items-start gap-1"
        aria-label={t('trendAria', {
          best: best ? `${dayLabel(best.day)} ${pct(best.index!)}` : '–',
          worst: worst ? `${dayLabel(worst.day)} ${pct(worst.index!)}` : '–',
        })}
      >
        {data.trend.map((d) => (
          // Bars sit in a fixed-height box above the labels (grid rows, not flex), so a wrapped date label cannot push
          // one bar lower than another of the same value.
          <li
            key={d.day}
            className="grid grid-rows-[5rem_auto_auto_auto] justify-items-center gap-1 text-center"
            aria-label={
              d.index === null
                ? `${dayLabel(d.day)}: ${t('closedShort')}`
                : t('barLabel', { day: dayLabel(d.day), covered: pct(d.index), uncovered: pct(d.uncovered ?? 0) })
            }
            data-testid={`day-bar-${d.day}`}
            data-grade={d.grade ?? ''}
          >
            <span className="flex h-20 w-full items-end rounded bg-slate-100" aria-hidden>
              {d.grade !== null && (
                <span className={`block w-full rounded ${gradeTone(d.grade)}`} style={{ height: `${Math.max(4, d.grade * 100)}%` }} />
              )}
            </span>
            <span className="text-xs font-medium tabular-nums" aria-hidden>
              {d.index === null ? t('closedShort') : pct(d.index)}
            </span>
            <span className="text-[11px] font-medium text-red-700" aria-hidden>
              {d.uncovered ? t('barUncovered', { share: pct(d.uncovered) }) : ''}
            </span>
            <span className="text-[11px] leading-tight text-slate-600" aria-hidden>
              {dayLabel(d.day)}
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-500">{t('trendExplainGraded')}</p>

      <h3 className="mt-4 text-sm font-semibold">{t('worstTitle')}</h3>
      {data.index.pulls.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t('noWorst')}</p>
      ) : (
        <ol className="mt-1 space-y-2 text-sm" data-testid="cover-pulls">
          {data.index.pulls.slice(0, 5).map((p) => (
            <li key={p.task} data-task={p.task}>
              <span className="font-medium">{common(`tasks.${p.task}`)}</span>{' '}
              <span className={p.uncoveredHours > 0 ? 'font-medium text-red-700' : 'text-amber-800'}>
                {t('pullLine', { uncovered: hours(p.uncoveredHours), fragile: hours(p.fragileHours) })}
              </span>
              <ul className="text-xs text-slate-600">
                {p.ranges.map((w) => (
                  <li key={w.start}>
                    {dayLabelOf(w.start, format)} {time(w.start)}–{time(w.end)} · {t('presentCount', { count: w.present })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {data.index.unstaffed.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-red-800">{t('unstaffedTitle')}</h3>
          <ul className="mt-1 text-sm text-red-800" data-testid="cover-unstaffed">
            {data.index.unstaffed.slice(0, 5).map((u) => (
              <li key={u.start}>{t('unstaffedLine', { day: dayLabelOf(u.start, format), start: time(u.start), end: time(u.end) })}</li>
            ))}
          </ul>
        </>
      )}
      <IndexTasksForm excluded={data.index.excluded} />
    </Section>
  )
}

function dayLabelOf(iso: string, format: Awaited<ReturnType<typeof getFormatter>>): string {
  return format.dateTime(new Date(iso), { weekday: 'short', day: 'numeric', month: 'numeric' })
}
