import 'server-only'
import type { AbsenceIdInput } from '@/lib/schemas/absence'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { endOrCancelAbsence } from './rules'

/** Someone is back early (end the absence now) or a planned absence is called off (remove it). */
export async function endAbsence(actor: Actor, input: AbsenceIdInput, now = new Date()): Promise<{ id: string; outcome: 'ended' | 'cancelled' }> {
  authorize(actor, 'MANAGE_TEAM')
  return db().$transaction((tx) => endOrCancelAbsence(tx, actor, input.absenceId, now, 'MANAGE_TEAM'))
}
