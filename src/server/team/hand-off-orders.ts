import 'server-only'
import type { HandOffOrdersInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { transferOpenOrders } from './handoff'

/** The manager hands someone's open orders to a colleague who can fulfil them (break, sickness, leave). */
export async function handOffOrders(actor: Actor, input: HandOffOrdersInput): Promise<{ count: number; to: { id: string; name: string } }> {
  authorize(actor, 'MANAGE_TEAM')
  return transferOpenOrders(actor, { fromId: input.fromUserId, toId: input.toUserId, note: input.note ?? null }, 'MANAGE_TEAM')
}
