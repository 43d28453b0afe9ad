import 'server-only'
import { DomainError } from '@/domain/errors'
import type { RetryMessageInput } from '@/lib/schemas/messages'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { retryOutboxEntry } from '../outbox/retry'
import { retryMessageSchema } from '@/lib/schemas/messages'
import { defineUseCase } from '../use-case'

/** A manager sends a failed or given-up message again (audited, on the order's timeline). */
export async function retryMessage(actor: Actor, input: RetryMessageInput): Promise<{ messageId: string }> {
  const { task } = authorize(actor, retryMessageUseCase.tasks)
  return db().$transaction(async (tx) => {
    const message = await tx.customerMessage.findUnique({
      where: { id: input.messageId },
      select: { outboxEntryId: true, orderId: true, channel: true, event: true },
    })
    if (!message) throw new DomainError('NOT_FOUND', 'errors.notFound')
    if (!message.outboxEntryId || !(await retryOutboxEntry(tx, message.outboxEntryId)))
      throw new DomainError('CONFLICT', 'manager.messages.errors.notRetryable')
    await audit(tx, actor, {
      action: 'message.retried',
      entityType: 'customer_message',
      entityId: input.messageId,
      orderId: message.orderId,
      task,
      data: { event: message.event, channel: message.channel },
    })
    return { messageId: input.messageId }
  })
}

export const retryMessageUseCase = defineUseCase({
  name: 'retryMessage',
  tasks: 'MANAGE_TEAM',
  schema: retryMessageSchema,
  run: retryMessage,
})
