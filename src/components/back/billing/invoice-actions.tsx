import { getTranslations } from 'next-intl/server'
import { CreditNoteForm } from '@/components/back/billing/credit-note-form'
import { PaymentForm } from '@/components/back/billing/payment-form'
import { Panel } from '@/components/ui/section'
import { DocumentActionPanel } from '@/components/back/document'
import type { InvoiceDocumentDTO } from '@/server/billing/get-invoice'

/** Beside an invoice, what the back office may do with it: take a payment, issue a credit note. */
export async function InvoiceActions({
  invoice,
  invoices,
  maxPayable,
  canPay,
  canCredit,
}: {
  invoice: InvoiceDocumentDTO
  invoices: Array<{ id: string; number: string; open: number }>
  maxPayable: number
  canPay: boolean
  canCredit: boolean
}) {
  const t = await getTranslations('back.document')
  return (
    <div className="no-print mx-auto grid max-w-[210mm] gap-4 md:grid-cols-2">
      {canPay && (
        <Panel id="pay-title" title={t('takePayment')}>
          <PaymentForm
            orderId={invoice.order.id}
            invoices={invoices}
            maxPayable={maxPayable}
            currency={invoice.currency}
            fixedInvoiceId={invoice.id}
          />
        </Panel>
      )}
      {canCredit && (
        <DocumentActionPanel id="credit-title" title={t('creditTitle')} hint={t('creditHint')}>
          <CreditNoteForm invoiceId={invoice.id} orderVersion={invoice.order.version} lines={invoice.lines} currency={invoice.currency} />
        </DocumentActionPanel>
      )}
    </div>
  )
}
