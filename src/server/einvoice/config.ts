import 'server-only'
import { einvoiceEnv } from '../env'
import { db, type Tx } from '../db'
import { openSecret } from '../secrets'
import type { EInvoiceProvider } from './provider'
import { ViettelSInvoice } from './viettel'

/** The context a provider's password is sealed under (src/server/secrets.ts). */
export const providerSecretContext = (provider: string) => `einvoice:${provider}`

export interface EInvoiceSettings {
  provider: 'NONE' | 'VIETTEL'
  template: string
  symbol: string
  sellerTaxCode: string
}

/** Whether invoices go to a provider, and as which template and symbol. Never the credentials. Inside a transaction
 * pass it: asking the pool for a second connection while holding one can exhaust it under load. */
export async function einvoiceSettings(client: Pick<Tx, 'businessSettings'> = db()): Promise<EInvoiceSettings> {
  const s = await client.businessSettings.findUnique({
    where: { id: 1 },
    select: { einvoiceProvider: true, invoiceTemplate: true, invoiceSymbol: true, taxId: true },
  })
  return {
    provider: s?.einvoiceProvider === 'VIETTEL' ? 'VIETTEL' : 'NONE',
    template: s?.invoiceTemplate ?? '1',
    symbol: s?.invoiceSymbol ?? '',
    sellerTaxCode: s?.taxId ?? '',
  }
}

/** The client of the configured provider, with its credentials opened for this call only. */
export async function providerClient(provider: string): Promise<EInvoiceProvider> {
  const s = await db().businessSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { taxId: true, einvoiceUsername: true, einvoiceSecret: true },
  })
  const env = einvoiceEnv()
  if (provider !== 'VIETTEL') throw new Error(`no e-invoice provider ${provider}`)
  return new ViettelSInvoice({
    baseUrl: env.HANDOFF_VIETTEL_API_URL,
    username: s.einvoiceUsername,
    password: s.einvoiceSecret ? openSecret(s.einvoiceSecret, providerSecretContext(provider)) : '',
    supplierTaxCode: s.taxId,
    timeoutMs: env.HANDOFF_EINVOICE_TIMEOUT_MS,
  })
}

/** The seller's legal name for the invoice snapshot ("" when not set: the business name stands in). */
export async function sellerLegalName(): Promise<string> {
  const s = await db().businessSettings.findUnique({ where: { id: 1 }, select: { legalName: true } })
  return s?.legalName ?? ''
}
