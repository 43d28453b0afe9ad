'use server'

// The manager's e-invoice settings (issue 19, docs/decisions/025): save them, and try signing in to the provider.
import { runAction } from '@/server/action'
import { testEInvoiceConnectionUseCase } from '@/server/einvoice/test-einvoice-connection'
import { updateEInvoiceSettingsUseCase } from '@/server/einvoice/update-einvoice-settings'

export async function updateEInvoiceSettingsAction(raw: unknown) {
  return runAction(updateEInvoiceSettingsUseCase, raw)
}
export async function testEInvoiceConnectionAction(raw: unknown) {
  return runAction(testEInvoiceConnectionUseCase, raw)
}
