import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { DeskOrderList } from '@/components/front/desk-order-list'
import { ArrowNav } from '@/components/front/desk-search'
import { requireArea } from '@/server/auth/guard'
import { listReadyOrders } from '@/server/orders/list-ready-orders'
import { getSettings } from '@/server/settings/get-settings'
import { ReadyLive } from './ready-live'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('front.ready')
  return { title: t('title') }
}

/** Everything finished and waiting for its customer, longest wait first; live (an order finished meanwhile appears). */
export default async function ReadyPage() {
  const actor = await requireArea('front')
  const [ready, settings, t] = await Promise.all([listReadyOrders(actor), getSettings(), getTranslations('front.ready')])
  return (
    <section aria-labelledby="ready-title" className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 id="ready-title" className="text-2xl font-bold">
          {t('title')}
        </h1>
        <ReadyLive />
      </div>
      <p className="text-sm text-slate-600">{t('count', { count: ready.total })}</p>
      {ready.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ArrowNav id="ready-list">
          <DeskOrderList rows={ready.rows} currency={settings.currency} testId="ready-list" />
        </ArrowNav>
      )}
      {ready.total > ready.rows.length && <p className="text-sm text-slate-600">{t('more', { count: ready.total - ready.rows.length })}</p>}
    </section>
  )
}
