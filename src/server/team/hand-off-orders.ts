import 'server-only'
import type { HandOffOrdersInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { transferOpenOrders } from './handoff'
import { handOffOrdersSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/** The manager hands someone's open orders to a colleague who can fulfil them (break, sickness, leave). */
export async function handOffOrders(actor: Actor, input: HandOffOrdersInput): Promise<{ count: number; to: { id: string; name: string } }> {
  authorize(actor, handOffOrdersUseCase.tasks)
  return transferOpenOrders(actor, { fromId: input.fromUserId, toId: input.toUserId, note: input.note ?? null }, 'MANAGE_TEAM')
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const handOffOrdersUseCase = defineUseCase({ name: 'handOffOrders', tasks: 'MANAGE_TEAM', schema: handOffOrdersSchema, run: handOffOrders })
