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
    return handler(request, context)
  }
}
