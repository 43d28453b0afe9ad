import 'server-only'
import { PermanentFailure, TemporaryFailure } from '../../outbox/failures'

/** One message as a channel sends it. */
export interface OutgoingMessage {
  /** The outbox idempotency key, handed to providers that accept one. */
  key: string
  to: string
  subject: string
  text: string
  optOutUrl: string
  /** Zalo ZNS: the registered template and its parameters. */
  zalo?: { templateId: string; params: Record<string, string> }
}

export interface SendReceipt {
  /** The provider's id for the message, when it gives one. */
  providerId: string | null
}

/** An HTTP provider's answer to a failure: busy or broken for now (retry) or a refusal of this message (do not). */
export function httpFailure(provider: string, status: number, detail = ''): Error {
  const text = `${provider} answered HTTP ${status}${detail ? `: ${detail.slice(0, 200)}` : ''}`
  return status === 408 || status === 429 || status >= 500 ? new TemporaryFailure(text) : new PermanentFailure(text)
}

/** A request that never got an answer (refused, reset, timed out): temporary. */
export function networkFailure(provider: string, error: unknown): TemporaryFailure {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name
  return new TemporaryFailure(`${provider} could not be reached (${cause})`)
}

export const TIMEOUT_MS = 15_000
