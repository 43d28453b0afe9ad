import 'server-only'
import { DomainError } from '@/domain/errors'
import { retryEInvoiceSchema, type RetryEInvoiceInput } from '@/lib/schemas/billing'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { retryOutboxEntry } from '../outbox/retry'
import { defineUseCase } from '../use-case'
import { einvoiceOutboxKey } from './issue-einvoice'

/**
 * Tries an e-invoice again after the provider refused it (the buyer's tax code fixed, say) or the outbox gave up on it
 * (the provider was down for hours, the settings incomplete): back to WAITING, the same outbox entry with fresh tries,
 * in one transaction, audited on the order's timeline. The same transaction id goes to the provider, so an e-invoice
 * it did create after all is found, not issued twice. Refused when it is issued or still being tried.
 */
export async function retryEInvoice(actor: Actor, input: RetryEInvoiceInput): Promise<{ einvoiceId: string }> {
  const { task } = authorize(actor, retryEInvoiceUseCase.tasks)
  return db().$transaction(async (tx) => {
    const einvoice = await tx.eInvoice.findUnique({
      where: { id: input.einvoiceId },
      select: { status: true, invoice: { select: { id: true, orderId: true } }, creditNote: { select: { id: true, orderId: true } } },
    })
    if (!einvoice) throw new DomainError('NOT_FOUND', 'errors.notFound')
    const entry = await tx.outboxEntry.findUnique({ where: { key: einvoiceOutboxKey(input.einvoiceId) }, select: { id: true } })
    if (einvoice.status === 'ISSUED' || !entry || !(await retryOutboxEntry(tx, entry.id)))
      throw new DomainError('CONFLICT', 'back.document.einvoice.notRetryable')
    if (einvoice.status === 'REJECTED')
      await tx.eInvoice.update({ where: { id: input.einvoiceId }, data: { status: 'WAITING' }, select: { id: true } })
    await audit(tx, actor, {
      action: 'einvoice.retried',
      entityType: 'einvoice',
      entityId: input.einvoiceId,
      orderId: (einvoice.invoice ?? einvoice.creditNote)?.orderId ?? null,
      task,
      data: { was: einvoice.status },
    })
    return { einvoiceId: input.einvoiceId }
  })
}

export const retryEInvoiceUseCase = defineUseCase({
  name: 'retryEInvoice',
  tasks: 'INVOICE',
  schema: retryEInvoiceSchema,
  run: retryEInvoice,
})
