// The benchmark-only routes (bench/intake.ts) are in a build only when it is made with HANDOFF_BENCH=1 (their files are
// route.bench.ts, see next.config.ts), and answer only when the server runs with it too; otherwise they answer 404
// like any unknown path, before reading anything.
import { benchRoutesEnabled } from '@/server/env'

export const notFound = () => new Response(null, { status: 404 })

export function gated(handler: (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) {
  return (request: Request, context: { params: Promise<Record<string, string | string[]>> }) =>
    benchRoutesEnabled() ? handler(request, context) : Promise.resolve(notFound())
}
