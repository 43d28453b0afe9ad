import 'server-only'
import { DomainError } from '@/domain/errors'
import type { OptOutInput } from '@/lib/schemas/messages'
import { audit } from '../audit'
import { db } from '../db'
import { defineUseCase } from '../use-case'
import { customerOfOptOutToken } from './links'

/**
 * The customer's own opt-out, from the signed link in every message: consent off at once (a message already queued
 * is not sent: the worker checks consent before sending). No sign-in; the token is the authority. Repeating it is
 * harmless.
 */
export async function optOut(input: OptOutInput): Promise<{ optedOut: true }> {
  const customerId = customerOfOptOutToken(input.token)
  if (!customerId) throw new DomainError('NOT_FOUND', 'errors.notFound')
  await db().$transaction(async (tx) => {
    const updated = await tx.customer.updateMany({
      where: { id: customerId, messageConsent: true },
      data: { messageConsent: false, consentChangedAt: new Date(), consentChangedById: null },
    })
    if (updated.count === 1)
      await audit(tx, null, { action: 'customer.opted_out', entityType: 'customer', entityId: customerId, data: { via: 'message link' } })
  })
  return { optedOut: true }
}

/** For the authorization matrix: the action is public (the token in the link is the authority), like the language
 * picker; the declaration says a signed-in caller needs nothing more either. */
export const optOutUseCase = defineUseCase({ name: 'optOut', tasks: 'signed-in' })
