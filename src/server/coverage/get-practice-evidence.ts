import 'server-only'
import { practiceWarnings } from '@/domain/coverage'
import { DAY_MS } from '@/domain/opening-hours'
import { TASKS, type HomeRole, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { loadStaffMembers, ref, type PersonRef } from './snapshot'

export const EVIDENCE_DAYS = 90
export const STALE_DAYS = 30

export interface PracticeEvidenceDTO {
  since: string
  days: number
  staleDays: number
  people: Array<{ person: PersonRef; homeRole: HomeRole; tasks: Partial<Record<Task, { count: number; lastAt: string }>> }>
  warnings: Array<{ task: Task; backup: PersonRef; lastDoneAt: string | null; daysSince: number | null }>
}

/**
 * Evidence from practice: per person and task, how often and how recently they actually did it (the audit trail's
 * actor, task and time over the last 90 days), and a warning where the only backup for a task has gone rusty.
 */
export async function getPracticeEvidence(actor: Actor, now = new Date()): Promise<PracticeEvidenceDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const since = new Date(now.getTime() - EVIDENCE_DAYS * DAY_MS)
  const [staff, groups] = await Promise.all([
    loadStaffMembers(),
    // One aggregate row per (person, task): the audit table may hold millions of rows, none of which are loaded.
    db().auditEvent.groupBy({
      by: ['actorId', 'task'],
      where: { at: { gte: since, lte: now }, actorId: { not: null }, task: { not: null } },
      _count: { _all: true },
      _max: { at: true },
    }),
  ])
  const active = staff.filter((m) => m.active)
  const lastDone = new Map<string, Map<Task, Date>>()
  const perPerson = new Map<string, Partial<Record<Task, { count: number; lastAt: string }>>>()
  for (const g of groups) {
    if (!g.actorId || !g.task || !g._max.at) continue
    const tasks = perPerson.get(g.actorId) ?? {}
    tasks[g.task] = { count: g._count._all, lastAt: g._max.at.toISOString() }
    perPerson.set(g.actorId, tasks)
    const map = lastDone.get(g.actorId) ?? new Map<Task, Date>()
    map.set(g.task, g._max.at)
    lastDone.set(g.actorId, map)
  }

  // A backup with nothing in the window may still have done the task before it: ask the index for that one pair, so
  // "never" really means never.
  const warnings = await Promise.all(
    practiceWarnings(active, lastDone, now, STALE_DAYS).map(async (w) => {
      let last = w.lastDoneAt
      if (!last) {
        const older = await db().auditEvent.findFirst({
          where: { actorId: w.backup.id, task: w.task, at: { lt: since } },
          orderBy: { at: 'desc' },
          select: { at: true },
        })
        last = older?.at ?? null
      }
      return {
        task: w.task,
        backup: ref(w.backup),
        lastDoneAt: last?.toISOString() ?? null,
        daysSince: last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null,
      }
    }),
  )

  return {
    since: since.toISOString(),
    days: EVIDENCE_DAYS,
    staleDays: STALE_DAYS,
    people: active.map((m) => ({ person: ref(m), homeRole: m.homeRole, tasks: perPerson.get(m.id) ?? {} })),
    warnings: warnings.sort((a, b) => TASKS.indexOf(a.task) - TASKS.indexOf(b.task)),
  }
}
