import { getTranslations } from 'next-intl/server'
import { AppShell } from '@/components/app-shell'
import { requireArea } from '@/server/auth/guard'

export default async function ManagerLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireArea('manager')
  const t = await getTranslations('manager.nav')
  return (
    <AppShell actor={actor} area="manager" sections={[{ href: '/manager', label: t('team') }]}>
      {children}
    </AppShell>
  )
}
