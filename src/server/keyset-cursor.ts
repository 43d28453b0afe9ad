import 'server-only'
import { DomainError } from '@/domain/errors'

// Keyset pagination for the raw-SQL lists: the cursor is the last row's (timestamp, id), opaque to clients. The
// timestamp travels as PostgreSQL's own text form of the column (`col::text`), so it compares back exactly, with no
// time-zone or precision conversion on the way.

const AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface Keyset {
  at: string
  id: string
}

export function encodeKeyset(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url')
}

/** The position a cursor names, or INVALID on the `cursor` field for anything that is not one of ours. */
export function decodeKeyset(cursor: string): Keyset {
  const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (rest.length > 0 || !AT.test(at) || !ID.test(id)) throw new DomainError('INVALID', 'validation.invalid', {}, 'cursor')
  return { at, id }
}
