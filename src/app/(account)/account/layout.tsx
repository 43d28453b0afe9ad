import { AppShell } from '@/components/app-shell'
import { requirePageActor } from '@/server/auth/guard'

// "My account" belongs to no area: every signed-in staff member may reach it, whatever their skills.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor()
  return (
    <AppShell actor={actor} area={null} sections={[]}>
      {children}
    </AppShell>
  )
}
