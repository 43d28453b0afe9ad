import { getFormatter, getTranslations } from 'next-intl/server'
import { Money } from '@/components/money'
import { StatusBadge } from '@/components/status-badge'
import { requireArea } from '@/server/auth/guard'
import { listTodaysOrders } from '@/server/orders/list-todays-orders'
import { getSettings } from '@/server/settings/get-settings'

export default async function FrontHome() {
  const actor = await requireArea('front')
  const [orders, settings, t, common, format] = await Promise.all([
    listTodaysOrders(actor),
    getSettings(),
    getTranslations('front.today'),
    getTranslations('common'),
    getFormatter(),
  ])
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title" className="text-2xl font-bold">
        {t('title')}
      </h1>
      <p className="mb-4 text-sm text-slate-600">{t('count', { count: orders.length })}</p>
      {orders.length === 0 ? (
        <p className="text-slate-600">{common('empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">{t('number')}</th>
                <th className="px-3 py-2">{t('customer')}</th>
                <th className="px-3 py-2">{t('status')}</th>
                <th className="px-3 py-2">{t('due')}</th>
                <th className="px-3 py-2 text-right">{t('total')}</th>
                <th className="px-3 py-2">{t('takenBy')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-t border-slate-100">
                  <td className="px-3 py-2 font-mono">{o.number}</td>
                  <td className="px-3 py-2">{o.customerName}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={o.status} />
                  </td>
                  <td className="px-3 py-2">{format.dateTime(new Date(o.dueAt), { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td className="px-3 py-2 text-right">
                    <Money amount={o.total} currency={settings.currency} />
                  </td>
                  <td className="px-3 py-2">
                    {o.takenBy}
                    {o.takenCovering && <span className="ml-1 rounded bg-violet-100 px-1.5 text-xs text-violet-800">{common('crossRole')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
