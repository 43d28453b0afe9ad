import 'server-only'
import { dismissTransferSchema } from '@/lib/schemas/billing'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'
import { lockUnmatched } from './unmatched-row'

/** A person marks a transfer on the unmatched list as not a payment for the shop (kept, never applied), saying why. */
export async function dismissTransfer(actor: Actor, input: { transferId: string; note: string }): Promise<{ id: string }> {
  const { task } = authorize(actor, dismissTransferUseCase.tasks)
  return db().$transaction(async (tx) => {
    const transfer = await lockUnmatched(tx, input.transferId)
    await tx.bankTransfer.update({
      where: { id: transfer.id },
      data: { status: 'NOT_OURS', note: input.note, resolvedById: actor.id, resolvedAt: new Date() },
    })
    await audit(tx, actor, {
      action: 'transfer.not_ours',
      entityType: 'bank_transfer',
      entityId: transfer.id,
      task,
      data: { amount: transfer.amount, note: input.note },
    })
    return { id: transfer.id }
  })
}

/** Who may call it and its input, read by its server action and the authorization matrix. */
export const dismissTransferUseCase = defineUseCase({
  name: 'dismissTransfer',
  tasks: 'RECORD_PAYMENT',
  schema: dismissTransferSchema,
  run: dismissTransfer,
})
