import 'server-only'
import { DomainError } from '@/domain/errors'
import type { SetMessagePreferencesInput } from '@/lib/schemas/messages'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { setMessagePreferencesSchema } from '@/lib/schemas/messages'
import { defineUseCase } from '../use-case'

/** A customer's language, preferred channel and consent, as told at the counter: a change of consent is recorded
 * with who and when (on the customer and in the audit trail). */
export async function setMessagePreferences(actor: Actor, input: SetMessagePreferencesInput): Promise<{ customerId: string }> {
  const { task } = authorize(actor, setMessagePreferencesUseCase.tasks)
  await db().$transaction(async (tx) => {
    const before = await tx.customer.findUnique({
      where: { id: input.customerId },
      select: { language: true, preferredChannel: true, messageConsent: true },
    })
    if (!before) throw new DomainError('NOT_FOUND', 'errors.notFound')
    const consentChanged = before.messageConsent !== input.messageConsent
    await tx.customer.update({
      where: { id: input.customerId },
      data: {
        language: input.language,
        preferredChannel: input.preferredChannel,
        messageConsent: input.messageConsent,
        ...(consentChanged ? { consentChangedAt: new Date(), consentChangedById: actor.id } : {}),
      },
      select: { id: true },
    })
    await audit(tx, actor, {
      action: consentChanged ? 'customer.consent_changed' : 'customer.preferences_changed',
      entityType: 'customer',
      entityId: input.customerId,
      task,
      before,
      after: { language: input.language, preferredChannel: input.preferredChannel, messageConsent: input.messageConsent },
    })
  })
  return { customerId: input.customerId }
}

export const setMessagePreferencesUseCase = defineUseCase({
  name: 'setMessagePreferences',
  tasks: ['TAKE_ORDER', 'CUSTOMER_SERVICE'],
  schema: setMessagePreferencesSchema,
  run: setMessagePreferences,
})
