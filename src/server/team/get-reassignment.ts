import 'server-only'
import type { UserIdInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { loadReassignment, type ReassignmentDTO } from './reassign'

/** A person's open orders and the colleagues who could take them over (manager view). */
export async function getReassignment(actor: Actor, input: UserIdInput, now = new Date()): Promise<ReassignmentDTO> {
  authorize(actor, 'MANAGE_TEAM')
  return loadReassignment(input.userId, now)
}
