// The order as the intake sends it, built from what is on screen by a pure function (no React, no words): the form
// turns the problems into messages, the tests check the payload directly.
import type { DepositProblem, DepositReading } from '@/domain/intake'
import { documentTotals, type DocumentTotals } from '@/domain/tax'
import { invoiceDetailsInput, type InvoiceDetailsDraft } from '../../invoice-details-draft'
import { effectivePrice, parseQuantity, priceReading, type DraftLine } from '../line-row'

export type PayloadProblem = 'quantity' | 'price' | 'dueQuick' | DepositProblem

export interface IntakeDraft {
  idempotencyKey: string
  customerId: string | null
  lines: readonly DraftLine[]
  dueDate: string
  dueTime: string
  /** False while the due-date quick box holds something it cannot read. */
  dueQuickOk: boolean
  mode: 'PICKUP' | 'DELIVERY'
  address: string
  notes: string
  deposit: DepositReading
  depositMethod: string
  /** "Wants a VAT invoice" and its details (absent: not asked). */
  invoice?: InvoiceDetailsDraft
  /** The chosen customer has VAT invoice details stored (turning the toggle off then removes them). */
  customerHadInvoiceDetails?: boolean
}

/**
 * The createOrder payload, and the problems found on the way by field path (`lines.0.quantity`, `deposit.amount`…).
 * A field with a problem is still sent in some shape, so the schema can report everything else in one go.
 */
export function buildOrderPayload(
  draft: IntakeDraft,
  currency: string,
  locale: string,
): { payload: Record<string, unknown>; problems: Record<string, PayloadProblem> } {
  const problems: Record<string, PayloadProblem> = {}
  const lines = draft.lines.map((l, i) => {
    const quantity = parseQuantity(l.quantity)
    if (quantity === null) problems[`lines.${i}.quantity`] = 'quantity'
    const price = priceReading(l, currency, locale)
    if (!price.ok) problems[`lines.${i}.unitPrice`] = price.problem === 'tooLarge' ? 'tooLarge' : 'price'
    return {
      productId: l.productId,
      quantity: quantity ?? 0,
      ...(l.price.trim() !== '' && price.ok ? { unitPrice: price.amount } : {}),
      ...(l.note.trim() !== '' ? { note: l.note } : {}),
    }
  })
  const { amount, tendered, problems: depositProblems } = draft.deposit
  if (depositProblems.amount) problems['deposit.amount'] = depositProblems.amount
  if (depositProblems.tendered) problems['deposit.tendered'] = depositProblems.tendered
  if (!draft.dueQuickOk) problems.dueDate = 'dueQuick'
  const payload = {
    idempotencyKey: draft.idempotencyKey,
    customerId: draft.customerId ?? '',
    lines,
    dueDate: draft.dueDate,
    dueTime: draft.dueTime,
    mode: draft.mode,
    ...(draft.mode === 'DELIVERY' ? { deliveryAddress: draft.address } : {}),
    ...(draft.notes.trim() !== '' ? { notes: draft.notes } : {}),
    // Sent when wanted (the server writes them only if they changed), or as null to remove the customer's stored ones.
    ...(draft.invoice && (draft.invoice.wanted || draft.customerHadInvoiceDetails)
      ? { invoiceDetails: invoiceDetailsInput(draft.invoice) }
      : {}),
    ...(amount !== undefined ? { deposit: { amount, method: draft.depositMethod, ...(tendered !== undefined ? { tendered } : {}) } } : {}),
  }
  return { payload, problems }
}

/** The totals of the lines as typed, leaving out a line that cannot be read yet; null when they are too large to compute. */
export function draftTotals(lines: readonly DraftLine[], currency: string, locale: string): DocumentTotals | null {
  try {
    return documentTotals(
      lines.flatMap((l) => {
        const quantity = parseQuantity(l.quantity)
        const unitPrice = effectivePrice(l, currency, locale)
        return quantity !== null && unitPrice !== null ? [{ quantity, unitPrice, taxRateBp: l.taxRateBp }] : []
      }),
    )
  } catch {
    return null
  }
}
