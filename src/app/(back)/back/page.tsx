import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageTask } from '@/server/auth/guard'
import { listQueue } from '@/server/fulfillment/list-queue'

export default async function BackQueue() {
  const actor = await requirePageTask('FULFILL')
  const [rows, t, common, format] = await Promise.all([listQueue(actor), getTranslations('back.queue'), getTranslations('common'), getFormatter()])
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title" className="text-2xl font-bold">
        {t('title')}
      </h1>
      <p className="mb-4 text-sm text-slate-600">{t('count', { count: rows.length })}</p>
      <ol className="space-y-2">
        {rows.map((o) => (
          <li key={o.id} className={`rounded-lg bg-white p-3 ring-1 ${o.overdue ? 'ring-red-300' : 'ring-slate-200'}`}>
            <div className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-mono font-semibold">{o.number}</span>
              <span>{o.customerName}</span>
              <span className="text-sm text-slate-600">{common(`fulfillment.${o.fulfillment}`)}</span>
              {o.onHold && <span className="text-sm font-medium text-orange-700">{common('status.ON_HOLD')}</span>}
              <span className={`ml-auto text-sm ${o.overdue ? 'font-semibold text-red-700' : 'text-slate-600'}`}>
                {o.overdue ? t('overdue') : t('due')} {format.dateTime(new Date(o.dueAt), { dateStyle: 'short', timeStyle: 'short' })}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
