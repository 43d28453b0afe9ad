import 'server-only'
import type { Tx } from '../db'
import { outboxEnv } from '../env'
import { sendJob } from './enqueue'

/**
 * Give a FAILED or DEAD entry a fresh set of tries (a manager's retry by hand, after fixing the settings or once the
 * provider is back): same entry, same idempotency key, a new job — inside the caller's transaction. False when the
 * entry is not FAILED or DEAD (sent meanwhile, or already being retried).
 */
export async function retryOutboxEntry(tx: Tx, entryId: string): Promise<boolean> {
  const maxAttempts = outboxEnv().HANDOFF_OUTBOX_MAX_ATTEMPTS
  const updated = await tx.outboxEntry.updateMany({
    where: { id: entryId, status: { in: ['FAILED', 'DEAD'] } },
    data: { status: 'PENDING', attempts: 0, maxAttempts, doneAt: null, claimedUntil: null },
  })
  if (updated.count !== 1) return false
  await sendJob(tx, entryId, maxAttempts)
  return true
}
