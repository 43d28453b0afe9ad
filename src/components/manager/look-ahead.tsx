import { getFormatter, getTranslations } from 'next-intl/server'
import type { DayCoverDTO } from '@/server/coverage/get-day-cover'
import { buttonClass, inputClass } from '@/components/ui/styles'
import { ToolbarSection } from '@/components/ui/toolbar-section'
import { CoverTaskList } from './cover-task-list'

/** "Look ahead": the same cover picture for a chosen day, with the hours where a task has no backup. A plain GET form,
 * so it works before any script has loaded and the chosen day is in the URL (shareable, back button). */
export async function LookAhead({ day, data, error }: { day: string; data: DayCoverDTO | null; error: string | null }) {
  const [t, cover, common, format] = await Promise.all([
    getTranslations('manager.lookAhead'),
    getTranslations('manager.coverNow'),
    getTranslations('common'),
    getFormatter(),
  ])
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit' })
  return (
    <ToolbarSection
      id="look-ahead-title"
      anchor="look-ahead"
      title={t('title')}
      explain={t('explain')}
      data-testid="look-ahead"
      tools={
        <form method="get" action="/manager#look-ahead" className="flex items-end gap-2">
          <label className="text-sm font-medium text-slate-700">
            {t('day')}
            <input type="date" name="day" defaultValue={day} required className={inputClass} aria-invalid={error ? true : undefined} />
          </label>
          <button type="submit" className={buttonClass}>
            {t('show')}
          </button>
        </form>
      }
    >
      {error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {data && (
        <>
          <p className="mt-3 font-medium" data-testid="look-ahead-day">
            {format.dateTime(new Date(`${data.day}T12:00:00Z`), { dateStyle: 'full', timeZone: 'UTC' })}
          </p>
          {data.unstaffed.length > 0 && (
            <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800" data-testid="look-ahead-unstaffed">
              {t('unstaffed', { ranges: data.unstaffed.map((u) => `${time(u.start)}–${time(u.end)}`).join(', ') })}
            </p>
          )}
          {data.closed ? (
            <p className="mt-2 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('closedDay')}</p>
          ) : (
            <CoverTaskList
              entries={data.tasks}
              testIdPrefix="look-ahead"
              className="mt-2 grid gap-3 md:grid-cols-3"
              badge={(x) => (x.level === 'ok' ? t('allDay') : cover(`level.${x.level}`))}
              detail={(x) => (
                <>
                  {x.gaps.length > 0 && (
                    <ul className="mt-1 text-xs text-slate-700">
                      {x.gaps.map((g) => (
                        <li key={g.start} data-start={g.start} data-end={g.end} data-present={g.present}>
                          {time(g.start)}–{time(g.end)}:{' '}
                          <span className={g.present === 0 ? 'font-semibold text-red-800' : 'text-amber-900'}>
                            {g.present === 0 ? cover('level.none') : cover('level.single')}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="mt-0.5 text-xs text-slate-500">
                    {x.qualified.length > 0 ? t('qualified', { names: x.qualified.map((q) => q.name).join(', ') }) : t('nobodyQualified')}
                  </p>
                </>
              )}
            />
          )}
          <h3 className="mt-4 text-sm font-semibold">{t('awayThatDay')}</h3>
          {data.absences.length === 0 ? (
            <p className="text-sm text-slate-600">{t('nobodyAway')}</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-2 text-sm">
              {data.absences.map((a) => (
                <li key={`${a.person.id}-${a.start}`} className="rounded-md bg-slate-100 px-2 py-1">
                  <span className="font-medium">{a.person.name}</span> · {common(`absence.${a.kind}`)} ·{' '}
                  {format.dateTimeRange(new Date(a.start), new Date(a.end), {
                    day: 'numeric',
                    month: 'numeric',
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </ToolbarSection>
  )
}
