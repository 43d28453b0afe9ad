import type { ReactNode } from 'react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Money } from '@/components/money'
import { cardClass } from '@/components/ui/styles'
import type { KpisDTO } from '@/server/kpis/get-kpis'

/** The orders behind the figures: overdue now, and finished ones waiting longest for collection. */
export async function KpiLists({ k, now }: { k: KpisDTO; now: Date }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.kpis'), getTranslations('common'), getFormatter()])
  return (
    <section aria-labelledby="lists-title" className={cardClass}>
      <h2 id="lists-title" className="text-lg font-semibold">
        {t('listsTitle')}
      </h2>
      <OrderList
        title={t('overdueListTitle', { count: k.late.overdueNowCount })}
        first
        empty={t('overdueListEmpty')}
        tone="text-red-800"
        rows={k.late.overdueNow.map((o) => ({
          ...o,
          detail: (
            <>
              {t('dueAgo', { ago: format.relativeTime(new Date(o.dueAt), now) })} · {common(`fulfillment.${o.fulfillment}`)}
              {o.assignee ? ` · ${o.assignee}` : ''}
            </>
          ),
        }))}
      />
      <OrderList
        title={t('waitingListTitle')}
        empty={t('waitingNone')}
        tone="text-slate-700"
        rows={k.waiting.oldest.map((o) => ({
          ...o,
          detail: (
            <>
              {t('readyAgo', { ago: format.relativeTime(new Date(o.readyAt), now) })} · <Money amount={o.total} currency={k.currency} />
            </>
          ),
        }))}
      />
    </section>
  )
}

function OrderList({
  title,
  first = false,
  empty,
  tone,
  rows,
}: {
  title: string
  first?: boolean
  empty: string
  tone: string
  rows: Array<{ id: string; number: string; customerName: string; detail: ReactNode }>
}) {
  return (
    <>
      <h3 className={`${first ? 'mt-3' : 'mt-4'} text-sm font-semibold`}>{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm">
          {rows.map((o) => (
            <li key={o.id} className="flex flex-wrap justify-between gap-2 py-1.5">
              <span>
                <span className="font-mono font-semibold">{o.number}</span> · {o.customerName}
              </span>
              <span className={tone}>{o.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
