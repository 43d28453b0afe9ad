import 'server-only'
import { randomBytes } from 'node:crypto'
import { isDomainError } from '@/domain/errors'
import type { ErrorCode } from '@/domain/errors'

export type KnownFailure = { code: ErrorCode | 'INTERNAL'; messageKey: string; params: Record<string, string | number>; field?: string; ref?: string }

function isPrismaKnown(error: unknown): error is { code: string; meta?: unknown } {
  return typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string' && /^P\d{4}$/.test((error as { code: string }).code)
}

/** Map anything a use case threw to something safe to show: domain errors keep their message key, unique-key
 * violations become a conflict, everything else is logged with a reference id and shown only as that id. */
export function toKnownFailure(error: unknown, context: string): KnownFailure {
  if (isDomainError(error)) {
    return { code: error.code, messageKey: error.messageKey, params: error.params, field: error.field }
  }
  if (isPrismaKnown(error)) {
    if (error.code === 'P2002') return { code: 'CONFLICT', messageKey: 'errors.duplicate', params: {} }
    if (error.code === 'P2025') return { code: 'NOT_FOUND', messageKey: 'errors.notFound', params: {} }
  }
  const ref = randomBytes(4).toString('hex')
  console.error(`[handoff] ${context} failed (ref ${ref})`, error)
  return { code: 'INTERNAL', messageKey: 'errors.internal', params: { ref }, ref }
}
