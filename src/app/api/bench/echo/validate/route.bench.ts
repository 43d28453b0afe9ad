// Benchmark step (bench/intake.ts): authentication plus the size-limited body read and the same zod schema as
// POST /api/v1/orders — no idempotency record, no use case. HANDOFF_BENCH=1 only.
import { createOrderBody } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { createOrderUseCase } from '@/server/orders/create-order'
import { gated } from '../gate'

export const POST = gated(
  apiRoute({ tasks: createOrderUseCase.tasks, body: createOrderBody, status: 201 }, async ({ body }) => ({
    ok: true,
    lines: body.lines.length,
  })),
)
