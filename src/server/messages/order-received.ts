import 'server-only'
import { randomUUID } from 'node:crypto'
import type { MessageChannel, MessageDecision } from '@/domain/customer-messages'
import type { MessageSettings } from '@/generated/prisma/client'
import { sqlTransaction, type SqlQuery } from '../db'
import { outboxEnv } from '../env'
import { sendJobThrough } from '../outbox/enqueue'
import { sqlTransactionDb } from '../outbox/queue'
import type { AuditEntry } from '../audit'
import { CUSTOMER_MESSAGE, decideUnder, messagePayload, messageRow, messageVars, skippedAudit, type MessageBusiness } from './decide'
import { providerConfigOf, type ProviderConfig } from './settings'

// The "order received" message, decided by the order's own insert (create-order.ts, docs/decisions/007 and 020) with
// the functions every other message is decided with (decide.ts): the same rule, the same row, the same payload.

/** The customer as the order's read returns them: what the decision needs. */
export interface IntakeRecipient {
  id: string
  language: string | null
  preferredChannel: MessageChannel | null
  messageConsent: boolean
  email: string | null
  phone: string | null
}

export interface OrderReceived {
  config: ProviderConfig
  decision: MessageDecision
}

const EVENT = 'ORDER_RECEIVED'

/** The decision for a new order, or null when the event is switched off (or the settings row is missing). */
export function decideOrderReceived(
  settings: Omit<MessageSettings, 'id' | 'updatedAt'> | null,
  customer: IntakeRecipient,
  orderId: string,
): OrderReceived | null {
  if (!settings) return null
  const config = providerConfigOf(settings)
  const decision = decideUnder(config, EVENT, orderId, customer)
  return decision ? { config, decision } : null
}

/** The timeline row of a skipped message, for the order's own audit rows (by "System"). */
export function orderReceivedAudit(received: OrderReceived | null, orderId: string): AuditEntry[] {
  return received && 'skip' in received.decision ? [skippedAudit(EVENT, orderId, received.decision)] : []
}

/** The order statement's message parameters when nothing is sent: no message, or a skipped one (no order number). */
export function unsentMessageParams(received: OrderReceived | null, orderId: string, customerId: string): unknown[] {
  const row = received && 'skip' in received.decision ? messageRow(EVENT, orderId, customerId, received.decision) : null
  return [null, row && JSON.stringify(row), null]
}

export interface NewOrder {
  id: string
  customerId: string
  mode: 'PICKUP' | 'DELIVERY'
  trackingToken: string
  business: MessageBusiness
}

/**
 * Insert an order together with its message to send, in one transaction: its number first (the text names it), then
 * the order's statement, which also writes the message and its outbox entry (`insert`, given the number, the message
 * row and the entry as parameters), then the entry's pg-boss job, as enqueueOutbox does. A failure anywhere (the
 * idempotency key taken by a concurrent submission, a closed drawer) rolls all of it back.
 */
export async function insertWithOrderReceived<T>(
  received: OrderReceived,
  order: NewOrder,
  insert: (query: SqlQuery, messageParams: unknown[]) => Promise<T>,
): Promise<T> {
  const { config, decision } = received
  if (!('to' in decision)) throw new Error('insertWithOrderReceived: the message is not to be sent')
  return sqlTransaction(async (query) => {
    const [seq] = await query<{ number: number }>(`SELECT nextval(pg_get_serial_sequence('"Order"', 'number'))::int AS number`)
    const number = seq!.number
    const vars = messageVars(
      order.business,
      { number, ...order, customerId: order.customerId },
      { event: EVENT, orderId: order.id },
      decision.language,
    )
    const payload = messagePayload(config, EVENT, order.customerId, decision, vars)
    const entryId = randomUUID()
    const maxAttempts = outboxEnv().HANDOFF_OUTBOX_MAX_ATTEMPTS
    const row = messageRow(EVENT, order.id, order.customerId, decision, { id: payload.messageId, outboxEntryId: entryId })
    const entry = { id: entryId, kind: CUSTOMER_MESSAGE, key: decision.key, payload, maxAttempts }
    const result = await insert(query, [number, JSON.stringify(row), JSON.stringify(entry)])
    await sendJobThrough(sqlTransactionDb(query), entryId, maxAttempts)
    return result
  })
}
