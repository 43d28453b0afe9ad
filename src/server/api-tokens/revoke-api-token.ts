import 'server-only'
import { DomainError } from '@/domain/errors'
import type { RevokeApiTokenInput } from '@/lib/schemas/api-token'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'

export async function revokeApiToken(actor: Actor, input: RevokeApiTokenInput): Promise<{ id: string; revokedAt: string }> {
  authorize(actor, 'MANAGE_TEAM')
  return db().$transaction(async (tx) => {
    const now = new Date()
    const updated = await tx.apiToken.updateMany({ where: { id: input.tokenId, revokedAt: null }, data: { revokedAt: now } })
    if (updated.count === 0) throw new DomainError('NOT_FOUND', 'errors.notFound')
    await audit(tx, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: input.tokenId, task: 'MANAGE_TEAM' })
    return { id: input.tokenId, revokedAt: now.toISOString() }
  })
}
