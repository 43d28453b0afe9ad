// Billing inputs shared by forms and server actions: invoices, payments, credit notes, refunds, exports.
import { z } from 'zod'
import { amount, formNumber, integer, version } from './fields'

const id = z.uuid()
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? undefined : s))
    .optional()

export const PAYMENT_METHODS = ['CASH', 'CARD', 'TRANSFER'] as const

export const issueInvoiceSchema = z.strictObject({
  orderId: id,
  expectedVersion: version.optional(),
})
export type IssueInvoiceInput = z.infer<typeof issueInvoiceSchema>

export const recordPaymentSchema = z.strictObject({
  orderId: id,
  invoiceId: id.optional(),
  method: z.enum(PAYMENT_METHODS),
  amount,
  tendered: amount.optional(),
  reference: optionalText(100),
  /** CASH only: the drawer it goes into (default: the one the cashier opened, or the only one open). */
  drawerId: id.optional(),
})
export type RecordPaymentInput = z.infer<typeof recordPaymentSchema>

export const creditNoteSchema = z.strictObject({
  invoiceId: id,
  expectedVersion: version.optional(),
  reason: z.string().trim().min(1).max(500),
  reinvoice: z.boolean().default(false),
  lines: z
    .array(z.strictObject({ invoiceLineId: id, quantity: integer(1, 1_000_000) }))
    .min(1)
    .max(200),
})
export type CreditNoteInput = z.infer<typeof creditNoteSchema>

export const recordRefundSchema = z.strictObject({
  creditNoteId: id,
  method: z.enum(PAYMENT_METHODS),
  amount,
  reference: optionalText(100),
  /** CASH only: the drawer it is paid out of (default as for a payment). */
  drawerId: id.optional(),
})
export type RecordRefundInput = z.infer<typeof recordRefundSchema>

/** Handing back unapplied money (a deposit) on a cancelled order: no credit note, since nothing was invoiced. */
export const returnDepositSchema = z.strictObject({
  orderId: id,
  method: z.enum(PAYMENT_METHODS),
  amount,
  reference: optionalText(100),
  /** CASH only: the drawer it is paid out of (default as for a payment). */
  drawerId: id.optional(),
})
export type ReturnDepositInput = z.infer<typeof returnDepositSchema>

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.format')

export const exportKinds = ['invoices', 'payments', 'credit-notes'] as const
export const billingExportSchema = z
  .strictObject({ kind: z.enum(exportKinds), from: ymd, to: ymd })
  .refine((v) => v.from <= v.to, { message: 'validation.invalid', path: ['to'] })
export type BillingExportInput = z.infer<typeof billingExportSchema>

/** Assigning a transfer from the unmatched list to an order, by the order's number as printed ("DH-000123" or 123). */
export const assignTransferSchema = z.strictObject({
  transferId: z.uuid(),
  orderNumber: z.string().trim().min(1).max(30),
})

/** Marking a transfer on the unmatched list as not a payment for the shop, saying why. */
export const dismissTransferSchema = z.strictObject({
  transferId: z.uuid(),
  note: z.string().trim().min(1).max(500),
})

/** The unmatched list (API and screen): newest first, a page at a time. */
export const listUnmatchedTransfersSchema = z.strictObject({
  limit: formNumber(integer(1, 200)).default(50),
})

/** Trying a refused or given-up e-invoice again, once the data or the settings are fixed (decision 023). */
export const retryEInvoiceSchema = z.strictObject({ einvoiceId: z.uuid() })
export type RetryEInvoiceInput = z.output<typeof retryEInvoiceSchema>
