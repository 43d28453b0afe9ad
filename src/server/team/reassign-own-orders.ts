import 'server-only'
import type { ReassignOwnOrdersInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { reassignOwnOrdersSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'
import { transferOpenOrders } from './reassign'

/**
 * Going on a break: hand my open orders to a colleague who can fulfil them. No task is needed to give away one's own
 * work (the receiver must be able to FULFILL); the audit rows carry no task, so this is not counted as practice.
 */
export async function reassignOwnOrders(
  actor: Actor,
  input: ReassignOwnOrdersInput,
): Promise<{ count: number; to: { id: string; name: string } }> {
  return transferOpenOrders(actor, { fromId: actor.id, toId: input.toUserId, note: input.note ?? null }, null)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const reassignOwnOrdersUseCase = defineUseCase({
  name: 'reassignOwnOrders',
  tasks: 'signed-in',
  schema: reassignOwnOrdersSchema,
  run: reassignOwnOrders,
})
