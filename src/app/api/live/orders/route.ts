import { DomainError } from '@/domain/errors'
import { failureResponse } from '@/server/api/handler'
import { currentActor, loadActor } from '@/server/auth/actor'
import { LIVE_RECHECK_MS, mayFollowOrders, mayFollowTransfers } from '@/server/live/live-access'
import { orderEvents, type OrderEvent, type TransferEvent } from '@/server/live/order-events'

// Server-sent events: every order change, as {id, version, op}, for the live screens (back-office queue, the counter's
// ready list); and, for those who may record payments, every bank transfer change as {id, status} (the unmatched list). The payload names
// no customer or amount; screens refetch through their own authorized reads. One stream per open tab; each is
// cleaned up (subscription, timers) when the tab goes away.

export const dynamic = 'force-dynamic'
export const runtime = 'nodejs'

const HEARTBEAT_MS = 20_000

export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor()
  // The API's error contract, as for every JSON route.
  if (!actor) return failureResponse(new DomainError('UNAUTHENTICATED', 'errors.unauthenticated'), request)
  if (!mayFollowOrders(actor)) return failureResponse(new DomainError('FORBIDDEN', 'errors.forbidden'), request)

  const encoder = new TextEncoder()
  let cleanup: (() => void) | undefined
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      const send = (text: string) => {
        if (closed) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          stop()
        }
      }
      const unsubscribe = orderEvents().subscribe(
        (event: OrderEvent) => send(`event: order\ndata: ${JSON.stringify(event)}\n\n`),
        () => send(`event: resync\ndata: {}\n\n`),
        mayFollowTransfers(actor) ? (event: TransferEvent) => send(`event: transfer\ndata: ${JSON.stringify(event)}\n\n`) : undefined,
      )
      const heartbeat = setInterval(() => send(`: ping\n\n`), HEARTBEAT_MS)
      // A session ended elsewhere (deactivation, logout, password reset, changed role or skills) ends its streams too.
      let checking = false
      const recheck = setInterval(() => {
        if (checking) return
        checking = true
        loadActor(actor.id, actor.sessionVersion)
          .then((fresh) => {
            if (!mayFollowOrders(fresh)) {
              send(`event: end\ndata: {}\n\n`)
              stop()
            }
          })
          .catch(() => undefined)
          .finally(() => {
            checking = false
          })
      }, LIVE_RECHECK_MS)
      function stop() {
        if (closed) return
        closed = true
        clearInterval(heartbeat)
        clearInterval(recheck)
        unsubscribe()
        request.signal.removeEventListener('abort', stop)
        try {
          controller.close()
        } catch {
          // already closed by the client
        }
      }
      cleanup = stop
      request.signal.addEventListener('abort', stop)
      // The browser reconnects after 3 s if the stream drops; "ready" tells the page the stream is live.
      void orderEvents()
        .ensureConnected()
        .then(() => send(`retry: 3000\nevent: ready\ndata: {}\n\n`))
    },
    cancel() {
      cleanup?.()
    },
  })
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  })
}
