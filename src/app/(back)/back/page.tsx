import { forbidden } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { can, QUEUE_READERS } from '@/domain/permissions'
import { queueFilterSchema } from '@/lib/schemas/fulfillment'
import { LiveQueue } from '@/components/back/live-queue'
import { QueueFilters } from '@/components/back/queue-filters'
import { requirePageActor } from '@/server/auth/guard'
import { listFulfillers } from '@/server/fulfillment/list-fulfillers'
import { listQueue } from '@/server/fulfillment/list-queue'
import { getWhoIsHere } from '@/server/coverage/get-who-is-here'
import { WhoIsHere } from '@/components/who-is-here'
import { firstValues } from './search-params'

export default async function BackQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor()
  if (!QUEUE_READERS.some((task) => can(actor, task))) forbidden()
  const raw = firstValues(await searchParams)
  const filter = queueFilterSchema.parse(raw)
  const [page, people, here, t] = await Promise.all([
    listQueue(actor, filter),
    listFulfillers(actor),
    getWhoIsHere(actor),
    getTranslations('back.queue'),
  ])
  const query = new URLSearchParams(raw).toString()
  const filtered = filter.status !== 'todo' || filter.due !== 'any' || filter.assignee !== undefined || filter.q !== undefined
  return (
    <section aria-labelledby="queue-title">
      <WhoIsHere data={here} />
      {/* Keyed by the query: new filters or another page start from the server's fresh render. */}
      <LiveQueue
        key={query}
        initial={page}
        query={query}
        meId={actor.id}
        filtered={filtered}
        title={
          <h1 id="queue-title" className="text-2xl font-bold">
            {t('title')}
          </h1>
        }
        filters={<QueueFilters filter={filter} people={people.map((p) => ({ id: p.id, name: p.name }))} meId={actor.id} />}
      />
    </section>
  )
}
