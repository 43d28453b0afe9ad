import { getFormatter, getTranslations } from 'next-intl/server'
import type { CoverOverviewDTO } from '@/server/coverage/get-cover-overview'
import { CoverTaskList } from './cover-task-list'
import { cardClass } from '@/components/ui/styles'

/** "Who can cover now": per task, who is qualified and here, who is away (and until when). */
export async function CoverNowPanel({ data }: { data: CoverOverviewDTO }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.coverNow'), getTranslations('common'), getFormatter()])
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit' })
  // Absences ending on another day say which day ("until Sun 00:00"), today's just the time.
  const until = (iso: string) =>
    new Date(iso).getTime() - new Date(data.now).getTime() > 12 * 3_600_000
      ? format.dateTime(new Date(iso), { weekday: 'short', hour: '2-digit', minute: '2-digit' })
      : time(iso)
  return (
    <section aria-labelledby="cover-now-title" className={cardClass} data-testid="cover-now">
      <h2 id="cover-now-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      {data.closedNow ? (
        <p className="mt-1 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="closed-now">
          {data.nextOpenAt
            ? t('closedUntil', {
                when: format.dateTime(new Date(data.nextOpenAt), { weekday: 'long', hour: '2-digit', minute: '2-digit' }),
              })
            : t('closed')}
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-600">{t('openNow', { time: time(data.now) })}</p>
      )}
      {!data.hoursValid && <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('noHours')}</p>}
      <CoverTaskList
        entries={data.coverNow}
        testIdPrefix="cover-now"
        areaClassName="mt-3"
        badge={(c) => t(`level.${c.level}`)}
        detail={(c) => (
          <>
            {c.level === 'closed' ? (
              <p className="mt-0.5 text-xs text-slate-500">
                {c.qualified.length > 0 ? t('qualified', { names: c.qualified.map((p) => p.name).join(', ') }) : t('nobodyQualified')}
              </p>
            ) : (
              <p className="mt-0.5 text-sm text-slate-700">
                {c.present.length > 0 ? c.present.map((p) => p.name).join(', ') : t('nobodyHere')}
              </p>
            )}
            {c.away.length > 0 && (
              <p className="text-xs text-slate-600">
                {c.away.map((a) => t('awayUntil', { name: a.name, kind: common(`absence.${a.kind}`), until: until(a.until) })).join(' · ')}
              </p>
            )}
          </>
        )}
      />
    </section>
  )
}
