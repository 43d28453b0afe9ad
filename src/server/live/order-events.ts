import 'server-only'
import pg from 'pg'
import { directDatabaseUrl } from '../env'

// Live order changes for this server process. The trigger "Order_notify" announces every Order insert/update on the
// channel handoff_orders, from whichever app instance (or script) wrote it; each process keeps ONE dedicated LISTEN
// connection and fans the notifications out to its SSE subscribers. It is outside the Prisma pool (which would hand
// it back with the LISTEN still on it) and goes to DATABASE_DIRECT_URL: through a transaction-mode PgBouncer the
// LISTEN would stay on a server connection that other clients borrow. The connection opens with the first
// subscriber, reconnects with backoff when the database goes away, and closes a while after the last subscriber
// leaves.

export const ORDERS_CHANNEL = 'handoff_orders'
/** Every BankTransfer insert and status change (trigger "BankTransfer_notify"): the unmatched list follows it. */
export const TRANSFERS_CHANNEL = 'handoff_transfers'

export interface TransferEvent {
  id: string
  status: string
}
/** Told of each transfer change; only subscribers who may see the unmatched list pass one. */
export type TransferListener = (event: TransferEvent) => void

export interface OrderEvent {
  id: string
  version: number
  op: 'INSERT' | 'UPDATE'
}

export type Listener = (event: OrderEvent) => void
/** Told when the stream of events may have had a gap (reconnected): subscribers should refetch once. */
export type GapListener = () => void

interface Subscriber {
  onEvent: Listener
  onGap?: GapListener
  onTransfer?: TransferListener
}

const IDLE_CLOSE_MS = 30_000
const MAX_BACKOFF_MS = 10_000

export function parseOrderEvent(payload: string | undefined): OrderEvent | null {
  if (!payload) return null
  try {
    const data = JSON.parse(payload) as Record<string, unknown>
    if (typeof data.id !== 'string' || typeof data.version !== 'number') return null
    if (data.op !== 'INSERT' && data.op !== 'UPDATE') return null
    return { id: data.id, version: data.version, op: data.op }
  } catch {
    return null
  }
}

export function parseTransferEvent(payload: string | undefined): TransferEvent | null {
  if (!payload) return null
  try {
    const data = JSON.parse(payload) as Record<string, unknown>
    return typeof data.id === 'string' && typeof data.status === 'string' ? { id: data.id, status: data.status } : null
  } catch {
    return null
  }
}

class OrderEventHub {
  private readonly subscribers = new Set<Subscriber>()
  private client: pg.Client | null = null
  private connecting: Promise<void> | null = null
  private backoff = 250
  private retryTimer: NodeJS.Timeout | null = null
  private idleTimer: NodeJS.Timeout | null = null
  private everConnected = false

  subscribe(onEvent: Listener, onGap?: GapListener, onTransfer?: TransferListener): () => void {
    const subscriber: Subscriber = { onEvent, onGap, onTransfer }
    this.subscribers.add(subscriber)
    if (this.idleTimer) {
      clearTimeout(this.idleTimer)
      this.idleTimer = null
    }
    void this.ensureConnected()
    return () => {
      this.subscribers.delete(subscriber)
      if (this.subscribers.size === 0 && !this.idleTimer) {
        this.idleTimer = setTimeout(() => {
          this.idleTimer = null
          if (this.subscribers.size === 0) void this.close()
        }, IDLE_CLOSE_MS)
        this.idleTimer.unref()
      }
    }
  }

  get size(): number {
    return this.subscribers.size
  }

  get connected(): boolean {
    return this.client !== null
  }

  /** Resolves once LISTEN is in place (or the attempt failed; a retry is then scheduled). */
  ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve()
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null
    })
    return this.connecting
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: directDatabaseUrl(), application_name: 'handoff-live', keepAlive: true })
    client.on('notification', (message) => {
      const event = message.channel === ORDERS_CHANNEL ? parseOrderEvent(message.payload) : null
      const transfer = message.channel === TRANSFERS_CHANNEL ? parseTransferEvent(message.payload) : null
      for (const s of this.subscribers) {
        try {
          if (event) s.onEvent(event)
          if (transfer) s.onTransfer?.(transfer)
        } catch {
          // A subscriber whose stream just closed must not stop the others.
        }
      }
    })
    const lost = () => {
      if (this.client !== client) return
      this.client = null
      client.removeAllListeners('notification')
      client.end().catch(() => undefined)
      if (this.subscribers.size > 0) this.scheduleRetry()
    }
    client.on('error', lost)
    client.on('end', lost)
    try {
      await client.connect()
      await client.query(`LISTEN ${ORDERS_CHANNEL}; LISTEN ${TRANSFERS_CHANNEL}`)
    } catch {
      client.removeAllListeners()
      client.on('error', () => undefined)
      await client.end().catch(() => undefined)
      if (this.subscribers.size > 0) this.scheduleRetry()
      return
    }
    this.client = client
    this.backoff = 250
    // After a reconnection, notifications sent while we were away are lost: tell subscribers to refetch.
    if (this.everConnected) for (const s of this.subscribers) s.onGap?.()
    this.everConnected = true
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return
    const delay = this.backoff
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (this.subscribers.size > 0) void this.ensureConnected()
    }, delay)
    this.retryTimer.unref()
  }

  /** Closes the connection on purpose (idle, shutdown, tests): the next subscriber starts afresh, no gap to report. */
  async close(): Promise<void> {
    const client = this.client
    this.client = null
    this.everConnected = false
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    if (client) {
      client.removeAllListeners('notification')
      await client.end().catch(() => undefined)
    }
  }
}

const globalForLive = globalThis as unknown as { handoffOrderEvents?: OrderEventHub }

/** The process-wide hub (survives dev-server module reloads, like the Prisma client). */
export function orderEvents(): OrderEventHub {
  globalForLive.handoffOrderEvents ??= new OrderEventHub()
  return globalForLive.handoffOrderEvents
}
