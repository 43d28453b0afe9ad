import { HTTP_STATUS } from '@/domain/errors'
import { queueFilterSchema } from '@/lib/schemas/fulfillment'
import { currentActor } from '@/server/auth/actor'
import { toKnownFailure } from '@/server/errors'
import { listQueue } from '@/server/fulfillment/list-queue'

// GET /api/back/queue?<the queue page's own query> -> one page of the queue as JSON. The live queue refetches this
// small read on every order event instead of re-rendering the whole page. Authenticated by the session cookie; the use
// case authorizes.

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor()
  if (!actor) return Response.json({ error: 'unauthenticated' }, { status: 401 })
  const filter = queueFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  try {
    return Response.json(await listQueue(actor, filter))
  } catch (error) {
    const failure = toKnownFailure(error, 'listQueue')
    return Response.json({ error: failure.code }, { status: failure.code === 'INTERNAL' ? 500 : HTTP_STATUS[failure.code] })
  }
}
