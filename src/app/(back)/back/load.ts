import 'server-only'
import type { Actor } from '@/server/auth/actor'
import { requireArea } from '@/server/auth/guard'
import { orNotFound, pageId } from '@/app/load'

// The pages' loading rules (pageId, orNotFound) live in src/app/load.ts, shared with the counter's pages.
export { orNotFound, pageId }

/** A back-office record page's reading: the signed-in actor and the record of the route's id (not-found otherwise). */
export async function loadBackRecord<T>(params: Promise<{ id: string }>, read: (actor: Actor, id: string) => Promise<T>) {
  const actor = await requireArea('back')
  const record = await orNotFound(read(actor, pageId((await params).id)))
  return { actor, record }
}
