import { getTranslations } from 'next-intl/server'
import { AppShell } from '@/components/app-shell'
import type { SubNavItem } from '@/components/sub-nav'
import { managerPagesFor } from '@/domain/navigation'
import { requireArea } from '@/server/auth/guard'

export default async function ManagerLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireArea('manager')
  const t = await getTranslations('manager.nav')
  // Only the sections this person's skills open (a receptionist certified for the catalog sees just the catalog).
  const sections: SubNavItem[] = managerPagesFor(actor).map((s) => ({ href: s.href, label: t(s.key) }))
  return (
    <AppShell actor={actor} area="manager" sections={sections}>
      {children}
    </AppShell>
  )
}
