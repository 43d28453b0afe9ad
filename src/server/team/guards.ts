import 'server-only'
import { DomainError } from '@/domain/errors'
import { can, type Task } from '@/domain/permissions'
import type { Tx } from '../db'
import { BANK_USER_ID } from '../transfers/bank-actor'

// Shared by the team use cases (not a use case itself; callers authorize first).

/** Lock one staff row for the rest of the transaction: concurrent changes to one person are serialised. */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  // The bank's system actor cannot be changed (reactivated, given a password): for the team it does not exist.
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "User" WHERE id = ${userId}::uuid AND id <> ${BANK_USER_ID}::uuid FOR UPDATE`
  if (rows.length === 0) throw new DomainError('NOT_FOUND', 'errors.notFound')
}

/**
 * After a role, skill or active change inside `tx`: someone active must still be able to manage the team, or nobody
 * could ever undo the change. Throws (rolling the change back) otherwise.
 */
export async function assertTeamStillManaged(tx: Tx): Promise<void> {
  const people = await tx.user.findMany({
    where: { active: true },
    select: { homeRole: true, skills: { where: { task: 'MANAGE_TEAM' satisfies Task }, select: { task: true, level: true } } },
  })
  const managed = people.some((p) =>
    can({ homeRole: p.homeRole, skills: Object.fromEntries(p.skills.map((s) => [s.task, s.level])) }, 'MANAGE_TEAM'),
  )
  if (!managed) throw new DomainError('CONFLICT', 'manager.team.errors.lastManager')
}
