'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { useOrderEvents, type LiveStatus } from './use-order-events'

/** Debounce window: a burst of changes (a colleague saving several orders) becomes one refetch. */
export const LIVE_DEBOUNCE_MS = 100

/** Whether the screen is live, in words (the dot only illustrates). */
export function LiveStatusPill({ status }: { status: LiveStatus }) {
  const t = useTranslations('back.live')
  return (
    <span
      data-testid="live-status"
      data-status={status}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        status === 'live'
          ? 'bg-emerald-50 text-emerald-900 ring-emerald-300'
          : status === 'connecting'
            ? 'bg-amber-50 text-amber-900 ring-amber-300'
            : 'bg-slate-100 text-slate-700 ring-slate-300'
      }`}
      title={t(`${status}Hint`)}
    >
      <span
        aria-hidden="true"
        className={`h-2 w-2 rounded-full ${status === 'live' ? 'bg-emerald-500' : status === 'connecting' ? 'bg-amber-500' : 'bg-slate-400'}`}
      />
      {t(status)}
    </span>
  )
}

/** Calls `fn` once, `ms` after the first of a burst of calls. */
export function useDebounced(fn: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(fn)
  useEffect(() => {
    latest.current = fn
  })
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  return () => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      latest.current()
    }, ms)
  }
}

/**
 * Live updates for server-rendered screens.
 * - mode "refresh": re-renders the page's server data shortly after any order changes (billing lists), and with
 *   `transfers` also after any bank transfer arrives or changes (the unmatched transfers list);
 * - mode "watch": on a change to `orderId` beyond `version` by someone else, offers a reload instead of refreshing
 *   under the user's hands (their half-typed form would otherwise end up on top of a version they never saw);
 * - mode "follow": re-renders shortly after `orderId` changes (the counter's pickup screen, where a payment the bank
 *   confirmed must show without anyone touching it; what is typed in its forms is client state and stays).
 */
export function LiveUpdates(
  props:
    { mode: 'refresh'; transfers?: boolean } | { mode: 'watch'; orderId: string; version: number } | { mode: 'follow'; orderId: string },
) {
  const t = useTranslations('back.live')
  const router = useRouter()
  // The newest version of the watched order announced; the banner shows while it is newer than what the page shows.
  // Our own save bumps the version too, and the page refreshes to it, so no banner then.
  const [announced, setAnnounced] = useState(0)
  const latest = useRef(0)
  const orderId = props.mode === 'refresh' ? null : props.orderId
  const follow = props.mode === 'follow'
  const shown = props.mode === 'watch' ? props.version : 0
  const refresh = useDebounced(() => router.refresh(), LIVE_DEBOUNCE_MS)
  // Long enough for our own save's refresh to land first.
  const announce = useDebounced(() => setAnnounced(latest.current), 1200)
  const status = useOrderEvents(
    (event) => {
      if (orderId === null) return refresh()
      if (event.id !== orderId) return
      if (follow) return refresh()
      latest.current = Math.max(latest.current, event.version)
      announce()
    },
    () => (orderId === null || follow ? refresh() : undefined),
    props.mode === 'refresh' && props.transfers ? refresh : undefined,
  )
  return (
    <div className="flex flex-wrap items-center gap-2">
      <LiveStatusPill status={status} />
      {props.mode === 'watch' && announced > shown && (
        <div
          role="status"
          className="flex items-center gap-2 rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-950 ring-1 ring-amber-300"
        >
          {t('changedElsewhere')}
          <button
            type="button"
            onClick={() => router.refresh()}
            className="rounded-md bg-white px-2 py-0.5 font-medium ring-1 ring-amber-400 hover:bg-amber-100"
          >
            {t('reload')}
          </button>
        </div>
      )}
    </div>
  )
}
