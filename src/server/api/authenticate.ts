import 'server-only'
import { actorQuery, toActor, type Actor, type ActorRow } from '../auth/actor'
import { sql, utcRead, utcWrite } from '../db'
import { hashToken, TOKEN_PREFIX } from '../api-tokens/token-secret'

const LAST_USED_RESOLUTION_MS = 60_000

// The token and its owner with their skills in one round trip (this runs before every API request). A token answers
// only while its owner's credentials are the ones it was made under: a password reset or a deactivation moves
// "credentialVersion" on, and since it never moves back, reactivation does not revive the old tokens.
const TOKEN_ACTOR = actorQuery({
  columns: `t.id AS "tokenId", ${utcRead('t."lastUsedAt"')} AS "lastUsedAt", `,
  from: '"ApiToken" t JOIN "User" u ON u.id = t."userId"',
  where: 't."tokenHash" = $1 AND t."revokedAt" IS NULL AND t."credentialVersion" = u."credentialVersion"',
})

/** The staff member behind `Authorization: Bearer hof_…`, or null (unknown, revoked, made before the owner's last password reset or
 * deactivation, or owner deactivated). */
export async function authenticateBearer(header: string | null, now = new Date()): Promise<{ actor: Actor; tokenId: string } | null> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '')
  const token = match?.[1]
  if (!token || !token.startsWith(TOKEN_PREFIX)) return null
  const [row] = await sql<ActorRow & { tokenId: string; lastUsedAt: Date | null }>(TOKEN_ACTOR, [hashToken(token)])
  const actor = toActor(row, null)
  if (!row || !actor) return null
  // "Last used" to the minute is enough, and saves a write on almost every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await sql(`UPDATE "ApiToken" SET "lastUsedAt" = ${utcWrite('$2')} WHERE id = $1::uuid`, [row.tokenId, now])
  }
  return { actor, tokenId: row.tokenId }
}
