'use server'

// "My account": things every signed-in staff member may do for themselves (their own lunch break, their own open
// orders). The use cases scope everything to the actor; no task is needed, only a live session ('signed-in';
// docs/decisions/005).
import { absenceIdSchema, planOwnLunchSchema, startOwnLunchSchema } from '@/lib/schemas/absence'
import { reassignOwnOrdersSchema } from '@/lib/schemas/team'
import { endOwnAbsence } from '@/server/absences/end-own-absence'
import { planOwnLunch } from '@/server/absences/plan-own-lunch'
import { startOwnLunch } from '@/server/absences/start-own-lunch'
import { runAction } from '@/server/action'
import { reassignOwnOrders } from '@/server/team/reassign-own-orders'

export async function startOwnLunchAction(raw: unknown) {
  return runAction('startOwnLunch', 'signed-in', startOwnLunchSchema, startOwnLunch, raw)
}
export async function planOwnLunchAction(raw: unknown) {
  return runAction('planOwnLunch', 'signed-in', planOwnLunchSchema, planOwnLunch, raw)
}
export async function endOwnAbsenceAction(raw: unknown) {
  return runAction('endOwnAbsence', 'signed-in', absenceIdSchema, endOwnAbsence, raw)
}
export async function reassignOwnOrdersAction(raw: unknown) {
  return runAction('reassignOwnOrders', 'signed-in', reassignOwnOrdersSchema, reassignOwnOrders, raw)
}
