import 'server-only'
import { DomainError } from '@/domain/errors'
import { isWeakPassword, type CreateStaffInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { hashPassword } from '../auth/password'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { isUniqueViolation } from '../errors'
import { createStaffSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/** Add someone to the staff with an initial password (hashed; never stored or returned in clear). */
export async function createStaff(actor: Actor, input: CreateStaffInput): Promise<{ id: string; name: string; email: string }> {
  authorize(actor, createStaffUseCase.tasks)
  if (isWeakPassword(input.password, { name: input.name, email: input.email })) {
    throw new DomainError('INVALID', 'manager.team.errors.weakPassword', {}, 'password')
  }
  // Emails are stored lower-cased (CHECK in SQL), so the unique key is case-insensitive; say so on the field.
  const taken = await db().user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (taken) throw new DomainError('CONFLICT', 'manager.team.errors.emailTaken', {}, 'email')
  const passwordHash = await hashPassword(input.password)
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, homeRole: input.homeRole, passwordHash },
        select: { id: true, name: true, email: true, homeRole: true },
      })
      await audit(tx, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        task: 'MANAGE_TEAM',
        after: { name: user.name, email: user.email, homeRole: user.homeRole },
      })
      return { id: user.id, name: user.name, email: user.email }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'manager.team.errors.emailTaken', {}, 'email')
    throw error
  }
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const createStaffUseCase = defineUseCase({ name: 'createStaff', tasks: 'MANAGE_TEAM', schema: createStaffSchema, run: createStaff })
