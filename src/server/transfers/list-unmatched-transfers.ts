import 'server-only'
import type { UnmatchedReason } from '@/domain/bank-transfer'
import { formatOrderNumber } from '@/domain/numbering'
import { listUnmatchedTransfersSchema } from '@/lib/schemas/billing'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'

export interface UnmatchedTransferDTO {
  id: string
  provider: string
  receivedAt: string
  /** The bank's time of the transfer, as the provider wrote it. */
  bookedAt: string
  gateway: string
  accountNumber: string
  /** Whole đồng. */
  amount: number
  content: string
  bankReference: string | null
  reason: UnmatchedReason
  /** The order the memo named, when it named one (already paid, overpaid, wrong amount). */
  order: { id: string; number: string } | null
}

/** Bank transfers waiting for a person (the unmatched list), newest first. Stored transfers are never dropped: a
 * transfer leaves this list only when it is assigned to an order or marked as not ours. */
export async function listUnmatchedTransfers(actor: Actor, input: { limit: number }): Promise<UnmatchedTransferDTO[]> {
  authorize(actor, listUnmatchedTransfersUseCase.tasks)
  const settings = await getSettings()
  const rows = await db().bankTransfer.findMany({
    where: { status: 'UNMATCHED' },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
    select: {
      id: true,
      provider: true,
      receivedAt: true,
      bookedAt: true,
      gateway: true,
      accountNumber: true,
      amount: true,
      content: true,
      bankReference: true,
      reason: true,
      order: { select: { id: true, number: true } },
    },
  })
  return rows.map((r) => ({
    ...r,
    receivedAt: r.receivedAt.toISOString(),
    reason: (r.reason ?? 'NO_MEMO') as UnmatchedReason,
    order: r.order ? { id: r.order.id, number: formatOrderNumber(settings.orderPrefix, r.order.number) } : null,
  }))
}

/** Who may call it and its input, read by its page, API route and the authorization matrix. */
export const listUnmatchedTransfersUseCase = defineUseCase({
  name: 'listUnmatchedTransfers',
  tasks: 'RECORD_PAYMENT',
  schema: listUnmatchedTransfersSchema,
  run: listUnmatchedTransfers,
})
