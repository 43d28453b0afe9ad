import 'server-only'
import { crossRoleCounts } from '@/domain/coverage'
import { weekStart } from '@/domain/kpis'
import { addDays, businessDay, dayBounds } from '@/domain/opening-hours'
import { TASKS, type HomeRole, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { loadBusinessClock } from './snapshot'

export interface CrossRoleWeekDTO {
  from: string
  to: string
  total: number
  byTask: Record<Task, number>
}

export interface CrossRoleWorkDTO {
  thisWeek: CrossRoleWeekDTO & {
    rows: Array<{ person: { id: string; name: string; homeRole: HomeRole }; task: Task; count: number }>
    byPerson: Array<{ person: { id: string; name: string; homeRole: HomeRole }; count: number }>
  }
  /** The same span of last week (Monday to the same weekday and time), so the comparison is like for like. */
  lastWeek: CrossRoleWeekDTO
}

/**
 * Proof that cross-training is used: work done this week by people covering a task their home role does not own
 * (AuditEvent.crossRole), per task and per person. Each order (or document) counts once per person and task, so an
 * order fulfilled in three steps is one order fulfilled.
 */
export async function getCrossRoleWork(actor: Actor, now = new Date()): Promise<CrossRoleWorkDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const { timeZone } = await loadBusinessClock()
  const monday = weekStart(businessDay(now, timeZone))
  const thisFrom = dayBounds(monday, timeZone).start
  const lastFrom = dayBounds(addDays(monday, -7), timeZone).start
  const lastTo = new Date(lastFrom.getTime() + (now.getTime() - thisFrom.getTime()))
  // Cross-role rows of one week are few (a handful per day in a small business); only three columns are read.
  const counted = async (from: Date, to: Date) => {
    const events = await db().auditEvent.findMany({
      where: { crossRole: true, at: { gte: from, lt: to }, actorId: { not: null }, task: { not: null } },
      distinct: ['actorId', 'task', 'orderId', 'entityId'],
      select: { actorId: true, task: true },
    })
    return crossRoleCounts(events.flatMap((e) => (e.actorId && e.task ? [{ actorId: e.actorId, task: e.task, crossRole: true }] : [])))
  }
  const [thisWeek, lastWeek] = await Promise.all([counted(thisFrom, new Date(now.getTime() + 1)), counted(lastFrom, lastTo)])
  const ids = [...thisWeek.byActor.keys()]
  const people = new Map(
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, homeRole: true } })).map((u) => [u.id, u]),
  )
  const person = (id: string) => people.get(id) ?? { id, name: '?', homeRole: 'BACK_OFFICE' as HomeRole }
  const zero = () => Object.fromEntries(TASKS.map((t) => [t, 0])) as Record<Task, number>
  return {
    thisWeek: {
      from: thisFrom.toISOString(),
      to: now.toISOString(),
      total: thisWeek.total,
      byTask: { ...zero(), ...thisWeek.byTask },
      rows: thisWeek.rows.map((r) => ({ person: person(r.actorId), task: r.task, count: r.count })),
      byPerson: [...thisWeek.byActor]
        .map(([id, count]) => ({ person: person(id), count }))
        .sort((a, b) => b.count - a.count || a.person.name.localeCompare(b.person.name)),
    },
    lastWeek: { from: lastFrom.toISOString(), to: lastTo.toISOString(), total: lastWeek.total, byTask: { ...zero(), ...lastWeek.byTask } },
  }
}
