import 'server-only'

// What Handoff hands an e-invoice provider and what comes back, whatever the provider (Viettel SInvoice today; MISA
// meInvoice and VNPT implement the same interface). Amounts in đồng; rates in basis points.

export interface EInvoiceLine {
  code: string | null
  name: string
  unit: string
  quantity: number
  unitPrice: number
  net: number
  /** null: not subject to VAT ("KCT"). */
  taxRateBp: number | null
  tax: number
  gross: number
}

export interface EInvoiceDocument {
  /** Stable per document: every try sends the same one, so the provider can tell a retry from a new invoice. */
  transactionUuid: string
  /** 1 = VAT invoice, 2 = sales invoice; the provider's template code is derived from it. */
  template: string
  symbol: string
  issuedAt: Date
  currency: string
  seller: { taxCode: string; legalName: string; address: string; phone: string }
  buyer: {
    name: string
    legalName: string | null
    taxCode: string | null
    address: string | null
    phone: string | null
    email: string | null
  }
  lines: EInvoiceLine[]
  totals: { subtotal: number; taxTotal: number; total: number; byRate: Array<{ taxRateBp: number | null; net: number; tax: number }> }
  totalInWords: string
  /** Handoff's own number, the shop's reference. */
  reference: string
  /** An adjusting invoice (decision 023): the e-invoice it adjusts. Amounts are then the (negative) adjustment. */
  adjusts?: { providerNumber: string; issuedAt: Date; template: string; reason: string }
}

export interface IssuedEInvoice {
  providerNumber: string
  /** The code the buyer types on the provider's lookup page (Viettel: reservation code). */
  lookupCode: string | null
  /** The tax authority's code (invoices "with code", symbol starting with C), when the provider returns it. */
  taxAuthorityCode: string | null
  lookupUrl: string | null
}

/** The provider refused the document (invalid data, a symbol not registered, wrong credentials): retrying the same
 * document cannot help. */
export class EInvoiceRejected extends Error {
  override readonly name = 'EInvoiceRejected'
}

/** The provider could not be reached or did not answer in time: the same document may be sent again. */
export class EInvoiceUnavailable extends Error {
  override readonly name = 'EInvoiceUnavailable'
}

export interface EInvoiceProvider {
  /** Creates the e-invoice; throws EInvoiceRejected or EInvoiceUnavailable. */
  issue(doc: EInvoiceDocument): Promise<IssuedEInvoice>
  /** The e-invoice created earlier with this transaction id, or null when the provider has none. */
  find(transactionUuid: string): Promise<IssuedEInvoice | null>
  /** Signs in and nothing else (the settings' "Test connection"); throws EInvoiceRejected or EInvoiceUnavailable. */
  signIn(): Promise<void>
}

/**
 * Issues a document exactly once however often it is called: asks the provider first whether an earlier try (cut off
 * by a timeout or a crash after the provider accepted it) already created it, and only then creates it. Since the
 * transaction id is the same on every try, a provider that received both would answer the second with the first.
 */
export async function issueOnce(provider: EInvoiceProvider, doc: EInvoiceDocument, triedBefore: boolean): Promise<IssuedEInvoice> {
  if (triedBefore) {
    const earlier = await provider.find(doc.transactionUuid)
    if (earlier) return earlier
  }
  return provider.issue(doc)
}
