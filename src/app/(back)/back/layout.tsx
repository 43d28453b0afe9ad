import { getTranslations } from 'next-intl/server'
import { AppShell } from '@/components/app-shell'
import type { SubNavItem } from '@/components/sub-nav'
import { BILLING_READERS, can, mayCall } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'

export default async function BackLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireArea('back')
  const t = await getTranslations('back.nav')
  // Sections follow the person's skills; each page and use case checks again on its own.
  const sections: SubNavItem[] = [{ href: '/back', label: t('queue') }]
  if (can(actor, 'INVOICE')) sections.push({ href: '/back/billing', label: t('billing') })
  if (mayCall(actor, BILLING_READERS)) sections.push({ href: '/back/receivables', label: t('receivables') })
  if (can(actor, 'RECORD_PAYMENT')) sections.push({ href: '/back/transfers', label: t('transfers') })
  return (
    <AppShell actor={actor} area="back" sections={sections}>
      {children}
    </AppShell>
  )
}
