import 'server-only'
import type { ReassignOwnOrdersInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { transferOpenOrders } from './reassign'

/**
 * Going on a break: hand my open orders to a colleague who can fulfil them. No task is needed to give away one's own
 * work (the receiver must be able to FULFILL); the audit rows carry no task, so this is not counted as practice.
 */
export async function reassignOwnOrders(actor: Actor, input: ReassignOwnOrdersInput): Promise<{ count: number; to: { id: string; name: string } }> {
  return transferOpenOrders(actor, { fromId: actor.id, toId: input.toUserId, note: input.note ?? null }, null)
}
