import 'server-only'
import { levelOf, TASKS, type HomeRole, type Skills, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { BANK_USER_ID } from '../transfers/bank-actor'

export interface StaffRowDTO {
  id: string
  name: string
  email: string
  homeRole: HomeRole
  active: boolean
  skills: Record<Task, number>
}

/** The team with every task's level (0 when never set). Never includes password hashes or login counters. */
export async function listStaff(actor: Actor): Promise<StaffRowDTO[]> {
  authorize(actor, 'MANAGE_TEAM')
  const users = await db().user.findMany({
    // The bank's system actor (transfers/bank-actor.ts) is nobody's colleague.
    where: { id: { not: BANK_USER_ID } },
    orderBy: [{ active: 'desc' }, { homeRole: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, email: true, homeRole: true, active: true, skills: { select: { task: true, level: true } } },
  })
  return users.map((u) => {
    const recorded: Skills = Object.fromEntries(u.skills.map((s) => [s.task, s.level]))
    // Effective levels: a home-role task nobody recorded counts as expert (see src/domain/permissions.ts).
    const skills = Object.fromEntries(TASKS.map((t) => [t, levelOf({ homeRole: u.homeRole, skills: recorded }, t)])) as Record<Task, number>
    return { id: u.id, name: u.name, email: u.email, homeRole: u.homeRole, active: u.active, skills }
  })
}
