'use client'

import { useCallback, type Dispatch } from 'react'
import type { InvoiceDetailsDraft } from '../../invoice-details-draft'
import { InvoiceDetailsFields } from '../../invoice-details-fields'
import type { IntakeAction, IntakeState } from './intake-state'

/** Under the chosen customer: "wants a VAT invoice" and its details, kept in the intake's draft (issue 19). */
export function InvoiceSection({
  id,
  state,
  dispatch,
}: {
  id: string
  state: Pick<IntakeState, 'customer' | 'invoice' | 'errors'>
  dispatch: Dispatch<IntakeAction>
}) {
  const onChange = useCallback((invoice: InvoiceDetailsDraft) => dispatch({ type: 'setInvoice', invoice }), [dispatch])
  if (!state.customer) return null
  return (
    <div className="mt-3 border-t border-slate-100 pt-3">
      <InvoiceDetailsFields
        id={id}
        value={state.invoice}
        onChange={onChange}
        errors={state.errors}
        hadDetails={state.customer.invoiceDetails !== null}
      />
    </div>
  )
}
