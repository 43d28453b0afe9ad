import 'server-only'
import { DomainError } from '@/domain/errors'
import type { CreateApiTokenInput } from '@/lib/schemas/api-token'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { newTokenSecret } from './token-secret'
import { createApiTokenSchema } from '@/lib/schemas/api-token'
import { defineUseCase } from '../use-case'

/** A manager creates a personal API token for a staff member; it acts with that person's permissions. */
export async function createApiToken(
  actor: Actor,
  input: CreateApiTokenInput,
): Promise<{ id: string; token: string; prefix: string; name: string }> {
  authorize(actor, createApiTokenUseCase.tasks)
  const secret = newTokenSecret()
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, active: true } })
    if (!user || !user.active) throw new DomainError('NOT_FOUND', 'errors.notFound', {}, 'userId')
    const row = await tx.apiToken.create({
      // The database binds it to the owner's credentials (credentialVersion, set by trigger): should a password reset
      // or deactivation commit meanwhile, the token is born dead.
      data: { userId: user.id, name: input.name, tokenHash: secret.hash, prefix: secret.prefix, createdById: actor.id },
      select: { id: true, name: true, prefix: true },
    })
    await audit(tx, actor, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      task: 'MANAGE_TEAM',
      data: { userId: user.id, name: input.name, prefix: row.prefix },
    })
    return { ...row, token: secret.token }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const createApiTokenUseCase = defineUseCase({
  name: 'createApiToken',
  tasks: 'MANAGE_TEAM',
  schema: createApiTokenSchema,
  run: createApiToken,
})
