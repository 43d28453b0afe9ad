// Errors the user is meant to see. The message is an i18n key (the UI translates it with `params`), so the domain
// never produces user-facing text in one language.

export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID', 'CONFLICT', 'STALE', 'RATE_LIMITED'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Suggested HTTP status per code, so route handlers and server actions map errors the same way. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 422,
  CONFLICT: 409,
  // Someone else changed the record since it was loaded (optimistic locking on `version`).
  STALE: 409,
  RATE_LIMITED: 429,
}

export class DomainError extends Error {
  override readonly name = 'DomainError'

  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    // The developer-facing message keeps logs useful; users only ever see the translated messageKey.
    super(`${code}: ${messageKey}${field === undefined ? '' : ` (${field})`}`)
  }
}

/** Also true for a DomainError from another copy of this module (e.g. across a bundler boundary). */
export function isDomainError(e: unknown): e is DomainError {
  if (e instanceof DomainError) return true
  if (typeof e !== 'object' || e === null) return false
  const candidate = e as { name?: unknown; code?: unknown; messageKey?: unknown }
  return (
    candidate.name === 'DomainError' &&
    typeof candidate.messageKey === 'string' &&
    (ERROR_CODES as readonly unknown[]).includes(candidate.code)
  )
}
