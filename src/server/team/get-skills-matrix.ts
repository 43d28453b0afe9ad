import 'server-only'
import { businessDay } from '@/domain/opening-hours'
import { levelOf, TASKS, type HomeRole, type Skills, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

export interface SkillCellDTO {
  /** Effective level (permissions.levelOf): the recorded one, else 0 (ADR 013). */
  level: number
  /** False when nobody recorded a level: the person holds nothing for this task. */
  recorded: boolean
  /** Carried over by the migration of ADR 013 (what the home role used to grant), not certified by anyone. */
  migrated: boolean
  certifiedBy: string | null
  certifiedAt: string | null
  /** YYYY-MM-DD, or null when no review is planned. */
  reviewDueOn: string | null
}

/** A certification whose review date has passed (active people only), oldest first. */
export interface OverdueReviewDTO {
  person: { id: string; name: string }
  task: Task
  level: number
  reviewDueOn: string
}

export interface SkillsMatrixDTO {
  staff: Array<{ id: string; name: string; homeRole: HomeRole; isSelf: boolean; cells: Record<Task, SkillCellDTO> }>
  overdueReviews: OverdueReviewDTO[]
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
export async function getSkillsMatrix(actor: Actor, now = new Date()): Promise<SkillsMatrixDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const [users, history] = await Promise.all([
    db().user.findMany({
      where: { active: true },
      orderBy: [{ homeRole: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        homeRole: true,
        skills: {
          select: {
            task: true,
            level: true,
            certifiedAt: true,
            migrated: true,
            reviewDueOn: true,
            certifiedBy: { select: { name: true } },
          },
        },
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
  const today = businessDay(now, (await getSettings()).timeZone)
  const overdueReviews = users
    .flatMap((u) =>
      u.skills
        .filter((s) => s.reviewDueOn && ymd(s.reviewDueOn) < today)
        .map((s) => ({ person: { id: u.id, name: u.name }, task: s.task, level: s.level, reviewDueOn: ymd(s.reviewDueOn!) })),
    )
    .sort((a, b) => a.reviewDueOn.localeCompare(b.reviewDueOn) || a.person.name.localeCompare(b.person.name))
  return {
    overdueReviews,
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
              migrated: row?.migrated ?? false,
              certifiedBy: row?.certifiedBy?.name ?? null,
              certifiedAt: row ? row.certifiedAt.toISOString() : null,
              reviewDueOn: row?.reviewDueOn ? ymd(row.reviewDueOn) : null,
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

const ymd = (d: Date) => d.toISOString().slice(0, 10)
