// Benchmark floor (bench/intake.ts): the framework's ceiling on this machine — a route handler of the same build that
// reads and parses the same JSON body as POST /api/v1/orders and answers, touching nothing else. HANDOFF_BENCH=1 only.
import { gated } from './gate'

export const POST = gated(async (request) => {
  const body = (await request.json()) as { lines?: unknown[] }
  return Response.json({ ok: true, lines: Array.isArray(body.lines) ? body.lines.length : 0 }, { status: 201 })
})
