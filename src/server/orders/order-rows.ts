import { randomBytes, randomUUID } from 'node:crypto'
import { TRACKING_TOKEN_BYTES } from '@/domain/intake'
import { orderStatuses, type BillingStatus, type FulfillmentStatus, type Handover, type PaymentStatus } from '@/domain/order-status'
import { documentTotals } from '@/domain/tax'

// The one way to make an order outside the counter: the demo seed, the tests (integration and e2e) and the benchmarks
// all build their orders here. `buildOrder` is pure (rows in memory, with their ids); `insertOrders` writes built rows
// in one statement per table, so one order and a batch of 50,000 use the same column list. The cached totals come from
// documentTotals and the derived statuses from orderStatuses — the rules refreshOrderState applies — never from the
// caller. Timestamps (ready, closed, handed over…) are facts the caller chooses, as a test of history needs them.
//
// No `server-only` and no database import here: Playwright's e2e helpers and the benchmarks run outside Next and write
// through their own connection (`insertOrders` takes any `query(text, values)`).

export type PaymentMethod = 'CASH' | 'CARD' | 'TRANSFER'

export interface OrderLineSpec {
  id?: string
  productId?: string | null
  sku?: string | null
  description: string
  note?: string | null
  quantity: number
  unitPrice: number
  taxRateBp: number
  /** Its VAT category (docs/decisions/021); none for a line whose rate was typed in. */
  taxCategoryId?: string | null
  qtyFulfilled?: number
  qtyInvoiced?: number
}

export interface OrderSpec {
  id?: string
  /** Omitted: the next number of the order sequence (as at the counter). */
  number?: number
  customerId: string
  takenById: string
  takenCovering?: boolean
  assigneeId?: string | null
  dueAt: Date
  createdAt?: Date
  mode?: 'PICKUP' | 'DELIVERY'
  deliveryAddress?: string | null
  notes?: string | null
  idempotencyKey?: string
  trackingToken?: string
  lines: readonly OrderLineSpec[]
  handover?: { kind: 'COLLECTED' | 'DELIVERED'; at: Date; byId?: string | null } | null
  held?: { at: Date; reason: string; byId?: string | null } | null
  cancelled?: { at: Date; reason: string; byId?: string | null } | null
  readyAt?: Date | null
  closedAt?: Date | null
  /** The close time to stamp if the derived statuses say the order is closed (as refreshOrderState does); else null.
   * Ignored when `closedAt` is given. */
  closedIfDoneAt?: Date | null
  /** A deposit taken with the order: a DEPOSIT payment row, counted as money held. */
  deposit?: { id?: string; amount: number; method?: PaymentMethod; receivedById?: string; receivedAt?: Date; crossRole?: boolean } | null
  /** Documents and money the caller writes itself (invoices, later payments, refunds), counted in the payment status
   * ('total': the order's own total, e.g. an order invoiced and paid in full). */
  money?: { invoicedNet?: number | 'total'; invoiced?: boolean; paid?: number | 'total'; refunded?: number }
}

export interface OrderRow {
  id: string
  number?: number
  customerId: string
  dueAt: Date
  mode: 'PICKUP' | 'DELIVERY'
  deliveryAddress: string | null
  notes: string | null
  fulfillment: FulfillmentStatus
  billing: BillingStatus
  payment: PaymentStatus
  handover: Handover
  handedOverAt: Date | null
  handedOverById: string | null
  heldAt: Date | null
  holdReason: string | null
  heldById: string | null
  cancelledAt: Date | null
  cancelReason: string | null
  cancelledById: string | null
  readyAt: Date | null
  closedAt: Date | null
  takenById: string
  takenCovering: boolean
  assigneeId: string | null
  idempotencyKey: string
  version: number
  trackingToken: string
  subtotal: number
  taxTotal: number
  total: number
  createdAt: Date
  updatedAt: Date
}

export interface OrderLineRow {
  id: string
  orderId: string
  position: number
  productId: string | null
  sku: string | null
  description: string
  note: string | null
  quantity: number
  unitPrice: number
  taxRateBp: number
  taxCategoryId: string | null
  qtyFulfilled: number
  qtyInvoiced: number
}

export interface DepositRow {
  id: string
  orderId: string
  customerId: string
  kind: 'DEPOSIT'
  method: PaymentMethod
  amount: number
  receivedById: string
  crossRole: boolean
  receivedAt: Date
}

