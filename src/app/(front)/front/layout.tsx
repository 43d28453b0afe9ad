import { getTranslations } from 'next-intl/server'
import { AppShell } from '@/components/app-shell'
import { NewOrderKey } from '@/components/front/intake/new-order-key'
import { can, CASH_HANDLERS, mayCall } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'

export default async function FrontLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireArea('front')
  const t = await getTranslations('front.nav')
  // Sections follow skills: someone covering only pickups does not see the intake, and the other way round.
  const sections = [
    { href: '/front', label: t('today') },
    ...(can(actor, 'TAKE_ORDER') ? [{ href: '/front/orders/new', label: t('newOrder') }] : []),
    { href: '/front/desk', label: t('desk') },
    { href: '/front/ready', label: t('ready') },
    ...(mayCall(actor, CASH_HANDLERS) ? [{ href: '/front/drawer', label: t('drawer') }] : []),
  ]
  return (
    <AppShell actor={actor} area="front" sections={sections}>
      {can(actor, 'TAKE_ORDER') && <NewOrderKey />}
      {children}
    </AppShell>
  )
}
