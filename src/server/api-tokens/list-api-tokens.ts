import 'server-only'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'

export interface ApiTokenDTO {
  id: string
  name: string
  prefix: string
  user: { id: string; name: string }
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** Tokens with their owner and last use; never the secret or its hash. */
export async function listApiTokens(actor: Actor): Promise<ApiTokenDTO[]> {
  authorize(actor, 'MANAGE_TEAM')
  const rows = await db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true } },
    },
  })
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }))
}
