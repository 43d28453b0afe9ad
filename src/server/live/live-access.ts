import 'server-only'
import { mayCall, ORDER_READERS } from '@/domain/permissions'
import type { Actor } from '../auth/actor'

/**
 * How often an open stream asks again whether its person may still follow it (one indexed read of the person and
 * their skills): a deactivation, logout, password reset or a change of role or skills ends their open streams within
 * this time (issue 20: a deactivated person's stream ran on for 58.5 s when this was a minute).
 */
export const LIVE_RECHECK_MS = 3_000

/** Transfer changes (an id and a status) go only to those who may see the unmatched transfers list. */
export function mayFollowTransfers(actor: Actor): boolean {
  return mayCall(actor, 'RECORD_PAYMENT')
}

export function mayFollowOrders(actor: Actor | null): actor is Actor {
  // Whoever may read orders at the desk or in the back office may follow their changes (the stream names no data).
  return actor !== null && mayCall(actor, ORDER_READERS)
}
