'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useRef, useState } from 'react'
import type { QueuePageDTO } from '@/server/fulfillment/list-queue'
import { StatusBadge } from '../status-badge'
import { DueLabel, OverdueBadge } from './due-label'
import { LIVE_DEBOUNCE_MS, LiveStatusPill, useDebounced } from '@/components/ui/live-updates'
import { Progress } from './progress'
import { SkillGapBadge, SkillLines } from './skill-lines'
import { EmptyState, listHeadClass, TableHead } from '@/components/ui/table'
import { useOrderEvents } from '@/components/ui/use-order-events'

/**
 * The queue, live: the server renders the first state; every order event (debounced) refetches the same page as
 * JSON from /api/back/queue and redraws it in place, so an order taken at the counter or a colleague's change shows
 * up within a moment, without reloading and without disturbing the filters or the scroll position.
 */
export function LiveQueue({
  initial,
  query,
  meId,
  filtered,
  title,
  filters,
}: {
  initial: QueuePageDTO
  query: string
  meId: string
  filtered: boolean
  title: React.ReactNode
  filters: React.ReactNode
}) {
  const t = useTranslations('back.queue')
  const { page, status } = useLiveQueue(initial, query)

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {title}
        <LiveStatusPill status={status} />
        {page.overdue > 0 && (
          <Link
            href="/back?due=overdue"
            prefetch={false}
            className="rounded-full bg-red-100 px-3 py-0.5 text-sm font-semibold text-red-900 ring-1 ring-red-300 hover:bg-red-200"
          >
            {t('overdueCount', { count: page.overdue, capped: page.overdueCapped ? 'yes' : 'no' })}
          </Link>
        )}
      </div>
      {filters}
      {page.rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('emptyFiltered') : t('empty')}
          hint={filtered ? t('emptyFilteredHint') : t('emptyHint')}
          data-testid="queue-empty"
        >
          {filtered && (
            <Link href="/back" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
              {t('filters.reset')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
          <table className="block w-full text-left text-sm lg:table" data-testid="queue">
            <caption className="sr-only">{t('caption')}</caption>
            <TableHead
              className={`hidden ${listHeadClass} lg:table-header-group`}
              cellClassName="px-3 py-2"
              columns={['due', 'order', 'customer', 'progress', 'status', 'assignee'].map((c) => ({ label: t(`col.${c}`) }))}
            />
            <tbody className="block divide-y divide-slate-200 lg:table-row-group">
              {page.rows.map((o) => (
                <QueueRow key={o.id} o={o} now={page.now} meId={meId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <QueuePager query={query} prev={page.prev} next={page.next} />
    </div>
  )
}

/** One order in the queue: a card of two columns on a phone, a table row from lg up. */
function QueueRow({ o, now, meId }: { o: QueuePageDTO['rows'][number]; now: string; meId: string }) {
  const t = useTranslations('back.queue')
  return (
    <tr
      data-testid="queue-row"
      data-order={o.number}
      data-overdue={o.overdue ? 'true' : 'false'}
      data-skill-gap={o.skillGap ? 'true' : 'false'}
      className={`grid grid-cols-2 gap-x-3 gap-y-1 px-3 py-2 lg:table-row lg:p-0 ${o.overdue ? 'border-l-4 border-red-500 bg-red-50/60' : 'border-l-4 border-transparent'}`}
    >
      <td className="lg:px-3 lg:py-2 lg:align-top">
        <DueLabel dueAt={o.dueAt} now={now} overdue={o.overdue} />
      </td>
      <td className="text-right lg:px-3 lg:py-2 lg:text-left lg:align-top">
        <Link
          href={`/back/orders/${o.id}`}
          prefetch={false}
          className="inline-flex min-h-8 items-center font-mono font-semibold text-brand-700 underline-offset-2 hover:underline lg:min-h-0"
        >
          {o.number}
        </Link>
        <span className="block text-xs text-slate-600">
          {t('lines', { count: o.lines })}
          {o.mode === 'DELIVERY' ? ` · ${t('delivery')}` : ''}
        </span>
      </td>
      <td className="col-span-2 lg:col-span-1 lg:px-3 lg:py-2 lg:align-top">
        <span className="font-medium">{o.customerName}</span>
        <SkillLines lines={o.skillLines} />
      </td>
      <td className="lg:px-3 lg:py-2 lg:align-top">
        <Progress done={o.qtyFulfilled} total={o.qtyOrdered} />
      </td>
      <td className="text-right lg:px-3 lg:py-2 lg:text-left lg:align-top">
        <span className="inline-flex flex-wrap justify-end gap-1 lg:justify-start">
          {o.overdue && <OverdueBadge />}
          {o.skillGap && <SkillGapBadge />}
          <StatusBadge status={o.status} />
        </span>
        {o.holdReason && <span className="mt-1 block text-xs text-orange-900">{o.holdReason}</span>}
      </td>
      <td className="col-span-2 text-slate-700 lg:col-span-1 lg:px-3 lg:py-2 lg:align-top">
        {o.assignee ? (
          <span>{o.assignee.id === meId ? t('you', { name: o.assignee.name }) : o.assignee.name}</span>
        ) : (
          <span className="text-slate-500">{t('unassigned')}</span>
        )}
      </td>
    </tr>
  )
}

/** The queue page as the server last answered it: refetched (debounced) on every order event, newest answer wins. */
function useLiveQueue(initial: QueuePageDTO, query: string) {
  const [page, setPage] = useState(initial)
  const sequence = useRef(0)
  const refetch = useDebounced(() => {
    const mine = ++sequence.current
    fetch(`/api/back/queue?${query}`, { cache: 'no-store', headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) return
        const next = (await response.json()) as QueuePageDTO
        // An older answer arriving after a newer one must not win.
        if (mine === sequence.current) setPage(next)
      })
      .catch(() => undefined)
  }, LIVE_DEBOUNCE_MS)
  const status = useOrderEvents(refetch, refetch)
  return { page, status }
}

/** Earlier/later links that keep the filters and move the cursor. */
function QueuePager({ query, prev, next }: { query: string; prev: QueuePageDTO['prev']; next: QueuePageDTO['next'] }) {
  const t = useTranslations('back.queue')
  const base = new URLSearchParams(query)
  base.delete('after')
  base.delete('before')
  const link = (cursor: 'after' | 'before', value: string) => {
    const p = new URLSearchParams(base)
    p.set(cursor, value)
    return `/back?${p.toString()}`
  }

  if (!prev && !next) return null
  return (
    <nav aria-label={t('pagination')} className="flex justify-between">
      {prev ? (
        <Link
          href={link('before', prev)}
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50"
        >
          ← {t('earlier')}
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link
          href={link('after', next)}
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50"
        >
          {t('later')} →
        </Link>
      )}
    </nav>
  )
}
