import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { IssueInvoiceButton } from '@/components/back/billing/issue-invoice'
import { Money, MoneyCell } from '@/components/money'
import { ListTable, listHeadClass } from '@/components/ui/table'
import type { ToInvoiceRowDTO } from '@/server/billing/list-to-invoice'

/** The billing desk's worklist: open orders with fulfilled quantities not invoiced yet, each with its invoice button. */
export async function ToInvoiceTable({ toInvoice }: { toInvoice: { rows: ToInvoiceRowDTO[]; currency: string; truncated: boolean } }) {
  const [t, format] = await Promise.all([getTranslations('back.billing'), getFormatter()])
  const now = new Date()
  const currency = toInvoice.currency
  return (
    <ListTable
      className="w-full text-left text-sm"
      headClass={listHeadClass}
      testId="to-invoice"
      bodies
      footer={toInvoice.truncated && <p className="px-3 py-2 text-xs text-slate-600">{t('truncated')}</p>}
      columns={[
        { label: t('col.order') },
        { label: t('col.customer') },
        { label: t('col.state') },
        { label: t('col.value'), className: 'px-3 py-2 text-right' },
        { label: t('col.held'), className: 'px-3 py-2 text-right' },
        { label: t('col.action'), srOnly: true },
      ]}
    >
      <tbody className="divide-y divide-slate-200">
        {toInvoice.rows.map((r) => (
          <tr key={r.orderId} data-testid="to-invoice-row" data-order={r.number}>
            <td className="px-3 py-2 align-top">
              <Link
                href={`/back/orders/${r.orderId}`}
                className="font-mono font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                {r.number}
              </Link>
              <span className="block text-xs text-slate-600">{t('due', { when: format.relativeTime(new Date(r.dueAt), now) })}</span>
            </td>
            <td className="px-3 py-2 align-top">{r.customerName}</td>
            <td className="px-3 py-2 align-top text-slate-700">
              {r.fulfillment === 'FULFILLED' ? t('allDone') : t('partlyDone', { count: r.lines })}
              {r.handedOver && <span className="block text-xs">{t('handedOver')}</span>}
            </td>
            <MoneyCell amount={r.value} currency={currency} className="px-3 py-2 text-right align-top font-medium" />
            <td className="px-3 py-2 text-right align-top text-slate-700">
              {r.held > 0 ? <Money amount={r.held} currency={currency} /> : '—'}
            </td>
            <td className="px-3 py-2 align-top">
              <IssueInvoiceButton
                orderId={r.orderId}
                version={r.version}
                value={r.value}
                currency={currency}
                customer={r.customerName}
                orderNumber={r.number}
                compact
                goneWhenIssued
              />
            </td>
          </tr>
        ))}
      </tbody>
    </ListTable>
  )
}
