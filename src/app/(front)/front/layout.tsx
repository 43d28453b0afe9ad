import { getTranslations } from 'next-intl/server'
import { AppShell } from '@/components/app-shell'
import { requireArea } from '@/server/auth/guard'

export default async function FrontLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireArea('front')
  const t = await getTranslations('front.nav')
  return (
    <AppShell actor={actor} area="front" sections={[{ href: '/front', label: t('today') }]}>
      {children}
    </AppShell>
  )
}
