import 'server-only'
import type { SetHomeRoleInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { assertTeamStillManaged, lockUser } from './guards'
import { setHomeRoleSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/** Move someone to another home role. Their rights change at once: the session version moves on. */
export async function setHomeRole(actor: Actor, input: SetHomeRoleInput): Promise<{ id: string; homeRole: string; changed: boolean }> {
  authorize(actor, setHomeRoleUseCase.tasks)
  return db().$transaction(async (tx) => {
    await lockUser(tx, input.userId)
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { homeRole: true } })
    if (before.homeRole === input.homeRole) return { id: input.userId, homeRole: input.homeRole, changed: false }
    await tx.user.update({
      where: { id: input.userId },
      data: { homeRole: input.homeRole, sessionVersion: { increment: 1 } },
      select: { id: true },
    })
    await assertTeamStillManaged(tx)
    await audit(tx, actor, {
      action: 'user.role_changed',
      entityType: 'user',
      entityId: input.userId,
      task: 'MANAGE_TEAM',
      before: { homeRole: before.homeRole },
      after: { homeRole: input.homeRole },
    })
    return { id: input.userId, homeRole: input.homeRole, changed: true }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const setHomeRoleUseCase = defineUseCase({ name: 'setHomeRole', tasks: 'MANAGE_TEAM', schema: setHomeRoleSchema, run: setHomeRole })
