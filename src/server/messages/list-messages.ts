import 'server-only'
import { maskRecipient, type MessageChannel, type MessageEvent } from '@/domain/customer-messages'
import { formatOrderNumber } from '@/domain/numbering'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'

export type MessageStatus = 'SKIPPED' | 'PENDING' | 'SENDING' | 'RETRYING' | 'SENT' | 'FAILED' | 'DEAD'

export interface MessageRowDTO {
  id: string
  at: string
  orderId: string
  orderNumber: string
  customerName: string
  event: MessageEvent
  channel: MessageChannel | null
  /** Masked. */
  recipient: string | null
  status: MessageStatus
  /** Why it was skipped (NO_CONSENT, NO_CONTACT, NO_CHANNEL) or the last failure. */
  reason: string | null
  attempts: number
  retryable: boolean
}

export const MESSAGE_LIST_LIMIT = 200

/** The latest messages to customers with their state, failed and given-up ones first-class (the manager's list). */
export async function listMessages(actor: Actor, filter: { problems?: boolean } = {}): Promise<MessageRowDTO[]> {
  authorize(actor, listMessagesUseCase.tasks)
  const [rows, business] = await Promise.all([
    db().customerMessage.findMany({
      where: filter.problems ? { outboxEntry: { status: { in: ['FAILED', 'DEAD', 'RETRYING'] } } } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MESSAGE_LIST_LIMIT,
      select: {
        id: true,
        createdAt: true,
        orderId: true,
        event: true,
        channel: true,
        recipient: true,
        skipReason: true,
        order: { select: { number: true } },
        customer: { select: { name: true } },
        outboxEntry: { select: { status: true, attempts: true, lastError: true } },
      },
    }),
    db().businessSettings.findUnique({ where: { id: 1 }, select: { orderPrefix: true } }),
  ])
  return rows.map((r) => {
    const status: MessageStatus = r.outboxEntry?.status ?? 'SKIPPED'
    return {
      id: r.id,
      at: r.createdAt.toISOString(),
      orderId: r.orderId,
      orderNumber: formatOrderNumber(business?.orderPrefix ?? 'DH', r.order.number),
      customerName: r.customer.name,
      event: r.event,
      channel: r.channel,
      recipient: r.recipient ? maskRecipient(r.recipient) : null,
      status,
      reason: r.skipReason ?? r.outboxEntry?.lastError ?? null,
      attempts: r.outboxEntry?.attempts ?? 0,
      retryable: status === 'FAILED' || status === 'DEAD',
    }
  })
}

export const listMessagesUseCase = defineUseCase({ name: 'listMessages', tasks: 'MANAGE_TEAM' })
