import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { IssuedInvoices, IssueInvoiceButton } from '@/components/back/billing/issue-invoice'
import { LiveUpdates } from '@/components/ui/live-updates'
import { Money } from '@/components/money'
import { requirePageTask } from '@/server/auth/guard'
import { listRecentDocuments, type RecentDocumentDTO } from '@/server/billing/list-recent-documents'
import { listToInvoice } from '@/server/billing/list-to-invoice'
import { firstValues } from '../search-params'
import { panelClass } from '@/components/ui/styles'

export default async function BillingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageTask('INVOICE')
  const q = (firstValues(await searchParams).q ?? '').trim().slice(0, 40)
  const [toInvoice, recent, t, format] = await Promise.all([
    listToInvoice(actor),
    listRecentDocuments(actor, q || undefined),
    getTranslations('back.billing'),
    getFormatter(),
  ])
  const now = new Date()
  const docs = (items: RecentDocumentDTO[], kind: 'invoices' | 'credit-notes', title: string) => (
    <section aria-label={title} className={panelClass}>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{q ? t('noMatch') : t('noneYet')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {items.map((d) => (
            <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 py-1.5">
              <Link href={`/back/${kind}/${d.id}`} className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline">
                {d.number}
              </Link>
              <span className="min-w-0 flex-1 truncate">{d.customerName}</span>
              <span className="text-slate-600">{format.dateTime(new Date(d.issuedAt), { dateStyle: 'short' })}</span>
              <Money amount={d.total} currency={toInvoice.currency} className="font-medium" />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
  return (
    <div className="space-y-6">
      <section aria-labelledby="to-invoice-title" className="space-y-3">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1 id="to-invoice-title" className="text-2xl font-bold">
            {t('title')}
          </h1>
          <LiveUpdates mode="refresh" />
          {toInvoice.rows.length > 0 && (
            <p className="text-sm text-slate-700">
              {t('summary', { count: toInvoice.rows.length })} ·{' '}
              <Money amount={toInvoice.total} currency={toInvoice.currency} className="font-semibold" />
            </p>
          )}
        </div>
        <IssuedInvoices currency={toInvoice.currency} />
        {toInvoice.rows.length === 0 ? (
          <div className="rounded-lg bg-white p-8 text-center ring-1 ring-slate-200" data-testid="to-invoice-empty">
            <p className="text-lg font-medium">{t('empty')}</p>
            <p className="mt-1 text-sm text-slate-600">{t('emptyHint')}</p>
          </div>
        ) : (
          <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
            <table className="w-full text-left text-sm" data-testid="to-invoice">
              <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('col.order')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('col.customer')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('col.state')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('col.value')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('col.held')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t('col.action')}</span>
                  </th>
                </tr>
              </thead>
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
                      <span className="block text-xs text-slate-600">
                        {t('due', { when: format.relativeTime(new Date(r.dueAt), now) })}
                      </span>
                    </td>
                    <td className="px-3 py-2 align-top">{r.customerName}</td>
                    <td className="px-3 py-2 align-top text-slate-700">
                      {r.fulfillment === 'FULFILLED' ? t('allDone') : t('partlyDone', { count: r.lines })}
                      {r.handedOver && <span className="block text-xs">{t('handedOver')}</span>}
                    </td>
                    <td className="px-3 py-2 text-right align-top font-medium">
                      <Money amount={r.value} currency={toInvoice.currency} />
                    </td>
                    <td className="px-3 py-2 text-right align-top text-slate-700">
                      {r.held > 0 ? <Money amount={r.held} currency={toInvoice.currency} /> : '—'}
                    </td>
                    <td className="px-3 py-2 align-top">
                      <IssueInvoiceButton
                        orderId={r.orderId}
                        version={r.version}
                        value={r.value}
                        currency={toInvoice.currency}
                        customer={r.customerName}
                        orderNumber={r.number}
                        compact
                        goneWhenIssued
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {toInvoice.truncated && <p className="px-3 py-2 text-xs text-slate-600">{t('truncated')}</p>}
          </div>
        )}
      </section>

      <section aria-labelledby="documents-title" className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="documents-title" className="text-xl font-bold">
            {t('documents')}
          </h2>
          <form method="get" action="/back/billing" role="search" className="ml-auto flex gap-2">
            <label className="sr-only" htmlFor="doc-q">
              {t('searchLabel')}
            </label>
            <input
              id="doc-q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder={t('searchPlaceholder')}
              maxLength={40}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            />
            <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50">
              {t('search')}
            </button>
          </form>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          {docs(recent.invoices, 'invoices', t('recentInvoices'))}
          {docs(recent.creditNotes, 'credit-notes', t('recentCreditNotes'))}
        </div>
      </section>
    </div>
  )
}
