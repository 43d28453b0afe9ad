import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Money } from '@/components/money'
import { panelClass } from '@/components/ui/styles'
import type { RecentDocumentDTO } from '@/server/billing/list-recent-documents'

/** The billing desk's latest invoices and credit notes, or the ones whose number matches the search. */
export async function BillingDocuments({
  recent,
  q,
  currency,
}: {
  recent: { invoices: RecentDocumentDTO[]; creditNotes: RecentDocumentDTO[] }
  q: string
  currency: string
}) {
  const t = await getTranslations('back.billing')
  return (
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
        <DocumentList items={recent.invoices} kind="invoices" title={t('recentInvoices')} q={q} currency={currency} />
        <DocumentList items={recent.creditNotes} kind="credit-notes" title={t('recentCreditNotes')} q={q} currency={currency} />
      </div>
    </section>
  )
}

async function DocumentList({
  items,
  kind,
  title,
  q,
  currency,
}: {
  items: RecentDocumentDTO[]
  kind: 'invoices' | 'credit-notes'
  title: string
  q: string
  currency: string
}) {
  const [t, format] = await Promise.all([getTranslations('back.billing'), getFormatter()])
  return (
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
              <Money amount={d.total} currency={currency} className="font-medium" />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
