import 'server-only'
import { DomainError } from '@/domain/errors'
import { TASKS } from '@/domain/permissions'
import { setIndexTasksSchema, type SetIndexTasksInput } from '@/lib/schemas/roster'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'

/** Leave tasks out of the cover index (a one-manager shop does not want "manage team" to cap it). */
export async function setIndexTasks(actor: Actor, input: SetIndexTasksInput): Promise<{ excluded: string[] }> {
  authorize(actor, setIndexTasksUseCase.tasks)
  const excluded = TASKS.filter((t) => input.excluded.includes(t))
  if (excluded.length === TASKS.length) throw new DomainError('INVALID', 'manager.roster.errors.allExcluded', {}, 'excluded')
  return db().$transaction(async (tx) => {
    const before = await tx.businessSettings.findUniqueOrThrow({ where: { id: 1 }, select: { coverExcludedTasks: true } })
    await tx.businessSettings.update({ where: { id: 1 }, data: { coverExcludedTasks: excluded }, select: { id: true } })
    await audit(tx, actor, {
      action: 'settings.cover_index_tasks',
      entityType: 'settings',
      entityId: '1',
      task: 'MANAGE_TEAM',
      before: { excluded: before.coverExcludedTasks },
      after: { excluded },
    })
    return { excluded }
  })
}

export const setIndexTasksUseCase = defineUseCase({
  name: 'setIndexTasks',
  tasks: 'MANAGE_TEAM',
  schema: setIndexTasksSchema,
  run: setIndexTasks,
})
