import 'server-only'
import { einvoiceSetupMissing, type EInvoiceProviderName, type EInvoiceSetupField } from '@/domain/einvoice-setup'
import type { InvoiceTemplate } from '@/domain/tax-code'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db, type Tx } from '../db'
import { defineUseCase } from '../use-case'

/** The e-invoice section as the manager edits it. The provider's secret never leaves the server: only whether one
 * is stored. */
export interface EInvoiceSettingsDTO {
  taxId: string
  legalName: string
  address: string
  invoiceTemplate: InvoiceTemplate
  invoiceSymbol: string
  provider: EInvoiceProviderName
  username: string
  hasSecret: boolean
  /** What the provider still needs before invoices can be issued through it ([] when complete or none is chosen). */
  missing: EInvoiceSetupField[]
}

const SELECT = {
  taxId: true,
  legalName: true,
  address: true,
  invoiceTemplate: true,
  invoiceSymbol: true,
  einvoiceProvider: true,
  einvoiceUsername: true,
  einvoiceSecret: true,
} as const

/** Reads the row (inside a transaction when given one) without checking who asks: for the use cases only. */
export async function readEInvoiceSettings(client: Pick<Tx, 'businessSettings'> = db()): Promise<EInvoiceSettingsDTO> {
  const s = await client.businessSettings.findUnique({ where: { id: 1 }, select: SELECT })
  const provider: EInvoiceProviderName = s?.einvoiceProvider === 'VIETTEL' ? 'VIETTEL' : 'NONE'
  const dto = {
    taxId: s?.taxId ?? '',
    legalName: s?.legalName ?? '',
    address: s?.address ?? '',
    invoiceTemplate: s?.invoiceTemplate === '2' ? ('2' as const) : ('1' as const),
    invoiceSymbol: s?.invoiceSymbol ?? '',
    provider,
    username: s?.einvoiceUsername ?? '',
    hasSecret: (s?.einvoiceSecret ?? '') !== '',
  }
  return { ...dto, missing: einvoiceSetupMissing({ ...dto, einvoiceUsername: dto.username }) }
}

export async function getEInvoiceSettings(actor: Actor): Promise<EInvoiceSettingsDTO> {
  authorize(actor, getEInvoiceSettingsUseCase.tasks)
  return readEInvoiceSettings()
}

export const getEInvoiceSettingsUseCase = defineUseCase({ name: 'getEInvoiceSettings', tasks: 'MANAGE_TEAM' })
