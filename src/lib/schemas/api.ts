// Schemas of the public API's queries and responses (request bodies reuse the forms' schemas). They also generate
// /api/v1/openapi.json, so the documentation cannot drift from what the routes accept.
import { z } from 'zod'
import { UNMATCHED_REASONS } from '@/domain/bank-transfer'
import { issueInvoiceSchema, recordPaymentSchema } from './billing'
import { createCustomerSchema, searchQuery } from './customer'
import { recordFulfillmentSchema } from './fulfillment'
import { formNumber, integer } from './fields'
import { createOrderBodySchema } from './order'

const isoDate = z.iso.datetime({ offset: true })

export const cursorQuery = {
  limit: formNumber(integer(1, 100)).default(25),
  cursor: z.string().max(200).optional(),
}

export const listOrdersQuery = z.strictObject({
  ...cursorQuery,
  status: z.enum(['open', 'ready', 'closed', 'cancelled']).optional(),
  customerId: z.uuid().optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
})
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>

export const idParam = z.strictObject({ id: z.uuid() })

/** Visible ASCII, 8–100 characters: a UUID per logical request is the usual choice. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,100}$/

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    ref: z.string().optional(),
    /** POST /api/v1/customers only: the existing customers sharing the phone or email (send ignoreDuplicates: true to create anyway). */
    duplicates: z
      .array(z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }))
      .optional(),
  }),
})

export const orderSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  version: z.number().int(),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(['RECEIVED', 'IN_PROGRESS', 'READY', 'COLLECTED', 'DELIVERED', 'ON_HOLD', 'CANCELLED']),
  fulfillment: z.enum(['NOT_STARTED', 'PARTLY_FULFILLED', 'FULFILLED']),
  billing: z.enum(['UNBILLED', 'PARTLY_BILLED', 'BILLED']),
  payment: z.enum(['UNPAID', 'PARTLY_PAID', 'PAID', 'REFUNDED']),
  total: z.number().int().describe('Minor units of the business currency'),
  dueAt: isoDate,
  createdAt: isoDate,
  closedAt: isoDate.nullable(),
})
export type OrderSummaryDTO = z.infer<typeof orderSummary>

export const orderPage = z.object({ data: z.array(orderSummary), nextCursor: z.string().nullable() })
export type OrderPageDTO = z.infer<typeof orderPage>

export const healthResponse = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['reachable', 'unreachable']) })

// ---- Request bodies: the forms' schemas, minus what the URL already says (the order id) ----

/** POST /api/v1/orders: the intake form's order without its idempotency key (that is the Idempotency-Key header). */
export const createOrderBody = createOrderBodySchema
export const recordFulfillmentBody = recordFulfillmentSchema.omit({ orderId: true })
export type RecordFulfillmentBody = z.output<typeof recordFulfillmentBody>
export const issueInvoiceBody = issueInvoiceSchema.omit({ orderId: true })
export type IssueInvoiceBody = z.output<typeof issueInvoiceBody>
export const recordPaymentBody = recordPaymentSchema.omit({ orderId: true })
export type RecordPaymentBody = z.output<typeof recordPaymentBody>
export const createCustomerBody = createCustomerSchema

// ---- Queries ----

export const listCustomersQuery = z.strictObject({
  ...cursorQuery,
  /** Words to find in the name, phone or email (case and diacritics ignored: "nguyen" finds "Nguyễn"). */
  q: searchQuery()
    .transform((s) => s.trim())
    .optional(),
})
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>

export const listInvoicesQuery = z.strictObject({
  ...cursorQuery,
  /** open: the customer still owes something on it; settled: nothing left to pay (or money owed back). */
  status: z.enum(['open', 'settled']).optional(),
  customerId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  issuedFrom: isoDate.optional(),
  issuedTo: isoDate.optional(),
})
export type ListInvoicesQuery = z.infer<typeof listInvoicesQuery>

// ---- Responses ----

const money = z.number().int().describe('Minor units of the business currency')

export const fulfillmentResult = z.object({
  version: z.number().int(),
  fulfillment: z.enum(['NOT_STARTED', 'PARTLY_FULFILLED', 'FULFILLED']),
  changed: z.array(z.object({ lineId: z.uuid(), from: z.number().int(), to: z.number().int() })),
})

export const customerResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  invoiceDetails: z
    .object({
      taxCode: z.string().describe('Tax code (MST) as printed: 10 digits, or 10 digits, a dash and the 3-digit branch number'),
      legalName: z.string().describe('Legal (company) name on a VAT invoice'),
      address: z.string().nullable(),
    })
    .nullable()
    .describe('For a VAT invoice; null when the customer does not want one'),
})
export type CustomerDTO = z.infer<typeof customerResponse>
export const customerPage = z.object({ data: z.array(customerResponse), nextCursor: z.string().nullable() })
export type CustomerPageDTO = z.infer<typeof customerPage>

export const invoiceIssued = z.object({
  invoiceId: z.uuid(),
  number: z.string(),
  total: money,
  applied: money.describe('Money already held on the order (deposit, prepayments) applied to this invoice'),
})

export const paymentRecorded = z.object({
  paymentId: z.uuid(),
  change: money.describe('Cash to hand back (tendered - amount); 0 for card and transfer'),
  balance: money.describe('What the customer still owes against issued invoices after this payment (negative: owed back)'),
  orderClosed: z.boolean(),
})

export const invoiceSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  order: z.object({ id: z.uuid(), number: z.string() }),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  currency: z.string(),
  subtotal: money,
  taxTotal: money,
  total: money,
  credited: money,
  paid: money.describe('Payments applied to this invoice'),
  open: money.describe('total - credited - paid (negative: owed back to the customer)'),
  issuedAt: isoDate,
  dueAt: isoDate,
})
export type InvoiceSummaryDTO = z.infer<typeof invoiceSummary>
export const invoicePage = z.object({ data: z.array(invoiceSummary), nextCursor: z.string().nullable() })
export type InvoicePageDTO = z.infer<typeof invoicePage>

export const unmatchedTransfer = z.object({
  id: z.uuid(),
  provider: z.string().describe('The payment-notification service that reported it (SEPAY)'),
  receivedAt: isoDate,
  bookedAt: z.string().describe("The bank's time of the transfer, as the provider wrote it"),
  gateway: z.string().describe('The bank'),
  accountNumber: z.string(),
  amount: money.describe('Whole đồng'),
  content: z.string().describe("The transfer's text as the bank delivered it"),
  bankReference: z.string().nullable(),
  reason: z.enum(UNMATCHED_REASONS).describe('Why it was not applied to an order automatically'),
  order: z.object({ id: z.uuid(), number: z.string() }).nullable().describe('The order its memo named, if any'),
})
export const unmatchedTransferList = z.object({ data: z.array(unmatchedTransfer) })
