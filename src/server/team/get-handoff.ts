import 'server-only'
import type { UserIdInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { loadHandoff, type HandoffDTO } from './handoff'

/** A person's open orders and the colleagues who could take them over (manager view). */
export async function getHandoff(actor: Actor, input: UserIdInput, now = new Date()): Promise<HandoffDTO> {
  authorize(actor, 'MANAGE_TEAM')
  return loadHandoff(input.userId, now)
}
