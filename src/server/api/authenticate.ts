import 'server-only'
import { loadActor, type Actor } from '../auth/actor'
import { db } from '../db'
import { hashToken, TOKEN_PREFIX } from '../api-tokens/token-secret'

const LAST_USED_RESOLUTION_MS = 60_000

/** The staff member behind `Authorization: Bearer hof_…`, or null (unknown, revoked, or owner deactivated). */
export async function authenticateBearer(header: string | null, now = new Date()): Promise<{ actor: Actor; tokenId: string } | null> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '')
  const token = match?.[1]
  if (!token || !token.startsWith(TOKEN_PREFIX)) return null
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } })
  if (!row || row.revokedAt) return null
  const actor = await loadActor(row.userId, null)
  if (!actor) return null
  // "Last used" to the minute is enough, and saves a write on almost every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } })
  }
  return { actor, tokenId: row.id }
}
