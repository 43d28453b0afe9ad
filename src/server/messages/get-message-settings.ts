import 'server-only'
import {
  MESSAGE_EVENTS,
  MESSAGE_LANGUAGES,
  renderMessage,
  type MessageEvent,
  type MessageLanguage,
  type RenderedMessage,
} from '@/domain/customer-messages'
import { formatOrderNumber } from '@/domain/numbering'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'
import { publicUrl } from './links'

/** The message settings as a screen sees them: secrets only as "one is set". */
export interface MessageSettingsDTO {
  enabledEvents: MessageEvent[]
  reminderDays: number
  smtpHost: string
  smtpPort: number
  smtpSecurity: 'none' | 'starttls' | 'tls'
  smtpUser: string
  smtpFrom: string
  hasSmtpPassword: boolean
  hasZaloAccessToken: boolean
  zaloTemplates: Record<MessageEvent, string>
  smsUrl: string
  smsBodyTemplate: string
  hasSmsAuthorization: boolean
  /** Every event's text in both languages, on a sample order of this shop. */
  previews: Record<MessageEvent, Record<MessageLanguage, RenderedMessage>>
}

export async function getMessageSettings(actor: Actor): Promise<MessageSettingsDTO> {
  authorize(actor, getMessageSettingsUseCase.tasks)
  const [row, business] = await Promise.all([
    db().messageSettings.findUniqueOrThrow({ where: { id: 1 } }),
    db().businessSettings.findUnique({ where: { id: 1 }, select: { name: true, orderPrefix: true } }),
  ])
  const templates = (row.zaloTemplates ?? {}) as Partial<Record<MessageEvent, string>>
  const sample = {
    shopName: business?.name ?? 'Handoff',
    orderNumber: formatOrderNumber(business?.orderPrefix ?? 'DH', 123),
    trackingUrl: publicUrl('/track/TRACKING-CODE'),
    optOutUrl: publicUrl('/m/opt-out/PERSONAL-LINK'),
    delivery: false,
    invoiceNumber: 'HD-2026-000045',
    amount: '150.000 ₫',
    days: row.reminderDays,
  }
  const previews = Object.fromEntries(
    MESSAGE_EVENTS.map((e) => [e, Object.fromEntries(MESSAGE_LANGUAGES.map((l) => [l, renderMessage(e, l, sample)]))]),
  ) as MessageSettingsDTO['previews']
  return {
    enabledEvents: row.enabledEvents,
    reminderDays: row.reminderDays,
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecurity: row.smtpSecurity as MessageSettingsDTO['smtpSecurity'],
    smtpUser: row.smtpUser,
    smtpFrom: row.smtpFrom,
    hasSmtpPassword: row.smtpPasswordSealed !== null,
    hasZaloAccessToken: row.zaloAccessTokenSealed !== null,
    zaloTemplates: Object.fromEntries(MESSAGE_EVENTS.map((e) => [e, templates[e] ?? ''])) as Record<MessageEvent, string>,
    smsUrl: row.smsUrl,
    smsBodyTemplate: row.smsBodyTemplate,
    hasSmsAuthorization: row.smsAuthSealed !== null,
    previews,
  }
}

export const getMessageSettingsUseCase = defineUseCase({ name: 'getMessageSettings', tasks: 'MANAGE_TEAM' })
