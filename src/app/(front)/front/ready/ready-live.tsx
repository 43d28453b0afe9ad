'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { LIVE_DEBOUNCE_MS, LiveStatusPill, useDebounced } from '@/components/ui/live-updates'
import { useOrderEvents } from '@/components/ui/use-order-events'
import { AutoRefresh } from '@/components/front/desk-search'

/** How often the list is re-read while the live stream is down (reconnecting, refused, server restarting). */
export const FALLBACK_POLL_SECONDS = 30

/**
 * Keeps the ready list current: any order change (an order finished in the workshop, one handed over at the other
 * counter) re-renders the list from the server within a moment, through the same live stream as the back-office
 * queue. While the stream is not live, the list falls back to re-reading itself every 30 seconds.
 */
export function ReadyLive() {
  const t = useTranslations('front.ready')
  const router = useRouter()
  const refresh = useDebounced(() => router.refresh(), LIVE_DEBOUNCE_MS)
  const status = useOrderEvents(refresh, refresh)
  return (
    <>
      {status !== 'live' && <AutoRefresh seconds={FALLBACK_POLL_SECONDS} />}
      {status === 'offline' ? (
        <span data-testid="live-status" data-status={status} className="text-xs text-slate-600">
          {t('polling', { seconds: FALLBACK_POLL_SECONDS })}
        </span>
      ) : (
        <LiveStatusPill status={status} />
      )}
    </>
  )
}
