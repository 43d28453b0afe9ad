import 'server-only'
import type { Actor } from '@/server/auth/actor'
import { currentActor } from '@/server/auth/actor'

/**
 * A printed document's generateMetadata: "Save as PDF" names the file after the page title, the document's number
 * and the buyer. A document the reader may not see gives no title (the page itself answers not-found).
 */
export function documentMetadata(read: (actor: Actor, id: string) => Promise<{ number: string; buyer: { name: string } }>) {
  return async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
    const actor = await currentActor()
    const doc = actor ? await read(actor, (await params).id).catch(() => null) : null
    return doc ? { title: `${doc.number} — ${doc.buyer.name}` } : {}
  }
}
