import { queueFilterSchema } from '@/lib/schemas/fulfillment'
import { failureResponse } from '@/server/api/handler'
import { requireActor } from '@/server/auth/actor'
import { listQueue } from '@/server/fulfillment/list-queue'

// GET /api/back/queue?<the queue page's own query> -> one page of the queue as JSON. The live queue refetches this
// small read on every order event instead of re-rendering the whole page. Authenticated by the session cookie; the use
// case authorizes. Errors follow the API's contract: { error: { code, message, ref? } }.

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor()
    // Every field falls back to its default (.catch), as on the page: a stale or hand-edited link still gets a queue.
    const filter = queueFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
    return Response.json(await listQueue(actor, filter))
  } catch (error) {
    return failureResponse(error, request)
  }
}
