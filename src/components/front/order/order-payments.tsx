import { orderWords } from './order-facts'
import { Money } from '@/components/money'
import type { OrderDetailDTO } from '@/server/orders/get-order'
import { panelClass } from '@/components/ui/styles'
import { HeadedSection } from '@/components/ui/section'

/** The money received and given back on the order, newest last. */
export async function OrderPayments({ order }: { order: OrderDetailDTO }) {
  if (order.payments.length === 0) return null
  const { t, common, dateTime } = await orderWords()
  return (
    <HeadedSection id="payments-title" title={t('payments')} headingClass="mb-2 font-semibold" className={panelClass}>
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
    </HeadedSection>
  )
}
