// Session cookie policy, in one place so it can be tested for a production environment. next-auth's own cookie
// names follow NEXTAUTH_URL: `__Secure-next-auth.session-token` (and `__Host-next-auth.csrf-token`), `Secure`,
// `HttpOnly`, `SameSite=Lax` when the app's address is https; the proxy's getToken() derives the same name from the
// same variable, so both always agree. A production server whose public address is plain http would send the session
// cookie unprefixed and without `Secure`: that is refused as a configuration error (sign-in fails and the log says
// why). Loopback addresses are the exception — `next start` on 127.0.0.1 for the end-to-end tests and the crash test.

export type Env = Partial<Record<'NODE_ENV' | 'NEXTAUTH_URL', string | undefined>>

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname) || url.hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)
}

export interface CookiePolicy {
  /** Prefixed (`__Secure-`/`__Host-`) and `Secure` cookies. */
  secure: boolean
  /** Set when sessions must not be handed out in this environment. */
  problem?: string
}

export function cookiePolicy(env: Env = process.env): CookiePolicy {
  let url: URL | null = null
  try {
    url = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL) : null
  } catch {
    url = null
  }
  const secure = url?.protocol === 'https:'
  if (env.NODE_ENV === 'production' && !secure && !(url && isLoopback(url))) {
    return {
      secure,
      problem: 'NEXTAUTH_URL must be the https:// address of this server in production: session cookies are only sent Secure and prefixed.',
    }
  }
  return { secure }
}

/** Every cookie next-auth sets: HttpOnly, SameSite=Lax, path /, and in a secure deployment `Secure` and prefixed. */
export function sessionCookies(policy: CookiePolicy) {
  const prefix = policy.secure ? '__Secure-' : ''
  const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: policy.secure }
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${policy.secure ? '__Host-' : ''}next-auth.csrf-token`, options },
  }
}
