// Schemas of the public API's queries and responses (request bodies reuse the forms' schemas). They also generate
// /api/v1/openapi.json, so the documentation cannot drift from what the routes accept.
import { z } from 'zod'

const isoDate = z.iso.datetime({ offset: true })

export const cursorQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
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

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    ref: z.string().optional(),
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
