// Customer messages (issue 18): the manager's settings and retries, a customer's preferences, the opt-out link.
import { z } from 'zod'
import { MESSAGE_CHANNELS, MESSAGE_EVENTS, MESSAGE_LANGUAGES } from '@/domain/customer-messages'

/** A secret field: absent keeps the stored one, '' removes it, anything else replaces it. */
const secret = (max: number) => z.string().max(max).optional()

export const updateMessageSettingsSchema = z.strictObject({
  enabledEvents: z.array(z.enum(MESSAGE_EVENTS)).max(MESSAGE_EVENTS.length),
  reminderDays: z.coerce.number().int().min(1).max(60),
  smtpHost: z.string().trim().max(200),
  smtpPort: z.coerce.number().int().min(1).max(65535),
  smtpSecurity: z.enum(['none', 'starttls', 'tls']),
  smtpUser: z.string().trim().max(200),
  smtpPassword: secret(500),
  smtpFrom: z.string().trim().max(254),
  zaloAccessToken: secret(1500),
  zaloTemplates: z.strictObject(
    Object.fromEntries(MESSAGE_EVENTS.map((e) => [e, z.string().trim().max(100)])) as Record<(typeof MESSAGE_EVENTS)[number], z.ZodString>,
  ),
  smsUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'validation.format' }).max(500)]),
  smsBodyTemplate: z.string().max(2000),
  smsAuthorization: secret(500),
})
export type UpdateMessageSettingsInput = z.output<typeof updateMessageSettingsSchema>

export const retryMessageSchema = z.strictObject({ messageId: z.uuid() })
export type RetryMessageInput = z.output<typeof retryMessageSchema>

export const setMessagePreferencesSchema = z.strictObject({
  customerId: z.uuid(),
  language: z.enum(MESSAGE_LANGUAGES),
  preferredChannel: z.enum(MESSAGE_CHANNELS).nullable(),
  messageConsent: z.boolean(),
})
export type SetMessagePreferencesInput = z.output<typeof setMessagePreferencesSchema>

export const optOutSchema = z.strictObject({ token: z.string().min(10).max(120) })
export type OptOutInput = z.output<typeof optOutSchema>
