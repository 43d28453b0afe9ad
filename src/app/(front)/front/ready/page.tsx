import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { DeskOrderList } from '@/components/front/desk-order-list'
import { ArrowNav } from '@/components/front/desk-search'
import { requireArea } from '@/server/auth/guard'
import { listReadyOrders } from '@/server/orders/list-ready-orders'
import { getSettings } from '@/server/settings/get-settings'
import { ReadyLive } from './ready-live'
import { TitleRow } from '@/components/ui/title-row'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('front.ready')
  return { title: t('title') }
}

/**
 * What a customer can collect now, longest wait first; below it, apart, finished deliveries (they go out, not over the
 * counter) and finished orders on hold (not to be handed over until released). Live: an order finished meanwhile
 * appears.
 */
export default async function ReadyPage() {
  const actor = await requireArea('front')
  const [ready, settings, t] = await Promise.all([listReadyOrders(actor), getSettings(), getTranslations('front.ready')])
  const others = [
    { key: 'deliveries', group: ready.deliveries, title: t('deliveriesTitle'), hint: t('deliveriesHint') },
    { key: 'on-hold', group: ready.onHold, title: t('onHoldTitle'), hint: t('onHoldHint') },
  ].filter((o) => o.group.total > 0)
  return (
    <div className="space-y-8">
      <section aria-labelledby="ready-title" className="space-y-3">
        <TitleRow id="ready-title" title={t('title')}>
          <ReadyLive />
        </TitleRow>
        <p className="text-sm text-slate-600">{t('count', { count: ready.total })}</p>
        {ready.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <ArrowNav id="ready-list">
            <DeskOrderList rows={ready.rows} currency={settings.currency} testId="ready-list" />
          </ArrowNav>
        )}
        {ready.total > ready.rows.length && (
          <p className="text-sm text-slate-600">{t('more', { count: ready.total - ready.rows.length })}</p>
        )}
      </section>
      {others.map((o) => (
        <section key={o.key} aria-labelledby={`ready-${o.key}-title`} className="space-y-3">
          <div>
            <h2 id={`ready-${o.key}-title`} className="text-lg font-semibold">
              {o.title} <span className="font-normal text-slate-600">({o.group.total})</span>
            </h2>
            <p className="text-sm text-slate-600">{o.hint}</p>
          </div>
          <ArrowNav id={`ready-${o.key}`}>
            <DeskOrderList rows={o.group.rows} currency={settings.currency} testId={`ready-${o.key}-list`} />
          </ArrowNav>
          {o.group.total > o.group.rows.length && (
            <p className="text-sm text-slate-600">{t('more', { count: o.group.total - o.group.rows.length })}</p>
          )}
        </section>
      ))}
    </div>
  )
}
