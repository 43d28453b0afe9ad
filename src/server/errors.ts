import 'server-only'
import { randomBytes } from 'node:crypto'
import { isDomainError } from '@/domain/errors'
import type { ErrorCode } from '@/domain/errors'
import type { Formats } from 'next-intl'

export type KnownFailure = {
  code: ErrorCode | 'INTERNAL'
  messageKey: string
  params: Record<string, string | number>
  field?: string
  ref?: string
}

function isPrismaKnown(error: unknown): error is { code: string; meta?: unknown } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof (error as { code: unknown }).code === 'string' &&
    /^P\d{4}$/.test((error as { code: string }).code)
  )
}

/**
 * A unique-key violation, from Prisma (P2002) or from a statement sent with sql() (PostgreSQL's 23505): e.g. two
 * managers adding the same email at once, or the same order submitted twice. With `constraint`, only a violation of
 * that unique index counts (PostgreSQL names it; Prisma's P2002 does not, so it never matches one).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { code?: unknown; constraint?: unknown }
  if (e.code === 'P2002') return constraint === undefined
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint)
}

/** The database refused cash into a drawer session that was closed meanwhile (trigger handoff_cash_into_open_session). */
export function isClosedCashSession(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { code?: unknown; message?: unknown }
  return e.code === '23000' && typeof e.message === 'string' && /cash session \S+ is closed/.test(e.message)
}

/** Map anything a use case threw to something safe to show: domain errors keep their message key, unique-key
 * violations become a conflict, everything else is logged with a reference id and shown only as that id. */
export function toKnownFailure(error: unknown, context: string): KnownFailure {
  if (isDomainError(error)) {
    return { code: error.code, messageKey: error.messageKey, params: error.params, field: error.field }
  }
  if (isUniqueViolation(error)) return { code: 'CONFLICT', messageKey: 'errors.duplicate', params: {} }
  if (isPrismaKnown(error)) {
    if (error.code === 'P2025') return { code: 'NOT_FOUND', messageKey: 'errors.notFound', params: {} }
  }
  const ref = randomBytes(4).toString('hex')
  console.error(`[handoff] ${context} failed (ref ${ref})`, error)
  return { code: 'INTERNAL', messageKey: 'errors.internal', params: { ref }, ref }
}

/**
 * ICU formats for a failure's message: a refusal that names an amount (`withMoneyParams` adds the currency) writes it
 * `{max, number, money}`, shown in the reader's own currency format ("146.600 ₫" in vi, "₫146,600" in en).
 */
export function messageFormats(params: Record<string, string | number>): Formats | undefined {
  return typeof params.currency === 'string' ? { number: { money: { style: 'currency', currency: params.currency } } } : undefined
}
