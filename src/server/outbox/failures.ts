/**
 * How an outbox handler says why a try failed. A temporary failure (the provider is down, times out, rate-limits,
 * answers 5xx) is tried again after a backoff, up to the entry's maxAttempts, then the entry is DEAD; a permanent
 * one (the provider refused this message: bad recipient, unknown template, revoked consent) ends it as FAILED at
 * once. Anything else a handler throws counts as temporary: an unexpected bug must not lose a message. Both can be
 * retried by hand from the manager's messages list.
 */
export class TemporaryFailure extends Error {
  override readonly name = 'TemporaryFailure'
}

export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure'
}

/** The text kept in OutboxEntry.lastError: bounded, and never a secret (handlers put no credentials in messages). */
export function failureText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text
}
