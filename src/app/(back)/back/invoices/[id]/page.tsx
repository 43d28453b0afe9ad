import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { mayCall } from '@/domain/permissions'
import { issueCreditNoteUseCase } from '@/server/billing/issue-credit-note'
import { recordPaymentUseCase } from '@/server/billing/record-payment'
import { retryEInvoiceUseCase } from '@/server/einvoice/retry-einvoice'
import { EInvoiceRefresh } from '@/components/back/billing/einvoice-refresh'
import { InvoiceActions } from '@/components/back/billing/invoice-actions'
import { BillingDocument, DocumentList, DocumentScreen, EInvoiceBlock, PaymentList, ToolbarLink } from '@/components/back/document'
import { Badge } from '@/components/ui/badge'
import { Money } from '@/components/money'
import { getInvoice } from '@/server/billing/get-invoice'
import { getOrderBilling } from '@/server/billing/get-order-billing'
import { loadBackRecord } from '../../load'
import { documentMetadata } from '../../document-metadata'
import { TransferQr } from '@/components/transfer-qr'
import { invoiceMemo } from '@/domain/bank-transfer'
import { transferQr } from '@/server/billing/transfer-qr'
import { xmlExportOffered } from '@/server/einvoice/export-einvoice-xml'
import { XmlDownloadLink } from '@/components/back/xml-download-link'

export const generateMetadata = documentMetadata(getInvoice)

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, record: invoice } = await loadBackRecord(params, getInvoice)
  const [billing, t, format, transfer, xml] = await Promise.all([
    getOrderBilling(actor, invoice.order.id),
    getTranslations('back.document'),
    getFormatter(),
    // The balance due by VietQR transfer, its memo the invoice number (matched back to this invoice, ADR 016).
    invoice.balance > 0 ? transferQr(invoice.balance, invoiceMemo(invoice.number)) : null,
    xmlExportOffered(actor, { currency: invoice.currency, symbol: invoice.einvoice?.symbol }),
  ])
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' })
  // The payment section stays once the invoice is paid: the form keeps the change to give back on screen until the
  // cashier dismisses it (the refresh after the payment would otherwise remove it within a moment).
  const canPay = mayCall(actor, recordPaymentUseCase.tasks)
  const canCredit = mayCall(actor, issueCreditNoteUseCase.tasks)
  return (
    <DocumentScreen
      toolbar={
        <>
          <ToolbarLink href={`/back/orders/${invoice.order.id}`}>← {t('backToOrder', { number: invoice.order.number })}</ToolbarLink>
          <Badge tone={invoice.balance > 0 ? 'red' : invoice.balance < 0 ? 'amber' : 'emerald'}>
            {invoice.balance > 0 ? t('statusOpen') : invoice.balance < 0 ? t('statusOverpaid') : t('statusPaid')}
          </Badge>
          {xml && <XmlDownloadLink href={`/api/back/invoices/${invoice.id}/xml`} />}
        </>
      }
    >
      <BillingDocument
        kind="invoice"
        doc={invoice}
        fact={{ label: t('dueOn'), value: date(invoice.dueAt) }}
        extra={[
          ...(invoice.credited > 0 ? [{ label: t('credited'), amount: -invoice.credited }] : []),
          { label: t('paid'), amount: invoice.paid, testId: 'document-paid' },
          {
            label: invoice.balance < 0 ? t('owedBack') : t('balanceDue'),
            amount: Math.abs(invoice.balance),
            strong: true,
            testId: 'document-balance',
          },
        ]}
        footer={
          <>
            <p>{t('terms', { date: date(invoice.dueAt) })}</p>
            <p>{t('issuedBy', { name: invoice.issuedBy })}</p>
          </>
        }
      >
        <EInvoiceBlock
          einvoice={invoice.einvoice}
          totalInWords={invoice.currency === 'VND' ? invoice.totalInWords : null}
          canRetry={mayCall(actor, retryEInvoiceUseCase.tasks)}
        />
        {invoice.einvoice?.inFlight && <EInvoiceRefresh />}
        {transfer && (
          <section className="mt-6 break-inside-avoid">
            <TransferQr qr={transfer} size="page" />
          </section>
        )}
        <PaymentList title={t('payments')} currency={invoice.currency} entries={invoice.payments} />
        {invoice.creditNotes.length > 0 && (
          <DocumentList title={t('creditNotes')}>
            {invoice.creditNotes.map((c) => (
              <li key={c.id} className="flex flex-wrap gap-x-3">
                <Link href={`/back/credit-notes/${c.id}`} className="font-mono underline print:no-underline">
                  {c.number}
                </Link>
                <span>{date(c.issuedAt)}</span>
                <Money amount={-c.total} currency={invoice.currency} />
                <span className="text-slate-600">{c.reason}</span>
              </li>
            ))}
          </DocumentList>
        )}
      </BillingDocument>

      {(canPay || canCredit) && (
        <InvoiceActions
          invoice={invoice}
          invoices={billing.invoices}
          maxPayable={billing.maxPayable}
          canPay={canPay}
          canCredit={canCredit}
        />
      )}
    </DocumentScreen>
  )
}
