import { getTranslations } from 'next-intl/server'
import { AddDrawerForm } from '@/components/cash/add-drawer-form'
import { ClosedSessions, DifferenceSummaries } from '@/components/cash/cash-differences'
import { Section } from '@/components/ui/section'
import { buttonClass, compactInputClass, secondaryButtonClass } from '@/components/ui/styles'
import { addDays, businessDay } from '@/domain/opening-hours'
import { cashRangeSchema } from '@/lib/schemas/cash'
import { requirePageTask } from '@/server/auth/guard'
import { listCashDifferences } from '@/server/cash/list-cash-differences'
import { listDrawers } from '@/server/cash/list-drawers'
import { getSettings } from '@/server/settings/get-settings'
import { titleFrom } from '../title-metadata'

export const generateMetadata = titleFrom('cash.manager')

/** The manager's view of the drawers: differences per person and day (last 7 days unless asked), CSV, the drawers. */
export default async function CashPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageTask('MANAGE_TEAM')
  const [query, settings, t] = await Promise.all([searchParams, getSettings(), getTranslations('cash.manager')])
  const today = businessDay(new Date(), settings.timeZone)
  const asked = cashRangeSchema.safeParse({ from: query.from, to: query.to })
  const range = asked.success ? asked.data : { from: addDays(today, -6), to: today }
  const [data, drawers] = await Promise.all([listCashDifferences(actor, range), listDrawers(actor)])
  const csv = `/api/manager/cash-export?from=${range.from}&to=${range.to}`
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-slate-700">
          {t('from')}
          <input type="date" name="from" defaultValue={range.from} className={compactInputClass} required />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('to')}
          <input type="date" name="to" defaultValue={range.to} className={compactInputClass} required />
        </label>
        <button type="submit" className={buttonClass}>
          {t('show')}
        </button>
        <a href={csv} className={secondaryButtonClass} data-testid="cash-csv" download>
          {t('download')}
        </a>
      </form>
      {data.sessions.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">{t('none')}</p>
      ) : (
        <>
          <h2 className="text-lg font-semibold">{t('perPerson')}</h2>
          <DifferenceSummaries data={data} />
          <h2 className="text-lg font-semibold">{t('allSessions')}</h2>
          <ClosedSessions data={data} />
        </>
      )}
      <Section id="cash-drawers" title={t('drawers')} explain={t('drawersIntro')}>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {drawers.drawers.map((d) => (
            <li key={d.id} className="rounded-md bg-slate-100 px-2 py-1">
              {d.name}
            </li>
          ))}
        </ul>
        <AddDrawerForm />
      </Section>
    </div>
  )
}
