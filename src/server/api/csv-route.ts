import 'server-only'
import type { z } from 'zod'
import type { Caller } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { attachment } from './attachment'
import { sessionRoute } from './session-route'

/**
 * A CSV download behind a signed-in screen (the billing export, the cash export): a sessionRoute whose use case
 * returns the file, answered as an attachment (./attachment.ts).
 */
export function csvRoute<S extends z.ZodType>(
  spec: { tasks: Caller; query: S },
  read: (actor: Actor, query: z.output<S>) => Promise<{ filename: string; body: string }>,
) {
  return sessionRoute(spec, async ({ actor, query }) => {
    // S is a schema here, so the query is its parsed output (sessionRoute types it for the schema-less case too).
    return attachment(await read(actor, query as z.output<S>), 'text/csv; charset=utf-8')
  })
}
