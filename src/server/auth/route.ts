import 'server-only'
import NextAuth from 'next-auth'
import { authOptions } from './options'

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>

/**
 * next-auth's route handler, with one guard in front: next-auth parses a POST body by its Content-Type and throws on
 * a malformed JSON body, which Next would answer with a 500. A body that is not what it claims is the client's
 * mistake: 400, without touching next-auth (found by tests/integration/fuzz-api.test.ts).
 */
export function authRouteHandler(): Handler {
  const handler = NextAuth(authOptions) as unknown as Handler
  return async (request, context) => {
    if (request.method === 'POST' && /application\/json/i.test(request.headers.get('content-type') ?? '')) {
      try {
        await request.clone().json()
      } catch {
        return Response.json({ error: 'The body is not valid JSON.' }, { status: 400 })
      }
    }
    const response = await handler(request, context)
    return request.method === 'POST' ? withRetryAfter(response) : response
  }
}

const REFUSED = /[?&]error=SignIn(?:Throttled|Busy)(?:%3A|:)(\d+)/

/**
 * A sign-in refused before its password was checked (src/server/auth/verify-login.ts, SignInRefused) says when to try
 * again the HTTP way too: `Retry-After`, and 429 instead of next-auth's 401 for the JSON answer its client asks for
 * (its signIn() reads only the body). A plain form post keeps next-auth's redirect, with the header added.
 */
async function withRetryAfter(response: Response): Promise<Response> {
  const location = response.headers.get('location')
  let target = location
  const json = !location && /application\/json/i.test(response.headers.get('content-type') ?? '')
  if (json)
    target = (
      (await response
        .clone()
        .json()
        .catch(() => null)) as { url?: unknown } | null
    )?.url as string | null
  const seconds = typeof target === 'string' ? REFUSED.exec(target)?.[1] : undefined
  if (!seconds) return response
  const headers = new Headers(response.headers)
  headers.set('Retry-After', seconds)
  return new Response(response.body, { status: json ? 429 : response.status, headers })
}
