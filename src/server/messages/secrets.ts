import 'server-only'
import { openSecret as open, sealSecret as seal } from '../secrets'

// The message providers' secrets (SMTP password, Zalo access token, SMS authorization), sealed by the one secrets
// module (src/server/secrets.ts) and bound to this use, so a value cannot be moved to another setting.
const CONTEXT = 'message-provider'

export function sealSecret(plain: string): string {
  return seal(plain, CONTEXT)
}

/** The secret, or null when none is stored or it cannot be opened (sealed under another key). */
export function openSecret(sealed: string | null): string | null {
  if (!sealed) return null
  try {
    return open(sealed, CONTEXT)
  } catch {
    return null
  }
}
