import type { Metadata } from 'next'
import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { RosterGrid } from '@/components/manager/roster-grid'
import { secondaryButtonClass, buttonClass } from '@/components/ui/styles'
import { addDays, businessDay } from '@/domain/opening-hours'
import { weekMonday } from '@/domain/roster'
import { requirePageTask } from '@/server/auth/guard'
import { loadBusinessClock } from '@/server/coverage/snapshot'
import { getRosterWeek } from '@/server/roster/get-roster-week'
import { comingWeek } from '@/server/roster/store'
import { PageHeader } from '@/components/ui/section'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('manager.roster')
  return { title: t('title') }
}

const YMD = /^\d{4}-\d{2}-\d{2}$/

export default async function RosterPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const actor = await requirePageTask('MANAGE_TEAM')
  const now = new Date()
  const [{ week }, clock, t, format] = await Promise.all([
    searchParams,
    loadBusinessClock(),
    getTranslations('manager.roster'),
    getFormatter(),
  ])
  const today = businessDay(now, clock.timeZone)
  const start = typeof week === 'string' && YMD.test(week) ? weekMonday(week) : weekMonday(today)
  const data = await getRosterWeek(actor, { weekStart: start }, now)
  const next = comingWeek(now, clock.timeZone)
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
