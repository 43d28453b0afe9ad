import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { TeamTable } from '@/components/manager/team-table'
import { PASSWORD_MIN } from '@/domain/password-policy'
import { requirePageTask } from '@/server/auth/guard'
import { listTeam } from '@/server/team/list-team'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('manager.team')
  return { title: t('title') }
}

export default async function TeamPage() {
  const actor = await requirePageTask('MANAGE_TEAM')
  const [team, t] = await Promise.all([listTeam(actor), getTranslations('manager.team')])
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-slate-600">
          {t('subtitle', { active: team.filter((m) => m.active).length, inactive: team.filter((m) => !m.active).length })}
        </p>
      </header>
      <TeamTable team={team} passwordMin={PASSWORD_MIN} />
    </div>
  )
}
