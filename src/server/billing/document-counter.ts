import 'server-only'
import { businessDay } from '@/domain/opening-hours'
import { nextSeq } from '@/domain/numbering'
import type { Tx } from '../db'

export type DocumentKind = 'INVOICE' | 'CREDIT_NOTE'

/** The business year of a moment (a document issued at 00:30 on 1 January in Ho Chi Minh City belongs to the new
 * year even though it is still 31 December in UTC). */
export function businessYear(at: Date, timeZone: string): number {
  return Number(businessDay(at, timeZone).slice(0, 4))
}

/**
 * The next gapless sequence number of (kind, year). The counter row is created or bumped with one statement that
 * keeps it locked until the issuing transaction ends: concurrent issuers queue behind it, and a rollback gives the
 * number back (a sequence would leave a gap). Call it as late as possible in the transaction to hold the lock
 * briefly.
 */
export async function takeDocumentSeq(tx: Tx, kind: DocumentKind, year: number): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ last: number }>>`
    INSERT INTO "DocumentCounter" (kind, year, last)
    VALUES (${kind}::"DocumentKind", ${year}, 1)
    ON CONFLICT (kind, year) DO UPDATE SET last = "DocumentCounter".last + 1
    RETURNING last`
  const last = rows[0]?.last
  if (last === undefined) throw new Error('document counter returned no row')
  // nextSeq validates the range; the counter already holds the new value.
  nextSeq(last - 1)
  return last
}
