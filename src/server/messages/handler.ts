import 'server-only'
import { z } from 'zod'
import { MESSAGE_CHANNELS, MESSAGE_EVENTS } from '@/domain/customer-messages'
import { audit } from '../audit'
import { db } from '../db'
import { PermanentFailure } from '../outbox/failures'
import { registerOutboxHandler, type OutboxOutcome } from '../outbox/registry'
import { sendEmail } from './channels/email'
import { sendSms } from './channels/sms'
import { sendZalo } from './channels/zalo'
import type { SendReceipt } from './channels/channel'
import { CUSTOMER_MESSAGE, type CustomerMessagePayload } from './decide'
import { loadProviderConfig } from './settings'

/** The customer opted out after the message was decided: it is not sent (the opt-out is honoured at once). */
export class ConsentWithdrawn extends PermanentFailure {
  override readonly name: string = 'ConsentWithdrawn'
}

const payloadSchema: z.ZodType<CustomerMessagePayload> = z.object({
  messageId: z.uuid(),
  customerId: z.uuid(),
  event: z.enum(MESSAGE_EVENTS),
  channel: z.enum(MESSAGE_CHANNELS),
  to: z.string().min(1).max(254),
  subject: z.string().max(500),
  text: z.string().max(5000),
  optOutUrl: z.string().max(1000),
  zalo: z.object({ templateId: z.string().max(100), params: z.record(z.string(), z.string()) }).optional(),
})

async function send(message: CustomerMessagePayload, key: string): Promise<SendReceipt> {
  const consent = await db().customer.findUnique({ where: { id: message.customerId }, select: { messageConsent: true } })
  if (!consent?.messageConsent) throw new ConsentWithdrawn('the customer has withdrawn their consent')
  const config = await loadProviderConfig(db())
  const outgoing = { ...message, key }
  switch (message.channel) {
    case 'EMAIL':
      return sendEmail(outgoing, config.smtp)
    case 'ZALO':
      return sendZalo(outgoing, config.zalo.accessToken)
    case 'SMS':
      return sendSms(outgoing, config.sms)
  }
}

function timelineAction(outcome: OutboxOutcome): string | null {
  if (outcome.status === 'SENT') return 'message.sent'
  if (outcome.status === 'DEAD') return 'message.dead'
  if (outcome.status === 'FAILED') return outcome.error.startsWith('ConsentWithdrawn') ? 'message.skipped' : 'message.failed'
  return null
}

registerOutboxHandler<CustomerMessagePayload>(CUSTOMER_MESSAGE, {
  parse: (payload) => payloadSchema.parse(payload),
  run: async (work) => {
    const receipt = await send(work.payload, work.key)
    return { providerId: receipt.providerId }
  },
  // The order's timeline says how it ended ("customer notified by Zalo", failed, given up); tries that will be
  // retried stay off it (the messages list shows them).
  settled: async (tx, work, outcome) => {
    const action = timelineAction(outcome)
    if (!action) return
    await audit(tx, null, {
      action,
      entityType: 'customer_message',
      entityId: work.payload.messageId,
      orderId: work.orderId,
      data: {
        event: work.payload.event,
        channel: work.payload.channel,
        ...(outcome.status === 'SENT' ? {} : { reason: outcome.error.slice(0, 300) }),
      },
    })
  },
})
