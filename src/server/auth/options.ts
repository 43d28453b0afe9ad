import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { db } from '../db'
import { audit } from '../audit'
import { throttleEnv } from '../env'
import { clientAddress } from './client-address'
import { cookiePolicy, sessionCookies } from './cookies'
import { verifyLogin } from './verify-login'

const SESSION_HOURS = 12
const policy = cookiePolicy()

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  // HttpOnly, SameSite=Lax; Secure and __Secure-/__Host- prefixed behind https (src/server/auth/cookies.ts).
  useSecureCookies: policy.secure,
  cookies: sessionCookies(policy),
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      // Throttled or busy sign-ins throw SignInRefused; next-auth hands its message to the form as `error`.
      async authorize(credentials, req) {
        if (policy.problem) {
          console.error(`[handoff] sign-in refused: ${policy.problem}`)
          return null
        }
        const address = clientAddress(req?.headers, throttleEnv().HANDOFF_TRUSTED_PROXIES)
        const user = await verifyLogin({ email: credentials?.email ?? '', password: credentials?.password ?? '' }, { address })
        return user ? { id: user.id, sv: user.sessionVersion } : null
      },
    }),
  ],
  callbacks: {
    // The token carries only who and which session version; everything else is read fresh on every request.
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id
        token.sv = (user as { sv?: number }).sv
      }
      return token
    },
    async session({ session, token }) {
      session.user = { id: token.uid as string, sv: token.sv as number }
      return session
    },
  },
  events: {
    // Logging out ends every session of that person: the old cookie's version no longer matches.
    async signOut({ token }) {
      const uid = token?.uid
      if (typeof uid !== 'string') return
      await db().$transaction(async (tx) => {
        await tx.user.updateMany({ where: { id: uid }, data: { sessionVersion: { increment: 1 } } })
        await audit(tx, { id: uid }, { action: 'auth.logout', entityType: 'user', entityId: uid })
      })
    },
  },
}
