import { getFormatter, getTranslations } from 'next-intl/server'
import type { CoverOverviewDTO } from '@/server/coverage/get-cover-overview'
import { cardClass } from '@/components/ui/styles'

const tone = (v: number) => (v >= 0.8 ? 'bg-emerald-500' : v >= 0.5 ? 'bg-amber-400' : 'bg-red-500')

/** The headline number, its day-by-day trend for the coming week, and the slots that pull it down. */
export async function CoverIndexCard({ data }: { data: CoverOverviewDTO }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.index'), getTranslations('common'), getFormatter()])
  const pct = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 0 })
  const dayLabel = (ymd: string) =>
    format.dateTime(new Date(`${ymd}T12:00:00Z`), { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' })
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit' })
  const open = data.trend.filter((d) => d.index !== null)
  const best = open.reduce<(typeof open)[number] | null>((b, d) => (b === null || d.index! > b.index! ? d : b), null)
  const worst = open.reduce<(typeof open)[number] | null>((w, d) => (w === null || d.index! < w.index! ? d : w), null)
  return (
    <section aria-labelledby="index-title" className={cardClass} data-testid="cover-index">
      <h2 id="index-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-2 flex items-baseline gap-2">
        <span className="text-4xl font-bold tabular-nums" data-testid="cover-index-value">
          {pct(data.index.value)}
        </span>
        <span className="text-sm text-slate-600">{t('next7')}</span>
      </p>
      <p className="mt-1 text-sm text-slate-600">{t('explain')}</p>

      <h3 className="mt-4 text-sm font-semibold">{t('trendTitle')}</h3>
      <ol
        className="mt-2 grid grid-cols-7 items-end gap-1"
        aria-label={t('trendAria', {
          best: best ? `${dayLabel(best.day)} ${pct(best.index!)}` : '–',
          worst: worst ? `${dayLabel(worst.day)} ${pct(worst.index!)}` : '–',
        })}
      >
        {data.trend.map((d) => (
          <li key={d.day} className="flex flex-col items-center gap-1 text-center">
            <span className="flex h-20 w-full items-end rounded bg-slate-100" aria-hidden>
              {d.index !== null && (
                <span className={`block w-full rounded ${tone(d.index)}`} style={{ height: `${Math.max(4, d.index * 100)}%` }} />
              )}
            </span>
            <span className="text-[11px] leading-tight text-slate-600">{dayLabel(d.day)}</span>
            <span className="text-xs font-medium tabular-nums">{d.index === null ? t('closedShort') : pct(d.index)}</span>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-500">{t('trendExplain')}</p>

      <h3 className="mt-4 text-sm font-semibold">{t('worstTitle')}</h3>
      {data.index.worst.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t('noWorst')}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {data.index.worst.slice(0, 5).map((w) => (
            <li key={`${w.task}-${w.start}`} className="flex flex-wrap gap-x-2">
              <span className="font-medium">{common(`tasks.${w.task}`)}</span>
              <span className="text-slate-600">
                {dayLabelOf(w.start, format)} {time(w.start)}–{time(w.end)}
              </span>
              <span className={w.present === 0 ? 'font-medium text-red-700' : 'text-amber-800'}>
                {t('presentCount', { count: w.present })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function dayLabelOf(iso: string, format: Awaited<ReturnType<typeof getFormatter>>): string {
  return format.dateTime(new Date(iso), { weekday: 'short', day: 'numeric', month: 'numeric' })
}
