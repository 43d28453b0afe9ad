'use server'

// Customer messages (issue 18): the manager's message settings and retries, a customer's preferences at the counter,
// and the customer's own opt-out from a message's link.
import { optOutSchema } from '@/lib/schemas/messages'
import { runAction } from '@/server/action'
import { optOut } from '@/server/messages/opt-out'
import { retryMessageUseCase } from '@/server/messages/retry-message'
import { setMessagePreferencesUseCase } from '@/server/messages/set-message-preferences'
import { updateMessageSettingsUseCase } from '@/server/messages/update-message-settings'

export async function updateMessageSettingsAction(raw: unknown) {
  return runAction(updateMessageSettingsUseCase, raw)
}
export async function retryMessageAction(raw: unknown) {
  return runAction(retryMessageUseCase, raw)
}
export async function setMessagePreferencesAction(raw: unknown) {
  return runAction(setMessagePreferencesUseCase, raw)
}

/** Public on purpose: the customer is not signed in; the signed token in the link is the only authority. */
export async function optOutAction(raw: unknown) {
  const parsed = optOutSchema.safeParse(raw)
  if (!parsed.success) return { ok: false as const }
  try {
    await optOut(parsed.data)
    return { ok: true as const }
  } catch {
    return { ok: false as const }
  }
}
