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
  DocumentScreen,
  DocumentSheet,
  DocumentTotals,
  ToolbarLink,
} from '@/components/back/document'
import { Money } from '@/components/money'
import { requireArea } from '@/server/auth/guard'
import { getCreditNote } from '@/server/billing/get-credit-note'
import { orNotFound, pageId } from '../../load'
import { documentMetadata } from '../../document-metadata'
import { xmlExportOffered } from '@/server/einvoice/export-einvoice-xml'
import { XmlDownloadLink } from '@/components/back/xml-download-link'

export const generateMetadata = documentMetadata(getCreditNote)

export default async function CreditNotePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea('back')
  const id = pageId((await params).id)
  const note = await orNotFound(getCreditNote(actor, id))
  const [t, common, format, xml] = await Promise.all([
    getTranslations('back.document'),
    getTranslations('common'),
    getFormatter(),
    xmlExportOffered(actor, { currency: note.currency }),
  ])
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' })
  const canRefund = mayCall(actor, recordRefundUseCase.tasks)
  return (
    <DocumentScreen
      toolbar={
        <>
          <ToolbarLink href={`/back/invoices/${note.invoice.id}`}>← {t('backToInvoice', { number: note.invoice.number })}</ToolbarLink>
          <ToolbarLink href={`/back/orders/${note.order.id}`}>{t('toOrder', { number: note.order.number })}</ToolbarLink>
          {xml && <XmlDownloadLink href={`/api/back/credit-notes/${note.id}/xml`} />}
        </>
      }
    >
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
    </DocumentScreen>
  )
}
