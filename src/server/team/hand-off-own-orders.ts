import 'server-only'
import type { HandOffOwnOrdersInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { transferOpenOrders } from './handoff'
import { handOffOwnOrdersSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/**
 * Going on a break: hand my open orders to a colleague who can fulfil them. No task is needed to give away one's own
 * work (the receiver must be able to FULFILL); the audit rows carry no task, so this is not counted as practice.
 */
export async function handOffOwnOrders(actor: Actor, input: HandOffOwnOrdersInput): Promise<{ count: number; to: { id: string; name: string } }> {
  return transferOpenOrders(actor, { fromId: actor.id, toId: input.toUserId, note: input.note ?? null }, null)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const handOffOwnOrdersUseCase = defineUseCase({ name: 'handOffOwnOrders', tasks: 'signed-in', schema: handOffOwnOrdersSchema, run: handOffOwnOrders })
