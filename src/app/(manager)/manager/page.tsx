import { getFormatter, getTranslations } from 'next-intl/server'
import { CoverIndexCard } from '@/components/manager/cover-index-card'
import { CoverNowPanel } from '@/components/manager/cover-now-panel'
import { CrossRolePanel } from '@/components/manager/cross-role-panel'
import { EvidencePanel } from '@/components/manager/evidence-panel'
import { LookAhead } from '@/components/manager/look-ahead'
import { SkillHistory } from '@/components/manager/skill-history'
import { ShopSkillsPanel } from '@/components/manager/shop-skills-panel'
import { SkillGapsPanel } from '@/components/manager/skill-gaps-panel'
import { SkillsMatrix } from '@/components/manager/skills-matrix'
import { SpofPanel } from '@/components/manager/spof-panel'
import { TrainingGoalsList } from '@/components/manager/training-goals-list'
import { isDomainError } from '@/domain/errors'
import { addDays, businessDay } from '@/domain/opening-hours'
import { requirePageTask } from '@/server/auth/guard'
import { getCoverOverview } from '@/server/coverage/get-cover-overview'
import { getCrossRoleWork } from '@/server/coverage/get-cross-role-work'
import { getDayCover, type DayCoverDTO } from '@/server/coverage/get-day-cover'
import { getPracticeEvidence } from '@/server/coverage/get-practice-evidence'
import { getSettings } from '@/server/settings/get-settings'
import { getSkillsMatrix } from '@/server/team/get-skills-matrix'
import { getSkillGaps } from '@/server/shop-skills/get-skill-gaps'
import { listShopSkills } from '@/server/shop-skills/list-shop-skills'
import { listTrainingGoals } from '@/server/team/list-training-goals'
import { titleFrom } from './title-metadata'

export const generateMetadata = titleFrom('manager.overview')

export default async function ManagerOverview({ searchParams }: { searchParams: Promise<{ day?: string | string[] }> }) {
  const actor = await requirePageTask('MANAGE_TEAM')
  const [{ day: dayParam }, settings, t, format] = await Promise.all([
    searchParams,
    getSettings(),
    getTranslations('manager.overview'),
    getFormatter(),
  ])
  const now = new Date()
  // The look-ahead defaults to tomorrow: today's gaps are in "who can cover now".
  const day = typeof dayParam === 'string' && dayParam ? dayParam : addDays(businessDay(now, settings.timeZone), 1)
  const [overview, matrix, evidence, crossRole, goals, lookAhead, shopSkills, skillGaps] = await Promise.all([
    getCoverOverview(actor, now),
    getSkillsMatrix(actor, now),
    getPracticeEvidence(actor, now),
    getCrossRoleWork(actor, now),
    listTrainingGoals(actor, now),
    getDayCover(actor, { day }, now).then(
      (data): { data: DayCoverDTO | null; error: string | null } => ({ data, error: null }),
      async (error: unknown) => {
        if (!isDomainError(error)) throw error
        const all = await getTranslations()
        return { data: null, error: all(error.messageKey, error.params) }
      },
    ),
    listShopSkills(actor, now),
    getSkillGaps(actor, now),
  ])
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-slate-600">
          {t('subtitle', { time: format.dateTime(now, { weekday: 'long', hour: '2-digit', minute: '2-digit' }) })}
        </p>
      </header>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <CoverNowPanel data={overview} />
        <CoverIndexCard data={overview} />
        <div className="md:col-span-2 xl:col-span-1">
          <SpofPanel data={overview} staff={matrix.staff} />
        </div>
      </div>
      <SkillGapsPanel orders={skillGaps} />
      <SkillsMatrix staff={matrix.staff} overdue={matrix.overdueReviews} />
      <ShopSkillsPanel data={shopSkills} />
      <LookAhead day={day} data={lookAhead.data} error={lookAhead.error} />
      <div className="grid gap-4 lg:grid-cols-2">
        <EvidencePanel data={evidence} />
        <CrossRolePanel data={crossRole} />
      </div>
      <TrainingGoalsList goals={goals} />
      <SkillHistory history={matrix.history} />
    </div>
  )
}
