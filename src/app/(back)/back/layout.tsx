import { getTranslations } from 'next-intl/server'
import { AppShell } from '@/components/app-shell'
import type { SubNavItem } from '@/components/sub-nav'
import { OpenDrawersProvider } from '@/components/drawer-choice'
import { BILLING_READERS, can, CASH_HANDLERS, mayCall } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'
import { listOpenDrawers } from '@/server/cash/list-open-drawers'

export default async function BackLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireArea('back')
  const t = await getTranslations('back.nav')
  // Sections follow the person's skills; each page and use case checks again on its own.
  const sections: SubNavItem[] = [{ href: '/back', label: t('queue') }]
  if (can(actor, 'INVOICE')) sections.push({ href: '/back/billing', label: t('billing') })
  if (mayCall(actor, BILLING_READERS)) sections.push({ href: '/back/receivables', label: t('receivables') })
  if (can(actor, 'RECORD_PAYMENT')) sections.push({ href: '/back/transfers', label: t('transfers') })
  // Cash taken or paid back here goes into an open drawer (docs/decisions/017-cash-drawer.md).
  const drawers = mayCall(actor, CASH_HANDLERS) ? await listOpenDrawers(actor) : null
  return (
    <AppShell actor={actor} area="back" sections={sections}>
      <OpenDrawersProvider drawers={drawers}>{children}</OpenDrawersProvider>
    </AppShell>
  )
}
