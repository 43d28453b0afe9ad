import { getTranslations } from 'next-intl/server'
import { BillingDocuments } from '@/components/back/billing/billing-documents'
import { ToInvoiceTable } from '@/components/back/billing/to-invoice-table'
import { IssuedInvoices } from '@/components/back/billing/issue-invoice'
import { LiveUpdates } from '@/components/ui/live-updates'
import { TitleRow } from '@/components/ui/title-row'
import { EmptyState } from '@/components/ui/table'
import { Money } from '@/components/money'
import { requirePageTask } from '@/server/auth/guard'
import { listRecentDocuments } from '@/server/billing/list-recent-documents'
import { listToInvoice } from '@/server/billing/list-to-invoice'
import { firstValues } from '../search-params'

export default async function BillingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageTask('INVOICE')
  const q = (firstValues(await searchParams).q ?? '').trim().slice(0, 40)
  const [toInvoice, recent, t] = await Promise.all([
    listToInvoice(actor),
    listRecentDocuments(actor, q || undefined),
    getTranslations('back.billing'),
  ])
  return (
    <div className="space-y-6">
      <section aria-labelledby="to-invoice-title" className="space-y-3">
        <TitleRow id="to-invoice-title" title={t('title')}>
          <LiveUpdates mode="refresh" />
          {toInvoice.rows.length > 0 && (
            <p className="text-sm text-slate-700">
              {t('summary', { count: toInvoice.rows.length })} ·{' '}
              <Money amount={toInvoice.total} currency={toInvoice.currency} className="font-semibold" />
            </p>
          )}
        </TitleRow>
        <IssuedInvoices currency={toInvoice.currency} />
        {toInvoice.rows.length === 0 ? (
          <EmptyState title={t('empty')} hint={t('emptyHint')} data-testid="to-invoice-empty" />
        ) : (
          <ToInvoiceTable toInvoice={toInvoice} />
        )}
      </section>
      <BillingDocuments recent={recent} q={q} currency={toInvoice.currency} />
    </div>
  )
}
