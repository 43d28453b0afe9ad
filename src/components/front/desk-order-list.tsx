import Link from 'next/link'
import { useFormatter, useTranslations } from 'next-intl'
import { Money } from '@/components/money'
import { StatusBadge } from '@/components/status-badge'
import type { ReadyOrderRowDTO } from '@/server/orders/list-ready-orders'
import type { DeskOrderRowDTO } from '@/server/orders/search-orders'

/** "45 min", "3 h 20 min", "2 days 3 h": how long something has waited, in the reader's language. */
export function Waited({ minutes }: { minutes: number }) {
  const t = useTranslations('front.waited')
  if (minutes < 60) return <>{t('minutes', { m: minutes })}</>
  if (minutes < 24 * 60) return <>{t('hours', { h: Math.floor(minutes / 60), m: minutes % 60 })}</>
  return <>{t('days', { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60) })}</>
}

function isReady(row: DeskOrderRowDTO | ReadyOrderRowDTO): row is ReadyOrderRowDTO {
  return 'waitingMinutes' in row
}

/**
 * Orders as the desk lists them: number, customer, status in words, due date, what is left to pay. Each row is one
 * link (arrow keys move between them inside an ArrowNav).
 */
export function DeskOrderList({
  rows,
  currency,
  testId,
}: {
  rows: Array<DeskOrderRowDTO | ReadyOrderRowDTO>
  currency: string
  testId?: string
}) {
  const t = useTranslations('front.desk')
  const common = useTranslations('common')
  const format = useFormatter()
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg bg-white ring-1 ring-slate-200" data-testid={testId}>
      {rows.map((o) => (
        <li key={o.id}>
          <Link
            href={`/front/orders/${o.id}`}
            data-nav-item
            className="block px-4 py-3 hover:bg-slate-50 focus:bg-brand-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500"
          >
            <span className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <span className="flex items-center gap-2">
                <span className="font-mono font-semibold">{o.number}</span>
                <StatusBadge status={o.status} />
              </span>
              {o.leftToPay > 0 ? (
                <span className="text-sm">
                  <span className="text-slate-600">{t('leftToPay')} </span>
                  <Money amount={o.leftToPay} currency={currency} className="font-semibold" />
                </span>
              ) : (
                <span className="text-sm font-medium text-emerald-700">{o.leftToPay < 0 ? t('owedBack') : t('paidUp')}</span>
              )}
            </span>
            <span className="mt-0.5 block truncate">
              <span className="font-medium text-slate-900">{o.customerName}</span>
              {o.customerPhone && <span className="ml-2 text-sm text-slate-600">{o.customerPhone}</span>}
            </span>
            <span className="mt-0.5 flex flex-wrap justify-between gap-x-3 text-sm text-slate-600">
              <span>
                {isReady(o) ? (
                  <>
                    {t('waiting')} <Waited minutes={o.waitingMinutes} /> · {common(`mode.${o.mode}`)}
                  </>
                ) : o.handedOverAt ? (
                  t('handedOver', { at: format.dateTime(new Date(o.handedOverAt), { dateStyle: 'short', timeStyle: 'short' }) })
                ) : (
                  <>
                    {t('due', { at: format.dateTime(new Date(o.dueAt), { dateStyle: 'short', timeStyle: 'short' }) })}
                    {o.overdue && <span className="ml-1 font-medium text-red-700">({t('overdue')})</span>}
                  </>
                )}
              </span>
              <span className="text-slate-500">
                <span className="sr-only">{t('total')} </span>
                <Money amount={o.total} currency={currency} />
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
