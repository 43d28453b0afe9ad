import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { mayCall } from '@/domain/permissions'
import { recordRefundUseCase } from '@/server/billing/record-refund'
import { RefundForm } from '@/components/back/billing/money-back-form'
import {
  BuyerBlock,
  DocumentFooter,
  DocumentHeader,
  DocumentList,
  DocumentLines,
  DocumentSheet,
  DocumentTotals,
  PrintStyles,
} from '@/components/back/document'
import { PrintButton } from '@/components/back/print-button'
import { Money } from '@/components/money'
import { currentActor } from '@/server/auth/actor'
import { requireArea } from '@/server/auth/guard'
import { getCreditNote } from '@/server/billing/get-credit-note'
import { orNotFound, pageId } from '../../load'

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor()
  const note = actor ? await getCreditNote(actor, (await params).id).catch(() => null) : null
  return note ? { title: `${note.number} — ${note.buyer.name}` } : {}
}

export default async function CreditNotePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea('back')
  const id = pageId((await params).id)
  const note = await orNotFound(getCreditNote(actor, id))
  const [t, common, format] = await Promise.all([getTranslations('back.document'), getTranslations('common'), getFormatter()])
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' })
  const canRefund = mayCall(actor, recordRefundUseCase.tasks)
  return (
    <div className="space-y-4">
      <PrintStyles />
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link href={`/back/invoices/${note.invoice.id}`} className="text-sm text-brand-700 underline-offset-2 hover:underline">
          ← {t('backToInvoice', { number: note.invoice.number })}
        </Link>
        <Link href={`/back/orders/${note.order.id}`} className="text-sm text-brand-700 underline-offset-2 hover:underline">
          {t('toOrder', { number: note.order.number })}
        </Link>
        <div className="ml-auto">
          <PrintButton />
        </div>
      </div>
      <DocumentSheet testId="credit-note-document">
        <DocumentHeader
          seller={note.seller}
          title={t('creditNote')}
          number={note.number}
          facts={[
            { label: t('issuedOn'), value: date(note.issuedAt) },
            { label: t('forInvoice'), value: <span className="font-mono">{note.invoice.number}</span> },
            { label: t('order'), value: <span className="font-mono">{note.order.number}</span> },
          ]}
        />
        <BuyerBlock buyer={note.buyer} label={t('customer')} />
        <p className="mt-4">
          <span className="font-semibold">{t('reason')}</span> {note.reason}
          {note.reinvoice && <span className="ml-2 text-slate-600">({t('reinvoiced')})</span>}
        </p>
        <DocumentLines lines={note.lines} currency={note.currency} />
        <DocumentTotals
          byRate={note.byRate}
          subtotal={note.subtotal}
          taxTotal={note.taxTotal}
          total={note.total}
          currency={note.currency}
          totalLabel={t('totalCredited')}
          extra={note.refunded > 0 ? [{ label: t('refunded'), amount: note.refunded, strong: true, testId: 'document-refunded' }] : []}
        />
        {note.refunds.length > 0 && (
          <DocumentList title={t('refunds')} first>
            {note.refunds.map((r) => (
              <li key={r.id} className="flex flex-wrap gap-x-3">
                <span>{date(r.receivedAt)}</span>
                <span>{common(`paymentMethod.${r.method}`)}</span>
                <Money amount={r.amount} currency={note.currency} className="font-medium" />
                {r.reference && <span className="text-slate-600">{r.reference}</span>}
                <span className="text-slate-600">{r.by}</span>
              </li>
            ))}
          </DocumentList>
        )}
        <DocumentFooter>
          <p>{t('issuedBy', { name: note.issuedBy })}</p>
        </DocumentFooter>
      </DocumentSheet>
      {canRefund && (
        <section aria-labelledby="refund-title" className="no-print mx-auto max-w-[210mm] rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <h2 id="refund-title" className="mb-1 text-lg font-semibold">
            {t('refundTitle')}
          </h2>
          {note.refundable > 0 && (
            <p className="mb-3 text-sm text-slate-600">
              {t('refundHint')} <Money amount={note.refundable} currency={note.currency} className="font-semibold" />
            </p>
          )}
          <RefundForm creditNoteId={note.id} refundable={note.refundable} currency={note.currency} />
        </section>
      )}
    </div>
  )
}
