import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { DeskOrderList } from '@/components/front/desk-order-list'
import { ArrowNav, AutoRefresh, DeskSearch } from '@/components/front/desk-search'
import { can } from '@/domain/permissions'
import { orderSearchSchema } from '@/lib/schemas/order'
import { requireArea } from '@/server/auth/guard'
import { listReadyOrders } from '@/server/orders/list-ready-orders'
import { searchOrders } from '@/server/orders/search-orders'
import { getSettings } from '@/server/settings/get-settings'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('front.desk')
  return { title: t('title') }
}

const READY_PREVIEW = 8

/** The desk: "is my order ready?" answered from one search box, and what is waiting to be collected. */
export default async function DeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireArea('front')
  const params = await searchParams
  const parsed = orderSearchSchema.safeParse({ q: typeof params.q === 'string' ? params.q : '' })
  const q = parsed.success ? parsed.data.q.trim() : ''
  const [settings, t, results, ready] = await Promise.all([
    getSettings(),
    getTranslations('front.desk'),
    q ? searchOrders(actor, { q }) : Promise.resolve(null),
    listReadyOrders(actor),
  ])
  return (
    <div className="space-y-6">
      <AutoRefresh />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {can(actor, 'TAKE_ORDER') && (
          <Link href="/front/orders/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            {t('newOrder')}
          </Link>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <section aria-labelledby="desk-results-title" className="min-w-0 space-y-3">
          <h2 id="desk-results-title" className="sr-only">
            {t('resultsTitle')}
          </h2>
          <DeskSearch initial={q} resultsId="desk-results" />
          {!parsed.success && <p className="text-sm text-red-700">{t('tooLong')}</p>}
          <ArrowNav id="desk-results">
            {results === null ? (
              <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">{t('intro')}</p>
            ) : results.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600" role="status">
                {t('noResults', { q })}
              </p>
            ) : (
              <>
                <p className="mb-2 text-sm text-slate-600" role="status">
                  {t('resultCount', { count: results.length })}
                </p>
                <DeskOrderList rows={results} currency={settings.currency} testId="desk-results-list" />
              </>
            )}
          </ArrowNav>
        </section>
        <section aria-labelledby="desk-ready-title" className="space-y-3">
          <div className="flex items-baseline justify-between">
            <h2 id="desk-ready-title" className="text-lg font-semibold">
              {t('readyTitle', { count: ready.total })}
            </h2>
            {ready.total > 0 && (
              <Link href="/front/ready" className="text-sm font-medium text-brand-700 hover:underline">
                {t('seeAll')}
              </Link>
            )}
          </div>
          {ready.rows.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
              {t('readyEmpty')}
            </p>
          ) : (
            <ArrowNav id="desk-ready">
              <DeskOrderList rows={ready.rows.slice(0, READY_PREVIEW)} currency={settings.currency} testId="desk-ready-list" />
            </ArrowNav>
          )}
        </section>
      </div>
    </div>
  )
}
