import 'server-only'
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { readEnv } from '../env'

// Provider secrets (SMTP password, Zalo access token, SMS authorization) are stored sealed: AES-256-GCM under a key
// derived from NEXTAUTH_SECRET, so a database dump or backup alone does not hand them out. Rotating NEXTAUTH_SECRET
// makes them unreadable: enter them again in the settings (docs/security.md).

function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', readEnv().NEXTAUTH_SECRET, 'handoff', 'message-provider-secrets', 32))
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`
}

/** The secret, or null when none is stored or it cannot be opened (sealed under another NEXTAUTH_SECRET). */
export function openSecret(sealed: string | null): string | null {
  if (!sealed) return null
  const [version, iv, body, tag] = sealed.split('.')
  if (version !== 'v1' || !iv || !body || !tag) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
