import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { NewOrderLink } from '@/components/front/new-order-link'
import { MoneyCell } from '@/components/money'
import { StatusBadge } from '@/components/status-badge'
import { can } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'
import { listTodaysOrders } from '@/server/orders/list-todays-orders'
import { getWhoIsHere } from '@/server/coverage/get-who-is-here'
import { WhoIsHere } from '@/components/who-is-here'
import { getSettings } from '@/server/settings/get-settings'
import { ListTable } from '@/components/ui/table'

export default async function FrontHome() {
  const actor = await requireArea('front')
  const [orders, here, settings, t, common, format] = await Promise.all([
    listTodaysOrders(actor),
    getWhoIsHere(actor),
    getSettings(),
    getTranslations('front.today'),
    getTranslations('common'),
    getFormatter(),
  ])
  return (
    <section aria-labelledby="today-title">
      <WhoIsHere data={here} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="today-title" className="text-2xl font-bold">
            {t('title')}
          </h1>
          <p className="text-sm text-slate-600">{t('count', { count: orders.length })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/front/desk" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
            {t('desk')}
          </Link>
          {can(actor, 'TAKE_ORDER') && (
            <NewOrderLink
              label={t('newOrder')}
              testId="new-order"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            />
          )}
        </div>
      </div>
      {orders.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-slate-600">{t('empty')}</p>
      ) : (
        <ListTable
          columns={[
            { label: t('number') },
            { label: t('customer') },
            { label: t('status') },
            { label: t('due') },
            { label: t('total'), className: 'px-3 py-2 text-right' },
            { label: t('takenBy') },
          ]}
        >
          {orders.map((o) => (
            <tr key={o.id} className="border-t border-slate-100 hover:bg-slate-50">
              <td className="px-3 py-2 font-mono">
                <Link href={`/front/orders/${o.id}`} className="font-semibold text-brand-700 hover:underline">
                  {o.number}
                </Link>
              </td>
              <td className="px-3 py-2">{o.customerName}</td>
              <td className="px-3 py-2">
                <StatusBadge status={o.status} />
              </td>
              <td className="px-3 py-2">{format.dateTime(new Date(o.dueAt), { dateStyle: 'short', timeStyle: 'short' })}</td>
              <MoneyCell amount={o.total} currency={settings.currency} className="px-3 py-2 text-right" />
              <td className="px-3 py-2">
                {o.takenBy}
                {o.takenCovering && (
                  <span className="ml-1 rounded bg-violet-100 px-1.5 text-xs text-violet-800">{common('crossRole')}</span>
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  )
}
