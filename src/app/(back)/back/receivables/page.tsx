import Link from 'next/link'
import { forbidden } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { AGING_BUCKETS } from '@/domain/billing'
import { addDays, businessDay } from '@/domain/opening-hours'
import { BILLING_READERS, mayCall } from '@/domain/permissions'
import { ExportForm } from '@/components/back/export-form'
import { Money, MoneyCell } from '@/components/money'
import { EmptyState, ListTable, listHeadClass } from '@/components/ui/table'
import { Panel } from '@/components/ui/section'
import { requirePageActor } from '@/server/auth/guard'
import { listReceivables, type ReceivablesDTO } from '@/server/receivables/list-receivables'
import { getSettings } from '@/server/settings/get-settings'

const BUCKET_TONE: Record<(typeof AGING_BUCKETS)[number], string> = {
  '0-30': 'text-slate-900',
  '31-60': 'text-amber-800',
  '61-90': 'text-orange-800',
  '90+': 'text-red-800',
}

export default async function ReceivablesPage() {
  const actor = await requirePageActor()
  if (!mayCall(actor, BILLING_READERS)) forbidden()
  const [data, settings, t] = await Promise.all([listReceivables(actor), getSettings(), getTranslations('back.receivables')])
  const today = businessDay(new Date(), settings.timeZone)
  const receivableColumns = [
    { label: t('customer'), className: 'px-3 py-2' },
    ...AGING_BUCKETS.map((b) => ({ label: t(`bucketShort.${b}`) })),
    { label: t('balance') },
  ]
  return (
    <div className="space-y-6">
      <section aria-labelledby="receivables-title" className="space-y-3">
        <h1 id="receivables-title" className="text-2xl font-bold">
          {t('title')}
        </h1>
        <p className="text-sm text-slate-600">{t('basis')}</p>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="aging-summary">
          {AGING_BUCKETS.map((b) => (
            <div key={b} className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
              <dt className="text-sm text-slate-600">{t(`bucket.${b}`)}</dt>
              <dd className={`text-lg font-semibold ${data.aging[b] > 0 ? BUCKET_TONE[b] : 'text-slate-400'}`}>
                <Money amount={data.aging[b]} currency={data.currency} />
              </dd>
            </div>
          ))}
          <div className="col-span-2 rounded-lg bg-slate-900 p-3 text-white md:col-span-1">
            <dt className="text-sm text-slate-300">{t('total')}</dt>
            <dd className="text-lg font-bold" data-testid="aging-total">
              <Money amount={data.aging.total} currency={data.currency} />
            </dd>
          </div>
        </dl>
      </section>

      <ListSection id="customers-title" title={t('byCustomer')}>
        {data.customers.length === 0 ? (
          <EmptyState title={t('empty')} hint={t('emptyHint')} />
        ) : (
          <ListTable
            className="w-full text-left text-sm"
            headClass={listHeadClass}
            cellClassName="px-3 py-2 text-right"
            testId="receivables"
            columns={receivableColumns}
            bodies
          >
            {data.customers.map((c) => (
              <CustomerReceivables key={c.customerId} c={c} currency={data.currency} />
            ))}
          </ListTable>
        )}
      </ListSection>

      {data.owedBack.length > 0 && (
        <ListSection id="owed-title" title={t('owedBack')}>
          <p className="text-sm text-slate-600">{t('owedBackHint')}</p>
          <ul className="divide-y divide-slate-200 rounded-lg bg-white text-sm ring-1 ring-slate-200">
            {data.owedBack.map((o) => (
              <li key={o.invoiceId} className="flex flex-wrap gap-x-3 px-3 py-2">
                <Link href={`/back/invoices/${o.invoiceId}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
                  {o.number}
                </Link>
                <span>{o.customerName}</span>
                <span className="text-slate-600">{o.orderNumber}</span>
                <Money amount={o.amount} currency={data.currency} className="ml-auto font-semibold text-amber-800" />
              </li>
            ))}
          </ul>
        </ListSection>
      )}

      <Panel id="export-title" title={t('exportTitle')}>
        <p className="mb-2 text-sm text-slate-600">{t('exportHint')}</p>
        <ExportForm defaultFrom={`${addDays(today, -29)}`} defaultTo={today} />
      </Panel>
    </div>
  )
}

/** A list of the page under its heading. */
function ListSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  )
}

/** One customer's open money by age, and the invoices that make it up. */
async function CustomerReceivables({ c, currency }: { c: ReceivablesDTO['customers'][number]; currency: string }) {
  const [t, format] = await Promise.all([getTranslations('back.receivables'), getFormatter()])
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'short' })
  return (
    <tbody className="border-t border-slate-200" data-testid="receivable-customer">
      <tr>
        <th scope="row" className="px-3 pt-2 text-left font-semibold">
          {c.name}
          {c.phone && <span className="ml-2 font-normal text-slate-600">{c.phone}</span>}
        </th>
        {AGING_BUCKETS.map((b) => (
          <td key={b} className={`px-3 pt-2 text-right ${c.aging[b] > 0 ? BUCKET_TONE[b] : 'text-slate-400'}`}>
            {c.aging[b] > 0 ? <Money amount={c.aging[b]} currency={currency} /> : '—'}
          </td>
        ))}
        <MoneyCell amount={c.aging.total} currency={currency} className="px-3 pt-2 text-right font-semibold" />
      </tr>
      <tr>
        <td colSpan={6} className="px-3 pb-2">
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
            {c.invoices.map((i) => (
              <li key={i.id}>
                <Link href={`/back/invoices/${i.id}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
                  {i.number}
                </Link>{' '}
                {t('invoiceLine', { issued: date(i.issuedAt), days: i.ageDays })}{' '}
                <Money amount={i.open} currency={currency} className="font-medium" />
                {i.pastDue && <span className="ml-1 font-semibold text-red-800">{t('pastDue', { date: date(i.dueAt) })}</span>}
              </li>
            ))}
          </ul>
        </td>
      </tr>
    </tbody>
  )
}
