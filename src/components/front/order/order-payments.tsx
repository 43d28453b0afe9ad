import { getFormatter, getTranslations } from 'next-intl/server'
import { Money } from '@/components/money'
import type { OrderDetailDTO } from '@/server/orders/get-order'
import { panelClass } from '@/components/ui/styles'

/** The money received and given back on the order, newest last. */
export async function OrderPayments({ order }: { order: OrderDetailDTO }) {
  if (order.payments.length === 0) return null
  const [t, common, format] = await Promise.all([getTranslations('front.order'), getTranslations('common'), getFormatter()])
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section aria-labelledby="payments-title" className={panelClass}>
      <h2 id="payments-title" className="mb-2 font-semibold">
        {t('payments')}
      </h2>
      <ul className="space-y-1 text-sm">
        {order.payments.map((p) => (
          <li key={p.id} className="flex justify-between gap-3">
            <span>
              {t(`paymentKind.${p.kind}`)} · {common(`paymentMethod.${p.method}`)}
              <span className="block text-xs text-slate-500">
                {dateTime(p.receivedAt)} · {p.receivedBy}
              </span>
            </span>
            <Money amount={p.amount} currency={order.currency} className="font-medium" />
          </li>
        ))}
      </ul>
    </section>
  )
}
