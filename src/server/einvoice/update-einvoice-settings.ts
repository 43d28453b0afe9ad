import 'server-only'
import { einvoiceSetupMissing, type EInvoiceSetupField } from '@/domain/einvoice-setup'
import { DomainError } from '@/domain/errors'
import { parseInvoiceSymbol, parseMst } from '@/domain/tax-code'
import { updateEInvoiceSettingsSchema, type UpdateEInvoiceSettingsInput } from '@/lib/schemas/settings'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { sealSecret } from '../secrets'
import { defineUseCase } from '../use-case'
import { providerSecretContext } from './config'
import { readEInvoiceSettings, type EInvoiceSettingsDTO } from './get-einvoice-settings'

/** The form's field for each setting the provider needs. */
const FIELD: Record<EInvoiceSetupField, string> = {
  taxId: 'taxId',
  legalName: 'legalName',
  address: 'address',
  invoiceSymbol: 'invoiceSymbol',
  einvoiceUsername: 'username',
  secret: 'secret',
}

/** The tax code as printed (10 digits, or 10-3 for a branch), or the domain's reason on the field. */
function taxCodeOf(typed: string): string {
  if (typed === '') return ''
  const parsed = parseMst(typed)
  if (!parsed.ok) throw new DomainError('INVALID', `manager.einvoice.errors.taxCode.${parsed.problem}`, {}, 'taxId')
  return parsed.mst
}

function symbolOf(typed: string): string {
  if (typed === '') return ''
  const parsed = parseInvoiceSymbol(typed)
  if (!parsed.ok) throw new DomainError('INVALID', 'manager.einvoice.errors.symbol', {}, 'invoiceSymbol')
  return parsed.symbol
}

/**
 * The seller as the tax authority knows it (tax code, legal name, address), the invoice template and symbol, and the
 * provider with its credentials. A provider is only turned on with everything it needs; its secret is stored sealed
 * (src/server/secrets.ts), replaced when typed, removed on request, and never returned. The audit row says whether
 * the secret changed, never what it is.
 */
export async function updateEInvoiceSettings(actor: Actor, input: UpdateEInvoiceSettingsInput): Promise<EInvoiceSettingsDTO> {
  const { task } = authorize(actor, updateEInvoiceSettingsUseCase.tasks)
  const taxId = taxCodeOf(input.taxId)
  const invoiceSymbol = symbolOf(input.invoiceSymbol)
  if (input.secret !== undefined && input.provider === 'NONE') {
    throw new DomainError('INVALID', 'manager.einvoice.errors.secretWithoutProvider', {}, 'secret')
  }
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "BusinessSettings" WHERE id = 1 FOR UPDATE`
    const before = await readEInvoiceSettings(tx)
    const secret = input.secret !== undefined ? 'replaced' : input.clearSecret && before.hasSecret ? 'cleared' : 'kept'
    const hasSecret = secret === 'replaced' || (secret === 'kept' && before.hasSecret)
    const plain = { taxId, legalName: input.legalName, address: input.address, invoiceTemplate: input.invoiceTemplate, invoiceSymbol }
    const missing = einvoiceSetupMissing({ ...plain, provider: input.provider, einvoiceUsername: input.username, hasSecret })
    if (missing[0]) throw new DomainError('INVALID', 'manager.einvoice.errors.required', {}, FIELD[missing[0]])
    await tx.businessSettings.update({
      where: { id: 1 },
      data: {
        ...plain,
        einvoiceProvider: input.provider,
        einvoiceUsername: input.username,
        ...(secret === 'replaced' ? { einvoiceSecret: sealSecret(input.secret!, providerSecretContext(input.provider)) } : {}),
        ...(secret === 'cleared' ? { einvoiceSecret: '' } : {}),
      },
    })
    const after = await readEInvoiceSettings(tx)
    const { missing: _b, ...auditBefore } = before
    const { missing: _a, ...auditAfter } = after
    await audit(tx, actor, {
      action: 'settings.einvoice_updated',
      entityType: 'settings',
      entityId: 'einvoice',
      task,
      before: auditBefore,
      after: auditAfter,
      data: { secret },
    })
    return after
  })
}

export const updateEInvoiceSettingsUseCase = defineUseCase({
  name: 'updateEInvoiceSettings',
  tasks: 'MANAGE_TEAM',
  schema: updateEInvoiceSettingsSchema,
  run: updateEInvoiceSettings,
})
