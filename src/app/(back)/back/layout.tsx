import { getTranslations } from 'next-intl/server'
import { AppShell } from '@/components/app-shell'
import { requireArea } from '@/server/auth/guard'

export default async function BackLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireArea('back')
  const t = await getTranslations('back.nav')
  return (
    <AppShell actor={actor} area="back" sections={[{ href: '/back', label: t('queue') }]}>
      {children}
    </AppShell>
  )
}
