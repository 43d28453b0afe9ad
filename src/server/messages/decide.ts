import 'server-only'
import { randomUUID } from 'node:crypto'
import {
  chooseDelivery,
  messageKey,
  renderMessage,
  znsParams,
  type MessageEvent,
  type MessageLanguage,
  type MessageVars,
} from '@/domain/customer-messages'
import { currencyExponent } from '@/domain/money'
import { formatOrderNumber } from '@/domain/numbering'
import { audit } from '../audit'
import type { Tx } from '../db'
import { enqueueOutbox } from '../outbox/enqueue'
import { optOutUrl, trackingLink } from './links'
import { configuredChannels, loadProviderConfig } from './settings'

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

async function messageVars(tx: Tx, trigger: MessageTrigger) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: trigger.orderId },
    select: {
      number: true,
      mode: true,
      trackingToken: true,
      customer: { select: { id: true, language: true, preferredChannel: true, messageConsent: true, email: true, phone: true } },
    },
  })
  const business = await tx.businessSettings.findUnique({ where: { id: 1 }, select: { name: true, orderPrefix: true, currency: true } })
  const language: MessageLanguage = order.customer.language === 'en' ? 'en' : 'vi'
  const vars: MessageVars = {
    shopName: business?.name ?? 'Handoff',
    orderNumber: formatOrderNumber(business?.orderPrefix ?? 'DH', order.number),
    trackingUrl: trackingLink(order.trackingToken),
    optOutUrl: optOutUrl(order.customer.id),
    delivery: order.mode === 'DELIVERY',
    invoiceNumber: trigger.invoiceNumber,
    invoiceUrl: trigger.invoiceUrl,
    amount: trigger.amount === undefined ? undefined : formatAmount(trigger.amount, business?.currency ?? 'VND', language),
    days: trigger.days,
  }
  return { customer: order.customer, vars, language }
}

function formatAmount(minor: number, currency: string, language: MessageLanguage): string {
  const value = minor / 10 ** currencyExponent(currency)
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency }).format(value)
}

/**
 * Decide the customer's message about an event, inside the event's own transaction: nothing when the event is
 * switched off; a skipped message (on the timeline, with its reason) without consent or a way to reach them; else the
 * message, rendered in their language, handed to the outbox. The same event decided again adds nothing.
 */
export async function decideCustomerMessage(tx: Tx, trigger: MessageTrigger): Promise<void> {
  const config = await loadProviderConfig(tx)
  if (!config.enabledEvents.includes(trigger.event)) return
  const { customer, vars, language } = await messageVars(tx, trigger)
  const delivery = chooseDelivery(customer, configuredChannels(config, trigger.event))
  const subjectId = trigger.subjectId ?? trigger.orderId
  const common = { event: trigger.event, orderId: trigger.orderId, customerId: customer.id, language }
  if ('skip' in delivery) {
    const key = messageKey(trigger.event, subjectId, delivery.channel)
    const inserted = await tx.customerMessage.createMany({
      data: [{ ...common, key, channel: delivery.channel, skipReason: delivery.skip }],
      skipDuplicates: true,
    })
    if (inserted.count === 1)
      await audit(tx, null, {
        action: 'message.skipped',
        entityType: 'customer_message',
        orderId: trigger.orderId,
        data: { event: trigger.event, channel: delivery.channel, reason: delivery.skip },
      })
    return
  }
  const key = messageKey(trigger.event, subjectId, delivery.channel)
  const messageId = randomUUID()
  const rendered = renderMessage(trigger.event, language, vars)
  const templateId = config.zalo.templates[trigger.event]
  const payload: CustomerMessagePayload = {
    messageId,
    customerId: customer.id,
    event: trigger.event,
    channel: delivery.channel,
    to: delivery.to,
    ...rendered,
    optOutUrl: vars.optOutUrl,
    ...(delivery.channel === 'ZALO' && templateId ? { zalo: { templateId, params: znsParams(vars) } } : {}),
  }
  const entry = await enqueueOutbox(tx, { kind: CUSTOMER_MESSAGE, key, payload: { ...payload }, orderId: trigger.orderId })
  if (!entry.created) return
  await tx.customerMessage.create({
    data: { ...common, id: messageId, key, channel: delivery.channel, recipient: delivery.to, outboxEntryId: entry.id },
    select: { id: true },
  })
}
