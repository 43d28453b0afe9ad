import { getTranslations } from 'next-intl/server'
import { AppShell } from '@/components/app-shell'
import type { SubNavItem } from '@/components/sub-nav'
import { can, type Task } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'

const SECTIONS: Array<{ href: string; key: string; task: Task }> = [
  { href: '/manager', key: 'overview', task: 'MANAGE_TEAM' },
  { href: '/manager/absences', key: 'absences', task: 'MANAGE_TEAM' },
  { href: '/manager/team', key: 'team', task: 'MANAGE_TEAM' },
  { href: '/manager/catalog', key: 'catalog', task: 'MANAGE_CATALOG' },
  { href: '/manager/kpis', key: 'kpis', task: 'MANAGE_TEAM' },
  { href: '/manager/settings', key: 'settings', task: 'MANAGE_TEAM' },
  // Tokens are created for any staff member by whoever manages the team (the page requires MANAGE_TEAM).
  { href: '/manager/api-tokens', key: 'apiTokens', task: 'MANAGE_TEAM' },
]

export default async function ManagerLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireArea('manager')
  const t = await getTranslations('manager.nav')
  // Only the sections this person's skills open (a receptionist certified for the catalog sees just the catalog).
  const sections: SubNavItem[] = SECTIONS.filter((s) => can(actor, s.task)).map((s) => ({ href: s.href, label: t(s.key) }))
  return (
    <AppShell actor={actor} area="manager" sections={sections}>
      {children}
    </AppShell>
  )
}
