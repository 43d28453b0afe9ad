import 'server-only'
import type { UpdateMessageSettingsInput } from '@/lib/schemas/messages'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { updateMessageSettingsSchema } from '@/lib/schemas/messages'
import { defineUseCase } from '../use-case'
import { sealSecret } from './secrets'

/** A secret field's change: undefined keeps it, '' clears it, text replaces it (sealed). */
function secretChange(value: string | undefined): { set: string | null } | undefined {
  if (value === undefined) return undefined
  return { set: value === '' ? null : sealSecret(value) }
}

/** Which events message customers and how the providers are reached. The audit row names the secrets that changed,
 * never their values. */
export async function updateMessageSettings(actor: Actor, input: UpdateMessageSettingsInput): Promise<{ saved: true }> {
  const { task } = authorize(actor, updateMessageSettingsUseCase.tasks)
  const secrets = {
    smtpPasswordSealed: secretChange(input.smtpPassword),
    zaloAccessTokenSealed: secretChange(input.zaloAccessToken),
    smsAuthSealed: secretChange(input.smsAuthorization),
  }
  const zaloTemplates = Object.fromEntries(Object.entries(input.zaloTemplates).filter(([, id]) => id !== ''))
  await db().$transaction(async (tx) => {
    await tx.messageSettings.update({
      where: { id: 1 },
      data: {
        enabledEvents: [...new Set(input.enabledEvents)],
        reminderDays: input.reminderDays,
        smtpHost: input.smtpHost,
        smtpPort: input.smtpPort,
        smtpSecurity: input.smtpSecurity,
        smtpUser: input.smtpUser,
        smtpFrom: input.smtpFrom,
        zaloTemplates,
        smsUrl: input.smsUrl,
        smsBodyTemplate: input.smsBodyTemplate,
        ...Object.fromEntries(Object.entries(secrets).flatMap(([k, v]) => (v ? [[k, v.set]] : []))),
      },
    })
    await audit(tx, actor, {
      action: 'settings.messages_updated',
      entityType: 'settings',
      entityId: 'messages',
      task,
      data: {
        enabledEvents: input.enabledEvents,
        secretsChanged: Object.entries(secrets).flatMap(([k, v]) => (v ? [k.replace(/Sealed$/, '')] : [])),
      },
    })
  })
  return { saved: true }
}

export const updateMessageSettingsUseCase = defineUseCase({
  name: 'updateMessageSettings',
  tasks: 'MANAGE_TEAM',
  schema: updateMessageSettingsSchema,
  run: updateMessageSettings,
})
