import 'server-only'
import { randomUUID } from 'node:crypto'
import {
  decideMessage,
  renderMessage,
  znsParams,
  type MessageDecision,
  type MessageDecisionInput,
  type MessageEvent,
  type MessageLanguage,
  type MessageVars,
} from '@/domain/customer-messages'
import { currencyExponent } from '@/domain/money'
import { formatOrderNumber } from '@/domain/numbering'
import { audit, type AuditEntry } from '../audit'
import type { Tx } from '../db'
import { enqueueOutbox } from '../outbox/enqueue'
import { optOutUrl, trackingLink } from './links'
import { configuredChannels, loadProviderConfig, type ProviderConfig } from './settings'

export const CUSTOMER_MESSAGE = 'customer.message'

export interface MessageTrigger {
  event: MessageEvent
  orderId: string
  /** What the message is about when it is not the order itself (an invoice, a payment): part of its key. */
  subjectId?: string
  invoiceNumber?: string
  invoiceUrl?: string
  /** PAYMENT_RECEIVED: in minor units of the business currency. */
  amount?: number
  days?: number
}

/** The payload of a customer.message outbox entry: everything needed to send, decided with the event. */
export interface CustomerMessagePayload {
  messageId: string
  customerId: string
  event: MessageEvent
  channel: 'EMAIL' | 'ZALO' | 'SMS'
  to: string
  subject: string
  text: string
  optOutUrl: string
  zalo?: { templateId: string; params: Record<string, string> }
}

/** The order as a message names it, and the shop it comes from. */
export interface MessageSubject {
  number: number
  mode: 'PICKUP' | 'DELIVERY'
  trackingToken: string
  customerId: string
}
export type MessageBusiness = { name: string; orderPrefix: string; currency: string } | null

export function messageVars(business: MessageBusiness, order: MessageSubject, trigger: MessageTrigger, language: MessageLanguage) {
  const vars: MessageVars = {
    shopName: business?.name ?? 'Handoff',
    orderNumber: formatOrderNumber(business?.orderPrefix ?? 'DH', order.number),
    trackingUrl: trackingLink(order.trackingToken),
    optOutUrl: optOutUrl(order.customerId),
    delivery: order.mode === 'DELIVERY',
    invoiceNumber: trigger.invoiceNumber,
    invoiceUrl: trigger.invoiceUrl,
    amount: trigger.amount === undefined ? undefined : formatAmount(trigger.amount, business?.currency ?? 'VND', language),
    days: trigger.days,
  }
  return vars
}

function formatAmount(minor: number, currency: string, language: MessageLanguage): string {
  const value = minor / 10 ** currencyExponent(currency)
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency }).format(value)
}

/** The decision (src/domain decideMessage) under the shop's message settings: every path that messages uses this. */
export function decideUnder(
  config: ProviderConfig,
  event: MessageEvent,
  subjectId: string,
  customer: MessageDecisionInput['customer'],
): MessageDecision | null {
  return decideMessage({ event, subjectId, enabledEvents: config.enabledEvents, configured: configuredChannels(config, event), customer })
}

type Sending = Extract<MessageDecision, { to: string }>
type Skipped = Extract<MessageDecision, { skip: string }>

/** The CustomerMessage row of a decision (skipped, or handed to the outbox entry `outboxEntryId`). */
export function messageRow(
  event: MessageEvent,
  orderId: string,
  customerId: string,
  decision: MessageDecision,
  sent?: { id: string; outboxEntryId: string },
) {
  return {
    ...(sent ? { id: sent.id, outboxEntryId: sent.outboxEntryId } : {}),
    key: decision.key,
    event,
    orderId,
    customerId,
    channel: decision.channel,
    language: decision.language,
    recipient: 'to' in decision ? decision.to : null,
    skipReason: 'skip' in decision ? decision.skip : null,
  }
}

/** The timeline row of a message not sent, with its reason (written by "System"). */
export function skippedAudit(event: MessageEvent, orderId: string, decision: Skipped): AuditEntry {
  return {
    action: 'message.skipped',
    entityType: 'customer_message',
    orderId,
    data: { event, channel: decision.channel, reason: decision.skip },
  }
}

/** The outbox payload of a message to send: rendered in the customer's language, with Zalo's template when set up. */
export function messagePayload(
  config: ProviderConfig,
  event: MessageEvent,
  customerId: string,
  decision: Sending,
  vars: MessageVars,
): CustomerMessagePayload {
  const rendered = renderMessage(event, decision.language, vars)
  const templateId = config.zalo.templates[event]
  return {
    messageId: randomUUID(),
    customerId,
    event,
    channel: decision.channel,
    to: decision.to,
    ...rendered,
    optOutUrl: vars.optOutUrl,
    ...(decision.channel === 'ZALO' && templateId ? { zalo: { templateId, params: znsParams(vars) } } : {}),
  }
}

async function readSubject(tx: Tx, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      number: true,
      mode: true,
      trackingToken: true,
      customer: { select: { id: true, language: true, preferredChannel: true, messageConsent: true, email: true, phone: true } },
    },
  })
  const business = await tx.businessSettings.findUnique({ where: { id: 1 }, select: { name: true, orderPrefix: true, currency: true } })
  return { order, business }
}

/**
 * Decide the customer's message about an event, inside the event's own transaction: nothing when the event is
 * switched off; a skipped message (on the timeline, with its reason) without consent or a way to reach them; else the
 * message, rendered in their language, handed to the outbox. The same event decided again adds nothing. (The order
 * received message is decided by the order's own insert, create-order.ts, with the same functions.)
 */
export async function decideCustomerMessage(tx: Tx, trigger: MessageTrigger): Promise<void> {
  const config = await loadProviderConfig(tx)
  if (!config.enabledEvents.includes(trigger.event)) return
  const { order, business } = await readSubject(tx, trigger.orderId)
  const customer = order.customer
  const decision = decideUnder(config, trigger.event, trigger.subjectId ?? trigger.orderId, customer)
  if (!decision) return
  if ('skip' in decision) {
    const inserted = await tx.customerMessage.createMany({
      data: [messageRow(trigger.event, trigger.orderId, customer.id, decision)],
      skipDuplicates: true,
    })
    if (inserted.count === 1) await audit(tx, null, skippedAudit(trigger.event, trigger.orderId, decision))
    return
  }
  const vars = messageVars(business, { ...order, customerId: customer.id }, trigger, decision.language)
  const payload = messagePayload(config, trigger.event, customer.id, decision, vars)
  const entry = await enqueueOutbox(tx, { kind: CUSTOMER_MESSAGE, key: decision.key, payload: { ...payload }, orderId: trigger.orderId })
  if (!entry.created) return
  await tx.customerMessage.create({
    data: messageRow(trigger.event, trigger.orderId, customer.id, decision, { id: payload.messageId, outboxEntryId: entry.id }),
    select: { id: true },
  })
}
