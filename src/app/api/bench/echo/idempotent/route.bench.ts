// Benchmark step (bench/intake.ts): everything POST /api/v1/orders does around its use case — authentication,
// validation and the Idempotency-Key record (bound, then completed with the response) — with a use case that
// returns at once. HANDOFF_BENCH=1 only.
import { createOrderBody } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { createOrderUseCase } from '@/server/orders/create-order'
import { gated } from '../gate'

export const POST = gated(
  apiRoute(
    { tasks: createOrderUseCase.tasks, idempotencyKey: 'required', rerunnable: true, body: createOrderBody, status: 201 },
    async ({ body }) => ({ ok: true, lines: body.lines.length }),
  ),
)
