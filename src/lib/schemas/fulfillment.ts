// Workshop inputs shared by forms and server actions: the queue's filters, recording work, assignment, hold, cancel.
import { z } from 'zod'
import { searchQuery } from './customer'
import { formNumber, integer, version } from './fields'

const id = z.uuid()
const reason = z.string().trim().min(1).max(500)
/** A line quantity (the database caps nothing lower; this keeps typing mistakes like 1e12 out). */
const quantity = integer(0, 1_000_000)

export const QUEUE_STATUSES = ['todo', 'all', 'NOT_STARTED', 'PARTLY_FULFILLED', 'READY', 'ON_HOLD'] as const
export type QueueStatus = (typeof QUEUE_STATUSES)[number]
export const QUEUE_DUE = ['any', 'overdue', 'today', 'tomorrow', 'day'] as const
export type QueueDue = (typeof QUEUE_DUE)[number]
export const QUEUE_PAGE_SIZE = 50

/** Parsed from the URL (?status=&due=&day=&assignee=&q=&after=|before=): unknown values fall back to defaults, so a
 * hand-edited or outdated link still shows a queue instead of an error. */
export const queueFilterSchema = z.object({
  status: z.enum(QUEUE_STATUSES).catch('todo'),
  due: z.enum(QUEUE_DUE).catch('any'),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  assignee: z
    .union([z.literal('me'), z.literal('none'), z.uuid()])
    .optional()
    .catch(undefined),
  // Control characters (NUL, which PostgreSQL cannot take in text) read as spaces, as in every search box.
  q: searchQuery()
    .optional()
    .catch(undefined)
    .transform((s) => s?.trim() || undefined),
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
  limit: formNumber(integer(1, 200)).catch(QUEUE_PAGE_SIZE).default(QUEUE_PAGE_SIZE),
})
export type QueueFilter = z.infer<typeof queueFilterSchema>

export const recordFulfillmentSchema = z.strictObject({
  orderId: id,
  expectedVersion: version,
  lines: z
    .array(z.union([z.strictObject({ lineId: id, set: quantity }), z.strictObject({ lineId: id, add: integer(-1_000_000, 1_000_000) })]))
    .min(1)
    .max(200),
})
export type RecordFulfillmentInput = z.infer<typeof recordFulfillmentSchema>

export const assignOrderSchema = z.strictObject({
  orderId: id,
  expectedVersion: version,
  /** null: nobody. */
  assigneeId: id.nullable(),
})
export type AssignOrderInput = z.infer<typeof assignOrderSchema>

export const holdOrderSchema = z.strictObject({ orderId: id, expectedVersion: version, reason })
export type HoldOrderInput = z.infer<typeof holdOrderSchema>

export const releaseOrderSchema = z.strictObject({ orderId: id, expectedVersion: version })
export type ReleaseOrderInput = z.infer<typeof releaseOrderSchema>

export const cancelOrderSchema = z.strictObject({ orderId: id, expectedVersion: version, reason })
export type CancelOrderInput = z.infer<typeof cancelOrderSchema>
