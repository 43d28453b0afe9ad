'use client'

import { useEffect, useRef, useState } from 'react'

export type LiveStatus = 'connecting' | 'live' | 'offline'

export interface OrderEvent {
  id: string
  version: number
  op: 'INSERT' | 'UPDATE'
}

/**
 * Subscribes to /api/live/orders: server-sent events fed by PostgreSQL LISTEN/NOTIFY, so a change made on any app
 * instance reaches every open screen. `onEvent` gets each order change; `onResync` is called when events may have
 * been missed (the server reconnected to the database, or the browser reconnected the stream) and the screen
 * should refetch once. The EventSource reconnects by itself; the status says whether the screen is live.
 */
export function useOrderEvents(onEvent: (event: OrderEvent) => void, onResync?: () => void, onTransfer?: () => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting')
  // The latest callbacks, without reconnecting the stream when the caller re-renders.
  const handlers = useRef({ onEvent, onResync, onTransfer })
  useEffect(() => {
    handlers.current = { onEvent, onResync, onTransfer }
  })

  useEffect(() => {
    const source = new EventSource('/api/live/orders')
    let connectedBefore = false
    source.addEventListener('ready', () => {
      // A second "ready" is a reconnection: whatever happened in between was not seen.
      if (connectedBefore) handlers.current.onResync?.()
      connectedBefore = true
      setStatus('live')
    })
    source.addEventListener('order', (e) => {
      try {
        handlers.current.onEvent(JSON.parse((e as MessageEvent<string>).data) as OrderEvent)
      } catch {
        // A malformed event is ignored; the next one or a resync brings the screen up to date.
      }
    })
    source.addEventListener('resync', () => handlers.current.onResync?.())
    // A bank transfer arrived or changed (sent only to those who may see the unmatched list).
    source.addEventListener('transfer', () => handlers.current.onTransfer?.())
    source.addEventListener('end', () => {
      source.close()
      setStatus('offline')
    })
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting')
    return () => source.close()
  }, [])
  return status
}
