// Cash drawer inputs shared by forms, server actions and the API (docs/decisions/017-cash-drawer.md).
import { z } from 'zod'
import { MAX_AMOUNT } from '@/domain/money'
import { MAX_PIECES } from '@/domain/cash-drawer'
import { formNumber, integer } from './fields'

const id = z.uuid()
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.format')

/** Pieces per denomination ("500000": 3). Which denominations the currency has is checked by the use case. */
export const denominationCounts = z
  .record(z.string().regex(/^[1-9]\d{0,9}$/, 'validation.format'), integer(0, MAX_PIECES))
  .refine((counts) => Object.keys(counts).length <= 30, { message: 'validation.invalid' })

export const openCashSessionSchema = z.strictObject({
  drawerId: id,
  /** The float counted into the drawer, in minor units (may be nothing). */
  float: integer(0, MAX_AMOUNT),
})
export type OpenCashSessionInput = z.infer<typeof openCashSessionSchema>

export const CASH_MOVEMENT_KINDS = ['IN', 'OUT'] as const
export const recordCashMovementSchema = z.strictObject({
  sessionId: id,
  kind: z.enum(CASH_MOVEMENT_KINDS),
  amount: integer(1, MAX_AMOUNT),
  reason: z.string().trim().min(1, 'validation.required').max(200),
})
export type RecordCashMovementInput = z.infer<typeof recordCashMovementSchema>

export const closeCashSessionSchema = z.strictObject({
  sessionId: id,
  counts: denominationCounts,
  note: z
    .string()
    .trim()
    .max(500)
    .transform((s) => (s === '' ? undefined : s))
    .optional(),
})
export type CloseCashSessionInput = z.infer<typeof closeCashSessionSchema>

export const createCashDrawerSchema = z.strictObject({
  name: z.string().trim().min(1, 'validation.required').max(60),
})
export type CreateCashDrawerInput = z.infer<typeof createCashDrawerSchema>

/** A range of business days (both included), for the manager's differences and their CSV. */
export const cashRangeSchema = z
  .strictObject({ from: ymd, to: ymd })
  .refine((v) => v.from <= v.to, { message: 'validation.invalid', path: ['to'] })
export type CashRangeInput = z.infer<typeof cashRangeSchema>

/** The API's list of sessions: newest opened first, keyset cursor, optional drawer and state. */
export const listCashSessionsQuery = z.strictObject({
  limit: formNumber(integer(1, 100)).default(25),
  cursor: z.string().max(200).optional(),
  drawerId: id.optional(),
  state: z.enum(['open', 'closed']).optional(),
})
export type ListCashSessionsQuery = z.infer<typeof listCashSessionsQuery>

export const cashSessionIdParams = z.strictObject({ id })

// ---- API responses (documented in src/server/api/openapi.ts) ----

const money = z.number().int().describe('Minor units of the business currency')
const moneyOrNull = money.nullable()
const personRef = z.object({ id: z.uuid(), name: z.string() })

export const cashSessionSummary = z.object({
  id: z.uuid(),
  drawer: z.object({ id: z.uuid(), name: z.string() }),
  currency: z.string(),
  openedBy: personRef,
  openedAt: z.iso.datetime(),
  float: money,
  closedBy: personRef.nullable(),
  closedAt: z.iso.datetime().nullable(),
  expected: moneyOrNull.describe('Set when closed'),
  counted: moneyOrNull,
  difference: moneyOrNull.describe('counted - expected: negative when cash was missing'),
  note: z.string().nullable(),
})
export const cashSessionPage = z.object({ data: z.array(cashSessionSummary), nextCursor: z.string().nullable() })

export const cashSessionDetail = z.object({
  id: z.uuid(),
  drawer: z.object({ id: z.uuid(), name: z.string() }),
  currency: z.string(),
  openedBy: personRef,
  openedAt: z.iso.datetime(),
  closedBy: personRef.nullable(),
  closedAt: z.iso.datetime().nullable(),
  figures: z
    .object({
      float: money,
      taken: money,
      givenBack: money,
      paidIn: money,
      paidOut: money,
      expected: money,
      byMethod: z.object({ CASH: money, CARD: money, TRANSFER: money }),
    })
    .describe('Live while open; as stored at closing (the Z report) once closed'),
  counted: moneyOrNull,
  difference: moneyOrNull,
  note: z.string().nullable(),
  counts: z.array(z.object({ value: money, pieces: z.number().int() })).nullable(),
  movements: z.array(
    z.object({ id: z.uuid(), kind: z.enum(CASH_MOVEMENT_KINDS), amount: money, reason: z.string(), by: z.string(), at: z.iso.datetime() }),
  ),
  payments: z.array(
    z.object({
      id: z.uuid(),
      order: z.string(),
      orderId: z.uuid(),
      kind: z.enum(['DEPOSIT', 'PAYMENT', 'REFUND']),
      amount: money.describe('Negative when cash was paid back'),
      by: z.string(),
      at: z.iso.datetime(),
    }),
  ),
  mayClose: z.boolean(),
  threshold: money,
})
