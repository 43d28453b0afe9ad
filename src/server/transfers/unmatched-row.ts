import 'server-only'
import { DomainError } from '@/domain/errors'
import type { Tx } from '../db'

// Shared by assign-transfer.ts and dismiss-transfer.ts (not a use case itself; callers authorize first).

/** The transfer, locked, while it is still on the unmatched list; CONFLICT once someone resolved it. */
export async function lockUnmatched(tx: Tx, transferId: string) {
  const [row] = await tx.$queryRaw<
    Array<{ id: string; status: string; amount: number; provider: string; providerTxId: string; bankReference: string | null }>
  >`
    SELECT id, status::text AS status, amount, provider, "providerTxId", "bankReference" FROM "BankTransfer" WHERE id = ${transferId}::uuid FOR UPDATE`
  if (!row) throw new DomainError('NOT_FOUND', 'errors.notFound')
  if (row.status !== 'UNMATCHED') throw new DomainError('CONFLICT', 'back.transfers.errors.resolved', {}, 'transferId')
  return row
}
