import 'server-only'
import { DAY_MS } from '@/domain/opening-hours'
import { levelOf, type Skills, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'

export interface TrainingGoalDTO {
  id: string
  person: { id: string; name: string }
  task: Task
  targetLevel: number
  currentLevel: number
  note: string | null
  dueOn: string | null
  createdAt: string
  createdBy: string | null
  achievedAt: string | null
}

export const ACHIEVED_SHOWN_DAYS = 90

/** Open training goals (oldest first) and those achieved in the last 90 days. */
export async function listTrainingGoals(actor: Actor, now = new Date()): Promise<TrainingGoalDTO[]> {
  authorize(actor, 'MANAGE_TEAM')
  const goals = await db().trainingGoal.findMany({
    where: {
      OR: [{ achievedAt: null, user: { active: true } }, { achievedAt: { gte: new Date(now.getTime() - ACHIEVED_SHOWN_DAYS * DAY_MS) } }],
    },
    orderBy: [{ achievedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'asc' }],
    take: 200,
    select: {
      id: true,
      task: true,
      targetLevel: true,
      note: true,
      dueOn: true,
      createdAt: true,
      achievedAt: true,
      createdBy: { select: { name: true } },
      user: { select: { id: true, name: true, homeRole: true, skills: { select: { task: true, level: true } } } },
    },
  })
  return goals.map((g) => {
    const skills: Skills = Object.fromEntries(g.user.skills.map((s) => [s.task, s.level]))
    return {
      id: g.id,
      person: { id: g.user.id, name: g.user.name },
      task: g.task,
      targetLevel: g.targetLevel,
      currentLevel: levelOf({ homeRole: g.user.homeRole, skills }, g.task),
      note: g.note,
      dueOn: g.dueOn ? g.dueOn.toISOString().slice(0, 10) : null,
      createdAt: g.createdAt.toISOString(),
      createdBy: g.createdBy?.name ?? null,
      achievedAt: g.achievedAt?.toISOString() ?? null,
    }
  })
}
