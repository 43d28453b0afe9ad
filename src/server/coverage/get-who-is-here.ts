import 'server-only'
import { whoIsHere } from '@/domain/coverage'
import { ORDER_READERS } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { defineUseCase } from '../use-case'
import { loadAbsences, loadBusinessClock, loadStaffMembers, ref, type PersonRef } from './snapshot'

export interface WhoIsHereDTO {
  closed: boolean
  present: PersonRef[]
  onBreak: Array<PersonRef & { until: string }>
}

/** The counter's and the workshop's strip: who is here now and who is on a break (names only, no reasons). */
export async function getWhoIsHere(actor: Actor, now = new Date()): Promise<WhoIsHereDTO> {
  authorize(actor, getWhoIsHereUseCase.tasks)
  const [clock, staff, absences] = await Promise.all([
    loadBusinessClock(),
    loadStaffMembers(),
    loadAbsences(now, new Date(now.getTime() + 1)),
  ])
  const here = whoIsHere(staff, absences, clock.hours, clock.timeZone, now)
  return {
    closed: here.closed,
    present: here.present.map(ref),
    onBreak: here.onBreak.map((b) => ({ ...ref(b.member), until: b.until.toISOString() })),
  }
}

export const getWhoIsHereUseCase = defineUseCase({ name: 'getWhoIsHere', tasks: ORDER_READERS })
