import { getTranslations } from 'next-intl/server'
import { Money, MoneyCell } from '@/components/money'
import type { OrderDetailDTO } from '@/server/orders/get-order'
import { ListTable } from '@/components/ui/table'
import { SummaryList } from '@/components/ui/figures'
import { HeadedSection } from '@/components/ui/section'

/** What was ordered, how much of it is done, and the order's totals. */
export async function OrderLines({ order }: { order: OrderDetailDTO }) {
  const t = await getTranslations('front.order')
  const money = (amount: number) => <Money amount={amount} currency={order.currency} />
  return (
    <HeadedSection
      id="lines-title"
      title={t('lines')}
      headingClass="px-4 pt-3 text-lg font-semibold"
      className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200"
    >
      <ListTable
        card={false}
        className="mt-2 w-full text-sm"
        columns={[
          { label: t('item') },
          { label: t('quantity'), className: 'px-3 py-2 text-right' },
          { label: t('done'), className: 'px-3 py-2 text-right' },
          { label: t('unitPrice'), className: 'hidden px-3 py-2 text-right sm:table-cell' },
          { label: t('lineTotal'), className: 'px-3 py-2 text-right' },
        ]}
      >
        {order.lines.map((l) => (
          <tr key={l.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              <span className="font-medium">{l.description}</span>
              {l.sku && <span className="ml-2 font-mono text-xs text-slate-500">{l.sku}</span>}
              {l.note && <p className="text-xs text-slate-600">{l.note}</p>}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{l.quantity}</td>
            <td className="px-3 py-2 text-right tabular-nums">
              {l.qtyFulfilled}
              <span className="sr-only"> / {l.quantity}</span>
            </td>
            <MoneyCell amount={l.unitPrice} currency={order.currency} className="hidden px-3 py-2 text-right sm:table-cell" />
            <MoneyCell amount={l.gross} currency={order.currency} className="px-3 py-2 text-right" />
          </tr>
        ))}
      </ListTable>
      <SummaryList
        className="ml-auto max-w-xs space-y-1 border-t border-slate-200 px-4 py-3 text-sm"
        labelClass="text-slate-600"
        rows={[
          { label: t('subtotal'), value: money(order.subtotal) },
          { label: t('tax'), value: money(order.taxTotal) },
          { label: t('total'), value: money(order.total), className: 'font-bold', labelClass: '' },
        ]}
      />
    </HeadedSection>
  )
}
