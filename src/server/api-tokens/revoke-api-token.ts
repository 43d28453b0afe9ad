import 'server-only'
import { DomainError } from '@/domain/errors'
import type { RevokeApiTokenInput } from '@/lib/schemas/api-token'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { revokeApiTokenSchema } from '@/lib/schemas/api-token'
import { defineUseCase } from '../use-case'

export async function revokeApiToken(actor: Actor, input: RevokeApiTokenInput): Promise<{ id: string; revokedAt: string }> {
  authorize(actor, revokeApiTokenUseCase.tasks)
  return db().$transaction(async (tx) => {
    const now = new Date()
    const updated = await tx.apiToken.updateMany({ where: { id: input.tokenId, revokedAt: null }, data: { revokedAt: now } })
    if (updated.count === 0) throw new DomainError('NOT_FOUND', 'errors.notFound')
    await audit(tx, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: input.tokenId, task: 'MANAGE_TEAM' })
    return { id: input.tokenId, revokedAt: now.toISOString() }
  })
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const revokeApiTokenUseCase = defineUseCase({
  name: 'revokeApiToken',
  tasks: 'MANAGE_TEAM',
  schema: revokeApiTokenSchema,
  run: revokeApiToken,
})
