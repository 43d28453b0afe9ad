import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { ApplySuggestion } from '@/components/manager/apply-suggestion'
import { SuggestionChanges } from '@/components/manager/suggestion-changes'
import { cardClass, secondaryButtonClass, tableCardClass } from '@/components/ui/styles'
import { addDays } from '@/domain/opening-hours'
import { getRosterSuggestion } from '@/server/roster/get-roster-suggestion'
import { PageHeader } from '@/components/ui/page-header'
import { rosterWeekRequest } from '../week-request'
import { titleFrom } from '../../title-metadata'

export const generateMetadata = titleFrom('manager.roster.suggest')

export default async function SuggestedRosterPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const { actor, now, next, asked } = await rosterWeekRequest(searchParams)
  const [t, format] = await Promise.all([getTranslations('manager.roster.suggest'), getFormatter()])
  const wanted = asked ?? next
  const data = await getRosterSuggestion(actor, { weekStart: wanted < next ? next : wanted }, now)
  const pct = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 0 })
  const date = (ymd: string) =>
    format.dateTime(new Date(`${ymd}T12:00:00Z`), { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' })
  const day = (ymd: string) =>
    format.dateTime(new Date(`${ymd}T12:00:00Z`), { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' })
  const days = Array.from({ length: 7 }, (_, i) => addDays(data.weekStart, i))
  const line = (v: { index: number; uncoveredShare: number }) => t('indexLine', { index: pct(v.index), uncovered: pct(v.uncoveredShare) })
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} subtitle={t('subtitle', { date: date(data.weekStart) })} />
      <section className="grid gap-4 sm:grid-cols-2" data-testid="suggestion-indexes">
        <IndexCard title={t('current')} value={pct(data.current.index)} line={line(data.current)} />
        <IndexCard title={t('suggested')} value={pct(data.suggested.index)} line={line(data.suggested)} suggested />
      </section>
      <section aria-labelledby="changes-title" className={cardClass}>
        <h2 id="changes-title" className="text-lg font-semibold">
          {t('changesTitle')}
        </h2>
        <SuggestionChanges changes={data.changes} />
        <div className="mt-4 flex flex-wrap gap-2">
          {data.changes.length > 0 && <ApplySuggestion weekStart={data.weekStart} basis={data.basis} />}
          <Link className={secondaryButtonClass} href={`/manager/roster?week=${data.weekStart}`}>
            {t('keep')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="plan-title" className={tableCardClass}>
        <h2 id="plan-title" className="px-4 pt-3 text-lg font-semibold">
          {t('planTitle')}
        </h2>
        <table className="w-full min-w-[48rem] text-sm">
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                {t('planTitle')}
              </th>
              {days.map((d) => (
                <th key={d} scope="col" className="px-2 py-2 text-left font-semibold">
                  {day(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.people.map((p) => (
              <tr key={p.id}>
                <th scope="row" className="border-t border-slate-100 px-2 py-2 text-left font-medium">
                  {p.name}
                </th>
                {p.days.map((b, i) => (
                  <td key={days[i]} className="border-t border-slate-100 px-2 py-2 tabular-nums">
                    {b.length === 0 ? '—' : b.map(([s, e]) => `${s}–${e}`).join(', ')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className={cardClass}>
        <h2 className="text-sm font-semibold">{t('howTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('how')}</p>
      </section>
    </div>
  )
}

/** The cover index of a week's roster as it is, or as suggested (in green: the number to compare with). */
function IndexCard({ title, value, line, suggested }: { title: string; value: string; line: string; suggested?: boolean }) {
  return (
    <div className={cardClass}>
      <h2 className="text-sm font-semibold text-slate-600">{title}</h2>
      <p
        className={`text-3xl font-bold tabular-nums ${suggested ? 'text-emerald-800' : ''}`}
        data-testid={suggested ? 'suggested-index' : undefined}
      >
        {value}
      </p>
      <p className="text-sm text-slate-600">{line}</p>
    </div>
  )
}
