import { queueFilterSchema } from '@/lib/schemas/fulfillment'
import { sessionRoute } from '@/server/api/session-route'
import { listQueue, listQueueUseCase } from '@/server/fulfillment/list-queue'

// GET /api/back/queue?<the queue page's own query> -> one page of the queue as JSON. The live queue refetches this
// small read on every order event instead of re-rendering the whole page. Every field falls back to its default
// (.catch), as on the page: a stale or hand-edited link still gets a queue.

export const dynamic = 'force-dynamic'

export const GET = sessionRoute({ tasks: listQueueUseCase.tasks, query: queueFilterSchema }, ({ actor, query }) => listQueue(actor, query))
