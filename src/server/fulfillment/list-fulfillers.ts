import 'server-only'
import { can, type HomeRole, QUEUE_READERS, type Skills, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'

export interface FulfillerDTO {
  id: string
  name: string
  homeRole: HomeRole
}

/** Active staff who may fulfil orders (by skill, not only title): the people an order can be assigned to. */
export async function listFulfillers(actor: Actor): Promise<FulfillerDTO[]> {
  authorizeAny(actor, QUEUE_READERS)
  const users = await db().user.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, homeRole: true, skills: { select: { task: true, level: true } } },
  })
  return users
    .filter((u) => {
      const skills: Skills = {}
      for (const s of u.skills) skills[s.task as Task] = s.level
      return can({ homeRole: u.homeRole, skills }, 'FULFILL')
    })
    .map((u) => ({ id: u.id, name: u.name, homeRole: u.homeRole }))
}
