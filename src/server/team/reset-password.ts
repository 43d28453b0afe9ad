import 'server-only'
import { DomainError } from '@/domain/errors'
import { isWeakPassword, type ResetPasswordInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { hashPassword } from '../auth/password'
import { forgetAccount } from '../auth/throttle'
import { endTokensOf } from '../api-tokens/end-tokens'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { lockUser } from './guards'
import { resetPasswordSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/** Set a new password for someone who forgot theirs: it also lifts the sign-in waits counted against their account and
 * ends their open sessions and API tokens. */
export async function resetPassword(actor: Actor, input: ResetPasswordInput): Promise<{ id: string }> {
  authorize(actor, resetPasswordUseCase.tasks)
  const person = await db().user.findUnique({ where: { id: input.userId }, select: { name: true, email: true } })
  if (!person) throw new DomainError('NOT_FOUND', 'errors.notFound')
  if (isWeakPassword(input.password, person)) throw new DomainError('INVALID', 'manager.team.errors.weakPassword', {}, 'password')
  const passwordHash = await hashPassword(input.password)
  const result = await db().$transaction(async (tx) => {
    await lockUser(tx, input.userId)
    await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true },
    })
    const tokensRevoked = await endTokensOf(tx, input.userId)
    // The password itself never reaches the audit trail.
    await audit(tx, actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: input.userId,
      task: 'MANAGE_TEAM',
      data: { tokensRevoked },
    })
    return { id: input.userId }
  })
  await forgetAccount(person.email)
  return result
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const resetPasswordUseCase = defineUseCase({
  name: 'resetPassword',
  tasks: 'MANAGE_TEAM',
  schema: resetPasswordSchema,
  run: resetPassword,
})
