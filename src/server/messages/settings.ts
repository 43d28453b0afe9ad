import 'server-only'
import type { MessageChannel, MessageEvent } from '@/domain/customer-messages'
import type { MessageSettings } from '@/generated/prisma/client'
import type { Db, Tx } from '../db'
import { openSecret } from './secrets'

/** The settings as the server uses them, secrets opened: never returned to a screen (get-message-settings.ts is). */
export interface ProviderConfig {
  enabledEvents: MessageEvent[]
  reminderDays: number
  smtp: { host: string; port: number; security: 'none' | 'starttls' | 'tls'; user: string; password: string | null; from: string }
  zalo: { accessToken: string | null; templates: Partial<Record<MessageEvent, string>> }
  sms: { url: string; bodyTemplate: string; authorization: string | null }
}

export async function loadProviderConfig(client: Db | Tx): Promise<ProviderConfig> {
  return providerConfigOf(await client.messageSettings.findUniqueOrThrow({ where: { id: 1 } }))
}

/** The settings row (read by Prisma, or as JSON by the order's own read in create-order.ts) with its secrets opened. */
export function providerConfigOf(row: Omit<MessageSettings, 'id' | 'updatedAt'>): ProviderConfig {
  return {
    enabledEvents: row.enabledEvents,
    reminderDays: row.reminderDays,
    smtp: {
      host: row.smtpHost,
      port: row.smtpPort,
      security: row.smtpSecurity as ProviderConfig['smtp']['security'],
      user: row.smtpUser,
      password: openSecret(row.smtpPasswordSealed),
      from: row.smtpFrom,
    },
    zalo: {
      accessToken: openSecret(row.zaloAccessTokenSealed),
      templates: (row.zaloTemplates ?? {}) as ProviderConfig['zalo']['templates'],
    },
    sms: { url: row.smsUrl, bodyTemplate: row.smsBodyTemplate, authorization: openSecret(row.smsAuthSealed) },
  }
}

/** The channels a message for `event` can go through: the provider is set up (and, for Zalo, a template registered). */
export function configuredChannels(config: ProviderConfig, event: MessageEvent): Set<MessageChannel> {
  const channels = new Set<MessageChannel>()
  if (config.smtp.host && config.smtp.from) channels.add('EMAIL')
  if (config.zalo.accessToken && config.zalo.templates[event]) channels.add('ZALO')
  if (config.sms.url) channels.add('SMS')
  return channels
}
