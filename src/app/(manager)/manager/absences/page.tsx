import { getTranslations } from 'next-intl/server'
import { AbsenceForm } from '@/components/manager/absence-form'
import { AbsenceList } from '@/components/manager/absence-list'
import { ReassignForm } from '@/components/manager/reassign-form'
import { cardClass } from '@/components/ui/styles'
import { listAbsences } from '@/server/absences/list-absences'
import { absencePresets } from '@/server/absences/presets'
import { requirePageTask } from '@/server/auth/guard'
import { loadBusinessClock } from '@/server/coverage/snapshot'
import { listTeam } from '@/server/team/list-team'
import { PageHeader } from '@/components/ui/page-header'
import { titleFrom } from '../title-metadata'

export const generateMetadata = titleFrom('manager.absences')

export default async function AbsencesPage({ searchParams }: { searchParams: Promise<{ reassign?: string }> }) {
  const actor = await requirePageTask('MANAGE_TEAM')
  const now = new Date()
  const [{ reassign }, absences, team, clock, t, h] = await Promise.all([
    searchParams,
    listAbsences(actor, now),
    listTeam(actor),
    loadBusinessClock(),
    getTranslations('manager.absences'),
    getTranslations('manager.reassign'),
  ])
  const active = team.filter((m) => m.active)
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-4 lg:grid-cols-2">
        <AbsenceForm
          people={active.map((m) => ({ id: m.id, name: m.name }))}
          presets={absencePresets(now, clock.timeZone, clock.hours)}
          timeZone={clock.timeZone}
        />
        <AbsenceList data={absences} />
      </div>
      <section aria-labelledby="reassign-title" className={cardClass} id="reassign">
        <h2 id="reassign-title" className="text-lg font-semibold">
          {h('title')}
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">{h('explain')}</p>
        <ReassignForm
          mode="manager"
          people={active.map((m) => ({ id: m.id, name: m.name, openOrders: m.openOrders }))}
          initialUserId={active.some((m) => m.id === reassign) ? reassign : undefined}
        />
      </section>
    </div>
  )
}
