import 'server-only'
import type { ReassignOrdersInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { reassignOrdersSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'
import { transferOpenOrders } from './reassign'

/** The manager hands someone's open orders to a colleague who can fulfil them (break, sickness, leave). */
export async function reassignOrders(
  actor: Actor,
  input: ReassignOrdersInput,
): Promise<{ count: number; to: { id: string; name: string } }> {
  authorize(actor, reassignOrdersUseCase.tasks)
  return transferOpenOrders(actor, { fromId: input.fromUserId, toId: input.toUserId, note: input.note ?? null }, 'MANAGE_TEAM')
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const reassignOrdersUseCase = defineUseCase({
  name: 'reassignOrders',
  tasks: 'MANAGE_TEAM',
  schema: reassignOrdersSchema,
  run: reassignOrders,
})
