import 'server-only'
import { levelOf, TASKS, type HomeRole, type Skills, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'

export interface SkillCellDTO {
  /** Effective level (permissions.levelOf): the recorded one, else 3 for a home-role task, else 0. */
  level: number
  /** False when the level comes from the home role and nobody recorded one. */
  recorded: boolean
  certifiedBy: string | null
  certifiedAt: string | null
}

export interface SkillsMatrixDTO {
  staff: Array<{ id: string; name: string; homeRole: HomeRole; isSelf: boolean; cells: Record<Task, SkillCellDTO> }>
  history: Array<{
    id: string
    at: string
    person: { id: string; name: string }
    task: Task
    from: number
    to: number
    by: string | null
    note: string | null
  }>
}

export const HISTORY_SHOWN = 30

/** The skills matrix of the active team, with who certified each level and when, and the latest changes. */
export async function getSkillsMatrix(actor: Actor): Promise<SkillsMatrixDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const [users, history] = await Promise.all([
    db().user.findMany({
      where: { active: true },
      orderBy: [{ homeRole: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        homeRole: true,
        skills: { select: { task: true, level: true, certifiedAt: true, certifiedBy: { select: { name: true } } } },
      },
    }),
    db().skillChange.findMany({
      orderBy: [{ changedAt: 'desc' }, { id: 'desc' }],
      take: HISTORY_SHOWN,
      select: {
        id: true,
        changedAt: true,
        task: true,
        fromLevel: true,
        toLevel: true,
        note: true,
        user: { select: { id: true, name: true } },
        changedBy: { select: { name: true } },
      },
    }),
  ])
  return {
    staff: users.map((u) => {
      const recorded: Skills = Object.fromEntries(u.skills.map((s) => [s.task, s.level]))
      const cells = Object.fromEntries(
        TASKS.map((task) => {
          const row = u.skills.find((s) => s.task === task)
          return [
            task,
            {
              level: levelOf({ homeRole: u.homeRole, skills: recorded }, task),
              recorded: row !== undefined,
              certifiedBy: row?.certifiedBy?.name ?? null,
              certifiedAt: row ? row.certifiedAt.toISOString() : null,
            },
          ]
        }),
      ) as Record<Task, SkillCellDTO>
      return { id: u.id, name: u.name, homeRole: u.homeRole, isSelf: u.id === actor.id, cells }
    }),
    history: history.map((h) => ({
      id: h.id,
      at: h.changedAt.toISOString(),
      person: h.user,
      task: h.task,
      from: h.fromLevel,
      to: h.toLevel,
      by: h.changedBy?.name ?? null,
      note: h.note,
    })),
  }
}
