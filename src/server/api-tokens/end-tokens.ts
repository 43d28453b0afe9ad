import 'server-only'
import type { Tx } from '../db'

/**
 * Inside the transaction of a password reset or a deactivation (callers authorize and lock the person first): end
 * every API token of theirs, the way their sessions end. Moving "credentialVersion" on is what the token check reads
 * (src/server/api/authenticate.ts), and it also kills a token being minted at this moment; marking the live tokens
 * revoked is what the manager sees in the token list. Returns how many tokens were revoked.
 */
export async function endTokensOf(tx: Tx, userId: string, now = new Date()): Promise<number> {
  await tx.user.update({ where: { id: userId }, data: { credentialVersion: { increment: 1 } }, select: { id: true } })
  const revoked = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
  return revoked.count
}
