import 'server-only'
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { DomainError } from '@/domain/errors'
import { einvoiceEnv, sessionSecret } from './env'

// Secrets stored in the database (an e-invoice provider's password, the SMTP password, the Zalo token): AES-256-GCM
// under HANDOFF_SECRETS_KEY, which lives only in the environment (docs/security.md, "Secrets at rest"); without it, a
// key derived from NEXTAUTH_SECRET (so `npm run dev` works with no extra setting; rotating NEXTAUTH_SECRET then makes
// stored secrets unreadable, so production sets HANDOFF_SECRETS_KEY). Stored as "v1.<iv>.<tag>.<ciphertext>" in
// base64url; the authentication tag makes a tampered or foreign value fail instead of decrypting to garbage.

const VERSION = 'v1'

function key(source: Record<string, string | undefined> = process.env): Buffer {
  const { HANDOFF_SECRETS_KEY } = einvoiceEnv(source)
  if (HANDOFF_SECRETS_KEY) return Buffer.from(HANDOFF_SECRETS_KEY, 'base64')
  const fallback = sessionSecret(source)
  if (!fallback) throw new DomainError('CONFLICT', 'errors.secretsKeyMissing')
  return Buffer.from(hkdfSync('sha256', fallback, 'handoff', 'stored-provider-secrets', 32))
}

/** Encrypts a secret; `context` (e.g. "einvoice:VIETTEL") is bound to it, so a value cannot be moved to another use. */
export function sealSecret(plain: string, context: string, source?: Record<string, string | undefined>): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(source), iv)
  cipher.setAAD(Buffer.from(context))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

/** Decrypts what sealSecret stored; throws when the key, the context or the value is not the one it was sealed with. */
export function openSecret(sealed: string, context: string, source?: Record<string, string | undefined>): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret')
  const decipher = createDecipheriv('aes-256-gcm', key(source), Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(context))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
