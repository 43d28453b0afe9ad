import 'server-only'
import type { Actor } from '../auth/actor'
import { loadReassignment, type ReassignmentDTO } from './reassign'

/** My open orders and who could take them while I am away. Everyone may see their own: no task needed. */
export async function getOwnReassignment(actor: Actor, now = new Date()): Promise<ReassignmentDTO> {
  return loadReassignment(actor.id, now)
}
