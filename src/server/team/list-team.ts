import 'server-only'
import type { HomeRole } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { workLeftWhere } from '../orders/work-left'
import { BANK_USER_ID } from '../transfers/bank-actor'

export interface TeamMemberDTO {
  id: string
  name: string
  email: string
  homeRole: HomeRole
  active: boolean
  isSelf: boolean
  lastLoginAt: string | null
  createdAt: string
  /** Orders with work left assigned to them (order-status.hasWorkLeft): hand them over before a long absence. */
  openOrders: number
}

/** Everyone on the staff, active first. Never includes password hashes or login counters. */
export async function listTeam(actor: Actor): Promise<TeamMemberDTO[]> {
  authorize(actor, 'MANAGE_TEAM')
  const [users, open] = await Promise.all([
    db().user.findMany({
      // The bank's system actor (transfers/bank-actor.ts) is nobody's colleague.
      where: { id: { not: BANK_USER_ID } },
      orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, email: true, homeRole: true, active: true, lastLoginAt: true, createdAt: true },
    }),
    db().order.groupBy({
      by: ['assigneeId'],
      where: { assigneeId: { not: null }, ...workLeftWhere },
      _count: { _all: true },
    }),
  ])
  const openBy = new Map(open.map((o) => [o.assigneeId, o._count._all]))
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    homeRole: u.homeRole,
    active: u.active,
    isSelf: u.id === actor.id,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    openOrders: openBy.get(u.id) ?? 0,
  }))
}
