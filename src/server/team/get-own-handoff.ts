import 'server-only'
import type { Actor } from '../auth/actor'
import { loadHandoff, type HandoffDTO } from './handoff'

/** My open orders and who could take them while I am away. Everyone may see their own: no task needed. */
export async function getOwnHandoff(actor: Actor, now = new Date()): Promise<HandoffDTO> {
  return loadHandoff(actor.id, now)
}
