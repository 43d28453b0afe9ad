import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { RosterGrid } from '@/components/manager/roster-grid'
import { secondaryButtonClass, buttonClass } from '@/components/ui/styles'
import { addDays, businessDay } from '@/domain/opening-hours'
import { weekMonday } from '@/domain/roster'
import { getRosterWeek } from '@/server/roster/get-roster-week'
import { rosterWeekRequest } from './week-request'
import { PageHeader } from '@/components/ui/page-header'
import { titleFrom } from '../title-metadata'

export const generateMetadata = titleFrom('manager.roster')

export default async function RosterPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const { actor, now, timeZone, next, asked } = await rosterWeekRequest(searchParams)
  const [t, format] = await Promise.all([getTranslations('manager.roster'), getFormatter()])
  const today = businessDay(now, timeZone)
  const start = asked ?? weekMonday(today)
  const data = await getRosterWeek(actor, { weekStart: start }, now)
  const date = (ymd: string) =>
    format.dateTime(new Date(`${ymd}T12:00:00Z`), { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' })
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <nav className="flex flex-wrap items-center gap-2" aria-label={t('weekOf', { date: date(data.weekStart) })}>
        <Link className={secondaryButtonClass} href={`/manager/roster?week=${addDays(data.weekStart, -7)}`}>
          {t('prevWeek')}
        </Link>
        <span className="px-2 font-semibold">{t('weekOf', { date: date(data.weekStart) })}</span>
        <Link className={secondaryButtonClass} href={`/manager/roster?week=${addDays(data.weekStart, 7)}`}>
          {t('nextWeek')}
        </Link>
        {data.weekStart !== weekMonday(today) && (
          <Link className={secondaryButtonClass} href="/manager/roster">
            {t('thisWeek')}
          </Link>
        )}
        <Link className={`${buttonClass} ml-auto`} href={`/manager/roster/suggested?week=${data.weekStart < next ? next : data.weekStart}`}>
          {t('suggestLink', { date: date(data.weekStart < next ? next : data.weekStart) })}
        </Link>
      </nav>
      <RosterGrid data={data} />
    </div>
  )
}
