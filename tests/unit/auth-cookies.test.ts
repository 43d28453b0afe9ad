import { afterEach, describe, expect, it, vi } from 'vitest'
import { cookiePolicy, sessionCookies } from '@/server/auth/cookies'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

describe('session cookies', () => {
  it('in production behind https: HttpOnly, SameSite=Lax, Secure and __Secure-/__Host- prefixed', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('NEXTAUTH_URL', 'https://handoff.example.com')
    const { authOptions } = await import('@/server/auth/options')
    expect(authOptions.useSecureCookies).toBe(true)
    const cookies = authOptions.cookies!
    expect(cookies.sessionToken!.name).toBe('__Secure-next-auth.session-token')
    expect(cookies.callbackUrl!.name).toBe('__Secure-next-auth.callback-url')
    expect(cookies.csrfToken!.name).toBe('__Host-next-auth.csrf-token')
    for (const c of [cookies.sessionToken!, cookies.callbackUrl!, cookies.csrfToken!]) {
      expect(c.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: true })
      // __Host- cookies must not name a domain.
      expect(c.options).not.toHaveProperty('domain')
    }
  })

  it('a production server on a plain-http public address is a configuration error, refused at sign-in', async () => {
    expect(cookiePolicy({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://shop.example.com' }).problem).toMatch(/https/)
    expect(cookiePolicy({ NODE_ENV: 'production', NEXTAUTH_URL: undefined }).problem).toMatch(/https/)
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('NEXTAUTH_URL', 'http://192.168.1.20:3000')
    const { authOptions } = await import('@/server/auth/options')
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } }
    const errors: unknown[] = []
    vi.mocked(console.error).mockImplementationOnce((...args: unknown[]) => void errors.push(args))
    expect(await provider.options.authorize({ email: 'manager@example.com', password: 'handoff-demo' }, {})).toBeNull()
    expect(String(errors[0])).toMatch(/sign-in refused: NEXTAUTH_URL must be/)
  })

  it('loopback production servers (end-to-end and crash tests) and development keep unprefixed, non-Secure cookies', () => {
    for (const env of [
      { NODE_ENV: 'production', NEXTAUTH_URL: 'http://127.0.0.1:3100' },
      { NODE_ENV: 'production', NEXTAUTH_URL: 'http://localhost:3000' },
      { NODE_ENV: 'development', NEXTAUTH_URL: 'http://localhost:3000' },
      { NODE_ENV: 'test', NEXTAUTH_URL: undefined },
    ]) {
      const policy = cookiePolicy(env)
      expect(policy, JSON.stringify(env)).toEqual({ secure: false })
      expect(sessionCookies(policy).sessionToken).toEqual({
        name: 'next-auth.session-token',
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false },
      })
    }
  })

  it("uses the same name the proxy's getToken() looks for", async () => {
    // getToken() (next-auth/jwt) picks `__Secure-next-auth.session-token` exactly when NEXTAUTH_URL is https.
    for (const url of ['https://handoff.example.com', 'http://127.0.0.1:3100']) {
      const policy = cookiePolicy({ NODE_ENV: 'production', NEXTAUTH_URL: url })
      expect(sessionCookies(policy).sessionToken.name).toBe(
        url.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token',
      )
    }
  })
})