export interface BuiltOrder {
  order: OrderRow
  lines: OrderLineRow[]
  deposit: DepositRow | null
}

/** The rows of one order, in memory: totals and statuses derived, ids chosen. */
export function buildOrder(spec: OrderSpec): BuiltOrder {
  const id = spec.id ?? randomUUID()
  const createdAt = spec.createdAt ?? new Date()
  const lines: OrderLineRow[] = spec.lines.map((l, position) => ({
    id: l.id ?? randomUUID(),
    orderId: id,
    position,
    productId: l.productId ?? null,
    sku: l.sku ?? null,
    description: l.description,
    note: l.note ?? null,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxRateBp: l.taxRateBp,
    taxCategoryId: l.taxCategoryId ?? null,
    qtyFulfilled: l.qtyFulfilled ?? 0,
    qtyInvoiced: l.qtyInvoiced ?? 0,
  }))
  const totals = documentTotals(lines)
  const deposit = spec.deposit ?? null
  const handover = spec.handover ?? null
  const amount = (value: number | 'total' | undefined) => (value === 'total' ? totals.total : (value ?? 0))
  const statuses = orderStatuses({
    lines,
    invoicedNet: amount(spec.money?.invoicedNet),
    invoiced: spec.money?.invoiced ?? false,
    paid: (deposit?.amount ?? 0) + amount(spec.money?.paid),
    refunded: spec.money?.refunded ?? 0,
    handover: handover?.kind ?? 'WAITING',
    cancelled: spec.cancelled != null,
  })
  const order: OrderRow = {
    id,
    ...(spec.number === undefined ? {} : { number: spec.number }),
    customerId: spec.customerId,
    dueAt: spec.dueAt,
    mode: spec.mode ?? 'PICKUP',
    deliveryAddress: spec.deliveryAddress ?? null,
    notes: spec.notes ?? null,
    fulfillment: statuses.fulfillment,
    billing: statuses.billing,
    payment: statuses.payment,
    handover: handover?.kind ?? 'WAITING',
    handedOverAt: handover?.at ?? null,
    handedOverById: handover?.byId ?? null,
    heldAt: spec.held?.at ?? null,
    holdReason: spec.held?.reason ?? null,
    heldById: spec.held?.byId ?? null,
    cancelledAt: spec.cancelled?.at ?? null,
    cancelReason: spec.cancelled?.reason ?? null,
    cancelledById: spec.cancelled?.byId ?? null,
    readyAt: spec.readyAt ?? null,
    closedAt: spec.closedAt !== undefined ? spec.closedAt : statuses.closed ? (spec.closedIfDoneAt ?? null) : null,
    takenById: spec.takenById,
    takenCovering: spec.takenCovering ?? false,
    assigneeId: spec.assigneeId ?? null,
    idempotencyKey: spec.idempotencyKey ?? randomUUID(),
    version: 1,
    trackingToken: spec.trackingToken ?? randomBytes(TRACKING_TOKEN_BYTES).toString('base64url'),
    subtotal: totals.subtotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
    createdAt,
    updatedAt: new Date(),
  }
  return {
    order,
    lines,
    deposit: deposit
      ? {
          id: deposit.id ?? randomUUID(),
          orderId: id,
          customerId: spec.customerId,
          kind: 'DEPOSIT',
          method: deposit.method ?? 'CASH',
          amount: deposit.amount,
          receivedById: deposit.receivedById ?? spec.takenById,
          crossRole: deposit.crossRole ?? spec.takenCovering ?? false,
          receivedAt: deposit.receivedAt ?? createdAt,
        }
      : null,
  }
}

// ---- writing ---------------------------------------------------------------------------------------------------

/** Runs one statement with bound parameters: a pg Client or Pool's `query`, or the app's `sql`. */
export type Query = (text: string, values: unknown[]) => Promise<unknown>

type Columns<Row> = { [K in keyof Required<Row>]: string }

