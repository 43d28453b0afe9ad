import 'server-only'
import { DomainError } from '@/domain/errors'
import type { Task } from '@/domain/permissions'
import type { InvoiceDetailsInput } from '@/lib/schemas/customer'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import type { Tx } from '../db'

// A customer's VAT invoice details (issue 19, docs/decisions/026): stored on the customer (taxCode, legalName,
// invoiceAddress), read by every screen that shows them and written by one function, whoever changes them.

/** What a VAT invoice names the buyer by; null when the customer does not want one. */
export interface InvoiceDetailsDTO {
  taxCode: string
  legalName: string
  address: string | null
}

export const INVOICE_DETAILS_SELECT = { taxCode: true, legalName: true, invoiceAddress: true } as const

export type InvoiceDetailsRow = { taxCode: string | null; legalName: string | null; invoiceAddress: string | null }

export function toInvoiceDetails(row: InvoiceDetailsRow): InvoiceDetailsDTO | null {
  return row.taxCode ? { taxCode: row.taxCode, legalName: row.legalName ?? '', address: row.invoiceAddress } : null
}

/** The columns for details as validated by invoiceDetailsSchema (null: none). */
export function invoiceDetailsColumns(details: InvoiceDetailsInput | null): InvoiceDetailsRow {
  return { taxCode: details?.taxCode ?? null, legalName: details?.legalName ?? null, invoiceAddress: details?.address ?? null }
}

/** The columns `details` make of a customer's `before`, and whether that is a change. */
export function invoiceDetailsChange(
  before: InvoiceDetailsRow,
  details: InvoiceDetailsInput | null,
): { after: InvoiceDetailsRow; changed: boolean } {
  const after = invoiceDetailsColumns(details)
  const changed = before.taxCode !== after.taxCode || before.legalName !== after.legalName || before.invoiceAddress !== after.invoiceAddress
  return { after, changed }
}

/** The audit entry of a change (`orderId`: the order it was given with, so it shows on its timeline). */
export function invoiceDetailsAudit(
  customerId: string,
  task: Task,
  change: { before: InvoiceDetailsRow; after: InvoiceDetailsRow },
  orderId?: string,
) {
  return {
    action: 'customer.invoice_details_changed',
    entityType: 'customer',
    entityId: customerId,
    orderId: orderId ?? null,
    task,
    before: change.before,
    after: change.after,
  }
}

/**
 * Sets (or with null removes) a customer's VAT invoice details inside the caller's transaction, with an audit entry
 * saying what they were and what they became; nothing is written when they are unchanged. Returns the details now
 * stored. (createOrder writes the same change in its own statement, with invoiceDetailsChange and invoiceDetailsAudit.)
 */
export async function writeInvoiceDetails(
  tx: Tx,
  actor: Actor,
  task: Task,
  target: { customerId: string },
  details: InvoiceDetailsInput | null,
): Promise<InvoiceDetailsDTO | null> {
  const before = await tx.customer.findUnique({ where: { id: target.customerId }, select: INVOICE_DETAILS_SELECT })
  if (!before) throw new DomainError('NOT_FOUND', 'errors.notFound')
  const { after, changed } = invoiceDetailsChange(before, details)
  if (changed) {
    await tx.customer.update({ where: { id: target.customerId }, data: after, select: { id: true } })
    await audit(tx, actor, invoiceDetailsAudit(target.customerId, task, { before, after }))
  }
  return toInvoiceDetails(after)
}
