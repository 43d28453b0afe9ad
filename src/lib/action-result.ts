// The one error contract between server actions and forms: field errors plus a form error.
import type { ErrorCode } from '@/domain/errors'

export type FieldErrors = Record<string, string[]>

export type ActionFailure = {
  ok: false
  code: ErrorCode | 'INTERNAL'
  fieldErrors: FieldErrors
  formError?: string
  /** Reference shown to the user for unexpected errors; the server log has the details under the same id. */
  ref?: string
}

export type ActionResult<T> = { ok: true; data: T } | ActionFailure
