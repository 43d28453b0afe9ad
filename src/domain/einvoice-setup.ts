// Whether the shop's e-invoice settings are complete enough to issue through a provider (docs/decisions/025). One
// rule: the settings screen refuses to turn a provider on without them, and an invoice waiting for its e-invoice
// says "not set up" when they are missing (a provider turned on before this rule, or its password cleared).

/** The providers Handoff has a client for; MISA meInvoice and VNPT would join this list with their clients. */
export const EINVOICE_PROVIDERS = ['NONE', 'VIETTEL'] as const
export type EInvoiceProviderName = (typeof EINVOICE_PROVIDERS)[number]

export interface EInvoiceSetup {
  provider: string
  taxId: string
  legalName: string
  address: string
  invoiceSymbol: string
  einvoiceUsername: string
  hasSecret: boolean
}

/** The settings a provider needs, in the order the screen shows them. */
const REQUIRED = ['taxId', 'legalName', 'address', 'invoiceSymbol', 'einvoiceUsername', 'secret'] as const
export type EInvoiceSetupField = (typeof REQUIRED)[number]

/** What is missing before invoices can be issued through the chosen provider; [] when complete or when none is. */
export function einvoiceSetupMissing(s: EInvoiceSetup): EInvoiceSetupField[] {
  if (s.provider === 'NONE') return []
  return REQUIRED.filter((field) => (field === 'secret' ? !s.hasSecret : s[field].trim() === ''))
}
