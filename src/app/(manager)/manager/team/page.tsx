import { getTranslations } from 'next-intl/server'
import { TeamTable } from '@/components/manager/team-table'
import { PageHeader } from '@/components/ui/page-header'
import { PASSWORD_MIN } from '@/domain/password-policy'
import { requirePageTask } from '@/server/auth/guard'
import { listTeam } from '@/server/team/list-team'
import { titleFrom } from '../title-metadata'

export const generateMetadata = titleFrom('manager.team')

export default async function TeamPage() {
  const actor = await requirePageTask('MANAGE_TEAM')
  const [team, t] = await Promise.all([listTeam(actor), getTranslations('manager.team')])
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { active: team.filter((m) => m.active).length, inactive: team.filter((m) => !m.active).length })}
      />
      <TeamTable team={team} passwordMin={PASSWORD_MIN} />
    </div>
  )
}
