import 'server-only'
import { z } from 'zod'
import { DomainError } from '@/domain/errors'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { defineUseCase } from '../use-case'
import { providerClient } from './config'
import { readEInvoiceSettings } from './get-einvoice-settings'
import { EInvoiceRejected, EInvoiceUnavailable } from './provider'

export type ConnectionTestDTO = { ok: true } | { ok: false; problem: 'refused' | 'unreachable'; reason: string }

/**
 * Signs in to the provider with the saved settings (the real client, at HANDOFF_VIETTEL_API_URL) and says how it
 * went: signed in, refused with the provider's words (wrong user or password), or not reachable. Nothing is issued
 * and nothing is stored.
 */
export async function testEInvoiceConnection(actor: Actor): Promise<ConnectionTestDTO> {
  authorize(actor, testEInvoiceConnectionUseCase.tasks)
  const settings = await readEInvoiceSettings()
  if (settings.provider === 'NONE') throw new DomainError('CONFLICT', 'manager.einvoice.errors.noProvider')
  if (settings.missing.length > 0) throw new DomainError('CONFLICT', 'manager.einvoice.errors.incomplete')
  try {
    await (await providerClient(settings.provider)).signIn()
    return { ok: true }
  } catch (error) {
    if (error instanceof EInvoiceRejected) return { ok: false, problem: 'refused', reason: error.message }
    if (error instanceof EInvoiceUnavailable) return { ok: false, problem: 'unreachable', reason: error.message }
    throw error
  }
}

export const testEInvoiceConnectionUseCase = defineUseCase({
  name: 'testEInvoiceConnection',
  tasks: 'MANAGE_TEAM',
  schema: z.strictObject({}),
  run: (actor: Actor) => testEInvoiceConnection(actor),
})
