'use client'

import { useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { setInvoiceDetailsAction } from '@/actions/counter'
import type { InvoiceDetailsDTO } from '@/server/customers/invoice-details'
import { invoiceDetailsDraft, invoiceDetailsInput } from './invoice-details-draft'
import { InvoiceDetailsFields } from './invoice-details-fields'
import { SubmitRow } from './ui/field'
import { Panel } from './ui/section'
import { useAction } from './ui/use-action'

/**
 * The customer's VAT invoice details on an order page (the counter's and the back office's): added, changed or
 * removed after the order was taken, before the invoice is issued. Invoices already issued keep their buyer.
 */
export function InvoiceDetailsPanel({ customerId, details }: { customerId: string; details: InvoiceDetailsDTO | null }) {
  const t = useTranslations('common.invoiceDetails')
  const id = useId()
  const [draft, setDraft] = useState(() => invoiceDetailsDraft(details))
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError } = useAction(setInvoiceDetailsAction)
  const errors = Object.fromEntries(Object.entries(fieldErrors).map(([path, messages]) => [path, messages[0]]))
  return (
    <Panel id={`${id}-title`} title={t('title')}>
      <form
        className="space-y-3 text-sm"
        noValidate
        data-testid="invoice-details-panel"
        onSubmit={async (e) => {
          e.preventDefault()
          setStatus(null)
          const result = await run({ customerId, invoiceDetails: invoiceDetailsInput(draft) })
          if (result.ok) setStatus(t('saved'))
          else {
            const first = Object.keys(result.fieldErrors)[0]
            if (first) document.getElementById(`${id}-${first.replace('.', '-')}`)?.focus()
          }
        }}
      >
        <InvoiceDetailsFields
          id={id}
          value={draft}
          onChange={(next) => {
            setDraft(next)
            setStatus(null)
          }}
          errors={errors}
          hadDetails={details !== null}
        />
        <SubmitRow label={t('save')} pending={pending} error={formError} status={status} secondary />
      </form>
    </Panel>
  )
}
