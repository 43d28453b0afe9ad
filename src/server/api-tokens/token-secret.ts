import 'server-only'
import { createHash, randomBytes } from 'node:crypto'

export const TOKEN_PREFIX = 'hof_'

/** A new secret: shown once to the manager, stored only as its SHA-256 (a long random secret needs no slow hash). */
export function newTokenSecret(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  return { token, hash: hashToken(token), prefix: token.slice(0, 12) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
