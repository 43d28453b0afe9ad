import { getTranslations } from 'next-intl/server'
import { mayCall } from '@/domain/permissions'
import { recordRefundUseCase } from '@/server/billing/record-refund'
import { RefundForm } from '@/components/back/billing/money-back-form'
import { BillingDocument, DocumentActionPanel, DocumentScreen, PaymentList, ToolbarLink } from '@/components/back/document'
import { Money } from '@/components/money'
import { getCreditNote } from '@/server/billing/get-credit-note'
import { loadBackRecord } from '../../load'
import { documentMetadata } from '../../document-metadata'
import { xmlExportOffered } from '@/server/einvoice/export-einvoice-xml'
import { XmlDownloadLink } from '@/components/back/xml-download-link'

export const generateMetadata = documentMetadata(getCreditNote)

export default async function CreditNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, record: note } = await loadBackRecord(params, getCreditNote)
  const [t, xml] = await Promise.all([getTranslations('back.document'), xmlExportOffered(actor, { currency: note.currency })])
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
      <BillingDocument
        kind="creditNote"
        doc={note}
        fact={{ label: t('forInvoice'), value: <span className="font-mono">{note.invoice.number}</span> }}
        intro={
          <p className="mt-4">
            <span className="font-semibold">{t('reason')}</span> {note.reason}
            {note.reinvoice && <span className="ml-2 text-slate-600">({t('reinvoiced')})</span>}
          </p>
        }
        extra={note.refunded > 0 ? [{ label: t('refunded'), amount: note.refunded, strong: true, testId: 'document-refunded' }] : []}
        footer={<p>{t('issuedBy', { name: note.issuedBy })}</p>}
      >
        <PaymentList title={t('refunds')} currency={note.currency} entries={note.refunds} />
      </BillingDocument>
      {canRefund && (
        <div className="no-print mx-auto max-w-[210mm]">
          <DocumentActionPanel
            id="refund-title"
            title={t('refundTitle')}
            hint={
              note.refundable > 0 && (
                <>
                  {t('refundHint')} <Money amount={note.refundable} currency={note.currency} className="font-semibold" />
                </>
              )
            }
          >
            <RefundForm creditNoteId={note.id} refundable={note.refundable} currency={note.currency} />
          </DocumentActionPanel>
        </div>
      )}
    </DocumentScreen>
  )
}
