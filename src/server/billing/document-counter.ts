import 'server-only'
import { businessDay } from '@/domain/opening-hours'
import { formatDocumentNumber, nextSeq } from '@/domain/numbering'
import type { Tx } from '../db'

export type DocumentKind = 'INVOICE' | 'CREDIT_NOTE'

/** The business year of a moment (a document issued at 00:30 on 1 January in Ho Chi Minh City belongs to the new
 * year even though it is still 31 December in UTC). */
function businessYear(at: Date, timeZone: string): number {
  return Number(businessDay(at, timeZone).slice(0, 4))
}

/**
 * The next gapless sequence number of (kind, year). The counter row is created or bumped with one statement that
 * keeps it locked until the issuing transaction ends: concurrent issuers queue behind it, and a rollback gives the
 * number back (a sequence would leave a gap). Call it as late as possible in the transaction to hold the lock
 * briefly.
 */
async function takeDocumentSeq(tx: Tx, kind: DocumentKind, year: number): Promise<number> {
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

/** Everything that numbers a document issued now: its moment, business year, gapless sequence and printed number
 * (`prefix` is the settings' invoice or credit-note prefix). Takes the counter's lock: call it last before the
 * document is written. */
export async function takeDocumentNumber(
  tx: Tx,
  kind: DocumentKind,
  settings: { timeZone: string; invoicePrefix: string; creditNotePrefix: string },
): Promise<{ issuedAt: Date; year: number; seq: number; number: string }> {
  const issuedAt = new Date()
  const year = businessYear(issuedAt, settings.timeZone)
  const seq = await takeDocumentSeq(tx, kind, year)
  return {
    issuedAt,
    year,
    seq,
    number: formatDocumentNumber(kind === 'INVOICE' ? settings.invoicePrefix : settings.creditNotePrefix, year, seq),
  }
}
