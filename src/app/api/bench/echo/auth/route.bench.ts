// Benchmark step (bench/intake.ts): the bare echo plus the API's own wrapper with bearer-token authentication, rate
// limit and permission check — what POST /api/v1/orders does before validation. HANDOFF_BENCH=1 only.
import { apiRoute } from '@/server/api/handler'
import { createOrderUseCase } from '@/server/orders/create-order'
import { gated } from '../gate'

export const POST = gated(
  apiRoute({ tasks: createOrderUseCase.tasks, status: 201 }, async ({ request }) => {
    const body = (await request.json()) as { lines?: unknown[] }
    return { ok: true, lines: Array.isArray(body.lines) ? body.lines.length : 0 }
  }),
)
