import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { DrawerBoard } from '@/components/cash/drawer-board'
import { mayCall } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'
import { listDrawers, listDrawersUseCase } from '@/server/cash/list-drawers'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cash')
  return { title: t('title') }
}

/** Where the pickup screen sends a cashier to open a drawer: only back to an order of the counter. */
const NEXT = /^\/front\/orders\/[0-9a-f-]{36}$/i

/** The counter's cash drawers: open one with its float, cash in/out, count and close (docs/decisions/017-cash-drawer.md). */
export default async function DrawerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireArea('front')
  if (!mayCall(actor, listDrawersUseCase.tasks)) forbidden()
  const query = await searchParams
  const next = typeof query.next === 'string' && NEXT.test(query.next) ? query.next : null
  const [data, t] = await Promise.all([listDrawers(actor), getTranslations('cash')])
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      {next && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          {t('nextHint')}{' '}
          <Link href={next} className="font-semibold underline underline-offset-2">
            {t('backToOrder')}
          </Link>
        </p>
      )}
      {data.drawers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">{t('none')}</p>
      ) : (
        <DrawerBoard data={data} next={next} />
      )}
    </div>
  )
}
