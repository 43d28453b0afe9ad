import 'server-only'
import { DomainError } from '@/domain/errors'

// Keyset pagination: a cursor is the last row's (timestamp, id), base64url, opaque to clients. Two spellings of the
// moment are written. The raw-SQL lists carry PostgreSQL's own text form of the column (`col::text`), so it compares
// back exactly, with no time-zone or precision conversion on the way; the Prisma lists carry Date#toISOString().
// A cursor is read back only when it names a real moment of a sane year and a UUID: anything else
// ("9999-99-99 99:99:99", year 0 or -271821, an "id" of 36 dashes) would reach PostgreSQL and fail there as an
// internal error instead of being the caller's mistake.

const PG_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Rows of this app are written from 1970 on, and PostgreSQL, JavaScript and people agree on years up to 9999. */
const FIRST_YEAR = 1970
const LAST_YEAR = 9999

export interface Keyset {
  at: string
  id: string
}

/** The moment the parts of a matched timestamp name, or null when it is no real moment (month 13, 30 February,
 * hour 24: Date.UTC would roll those over) or outside the years a row can have. */
function realMoment(match: RegExpExecArray | null): Date | null {
  if (!match) return null
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  if (y < FIRST_YEAR || y > LAST_YEAR) return null
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, Number(match[7] ?? 0)))
  const same = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ]
  return same.every((v, i) => v === [y, mo, d, h, mi, s][i]) ? date : null
}

/** `at|id` out of a cursor, with a real UUID, or null. */
function parts(cursor: string): [string, string] | null {
  const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  return rest.length === 0 && ID.test(id) ? [at, id] : null
}

const invalidCursor = () => new DomainError('INVALID', 'validation.invalid', {}, 'cursor')

export function encodeKeyset(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url')
}

/** The position a cursor of a raw-SQL list names, or INVALID on the `cursor` field for anything that is not one of ours. */
export function decodeKeyset(cursor: string): Keyset {
  const found = parts(cursor)
  if (!found || !realMoment(PG_TEXT.exec(found[0]))) throw invalidCursor()
  return { at: found[0], id: found[1] }
}

export function encodeMomentCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url')
}

/** The position a cursor of a Prisma list names (a Date), or null for anything that is not one of ours. */
export function readMomentCursor(cursor: string): { at: Date; id: string } | null {
  const found = parts(cursor)
  const at = found && realMoment(ISO.exec(found[0]))
  return found && at ? { at, id: found[1] } : null
}

/** The same, for a list whose caller must hear about a bad cursor: INVALID on the `cursor` field. */
export function decodeMomentCursor(cursor: string): { at: Date; id: string } {
  const found = readMomentCursor(cursor)
  if (!found) throw invalidCursor()
  return found
}