// Each table's column list, once: the SQL type each column's array is sent as. Timestamps travel as ISO strings and
// are stored as UTC (the columns are `timestamp`, see utcWrite in src/server/db.ts); enums as text, cast.
const ORDER_COLUMNS: Columns<OrderRow> = {
  id: 'uuid',
  number: 'int',
  customerId: 'uuid',
  dueAt: 'timestamp',
  mode: '"DeliveryMode"',
  deliveryAddress: 'text',
  notes: 'text',
  fulfillment: '"FulfillmentStatus"',
  billing: '"BillingStatus"',
  payment: '"PaymentStatus"',
  handover: '"Handover"',
  handedOverAt: 'timestamp',
  handedOverById: 'uuid',
  heldAt: 'timestamp',
  holdReason: 'text',
  heldById: 'uuid',
  cancelledAt: 'timestamp',
  cancelReason: 'text',
  cancelledById: 'uuid',
  readyAt: 'timestamp',
  closedAt: 'timestamp',
  takenById: 'uuid',
  takenCovering: 'boolean',
  assigneeId: 'uuid',
  idempotencyKey: 'text',
  version: 'int',
  trackingToken: 'text',
  subtotal: 'int',
  taxTotal: 'int',
  total: 'int',
  createdAt: 'timestamp',
  updatedAt: 'timestamp',
}

const LINE_COLUMNS: Columns<OrderLineRow> = {
  id: 'uuid',
  orderId: 'uuid',
  position: 'int',
  productId: 'uuid',
  sku: 'text',
  description: 'text',
  note: 'text',
  quantity: 'int',
  unitPrice: 'int',
  taxRateBp: 'int',
  taxCategoryId: 'uuid',
  qtyFulfilled: 'int',
  qtyInvoiced: 'int',
}

const DEPOSIT_COLUMNS: Columns<DepositRow> = {
  id: 'uuid',
  orderId: 'uuid',
  customerId: 'uuid',
  kind: '"PaymentKind"',
  method: '"PaymentMethod"',
  amount: 'int',
  receivedById: 'uuid',
  crossRole: 'boolean',
  receivedAt: 'timestamp',
}

/** `INSERT … SELECT … FROM unnest($1::type[], …)`: one statement and one parameter per column, whatever the count. */
function insertSql<Row>(
  table: string,
  columns: Columns<Row>,
  defaults: Partial<Record<keyof Row, string>> = {},
): { text: string; keys: Array<keyof Row> } {
  const keys = Object.keys(columns) as Array<keyof Row>
  const type = (k: keyof Row) => columns[k]
  const arrays = keys.map((k, i) => {
    const t = type(k)
    return `$${i + 1}::${t === 'timestamp' ? 'timestamptz' : t.startsWith('"') ? 'text' : t}[]`
  })
  const selected = keys.map((k) => {
    const t = type(k)
    const c = `r."${String(k)}"`
    const value = t === 'timestamp' ? `(${c} AT TIME ZONE 'UTC')` : t.startsWith('"') ? `${c}::${t}` : c
    const fallback = defaults[k]
    return fallback ? `COALESCE(${value}, ${fallback})` : value
  })
  const names = keys.map((k) => `"${String(k)}"`).join(', ')
  return { text: `INSERT INTO "${table}" (${names}) SELECT ${selected.join(', ')} FROM unnest(${arrays.join(', ')}) AS r(${names})`, keys }
}

const INSERT_ORDERS = insertSql('Order', ORDER_COLUMNS, { number: `nextval(pg_get_serial_sequence('"Order"', 'number'))` })
const INSERT_LINES = insertSql('OrderLine', LINE_COLUMNS)
const INSERT_DEPOSITS = insertSql('Payment', DEPOSIT_COLUMNS)

function values<Row>(rows: readonly Row[], keys: ReadonlyArray<keyof Row>): unknown[] {
  return keys.map((k) =>
    rows.map((r) => {
      const v = r[k]
      return v instanceof Date ? v.toISOString() : (v ?? null)
    }),
  )
}

/** Write built orders (one or a batch): their orders, lines and deposits, one statement per table. */
export async function insertOrders(query: Query, built: readonly BuiltOrder[]): Promise<void> {
  if (built.length === 0) return
  await query(
    INSERT_ORDERS.text,
    values(
      built.map((b) => b.order),
      INSERT_ORDERS.keys,
    ),
  )
  await query(
    INSERT_LINES.text,
    values(
      built.flatMap((b) => b.lines),
      INSERT_LINES.keys,
    ),
  )
  const deposits = built.flatMap((b) => (b.deposit ? [b.deposit] : []))
  if (deposits.length > 0) await query(INSERT_DEPOSITS.text, values(deposits, INSERT_DEPOSITS.keys))
}
