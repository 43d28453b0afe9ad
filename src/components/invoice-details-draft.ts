// The "wants a VAT invoice" draft as pure functions (no React, no words): the intake's reducer and the forms share
// them, the tests replay them. The fields themselves: invoice-details-fields.tsx.
import type { InvoiceDetailsDTO } from '@/server/customers/invoice-details'

/** What is typed, as typed. `touched`: typed here rather than read from the customer (kept when the customer changes). */
export interface InvoiceDetailsDraft {
  wanted: boolean
  taxCode: string
  legalName: string
  address: string
  touched: boolean
}

export function invoiceDetailsDraft(details: InvoiceDetailsDTO | null): InvoiceDetailsDraft {
  return {
    wanted: details !== null,
    taxCode: details?.taxCode ?? '',
    legalName: details?.legalName ?? '',
    address: details?.address ?? '',
    touched: false,
  }
}

/** The draft for another customer: theirs when they have details, else what was typed here stays. */
export function draftForCustomer(draft: InvoiceDetailsDraft, details: InvoiceDetailsDTO | null): InvoiceDetailsDraft {
  return details !== null || !draft.touched ? invoiceDetailsDraft(details) : draft
}

/** The `invoiceDetails` to send: the details when wanted, else none (`null`, which removes stored ones). */
export function invoiceDetailsInput(draft: InvoiceDetailsDraft): { taxCode: string; legalName: string; address: string } | null {
  return draft.wanted ? { taxCode: draft.taxCode, legalName: draft.legalName, address: draft.address } : null
}
