import 'server-only'
import { randomBytes, randomUUID } from 'node:crypto'
import { DomainError } from '@/domain/errors'
import { TRACKING_TOKEN_BYTES } from '@/domain/intake'
import { formatOrderNumber } from '@/domain/numbering'
import { zonedWallTimeToUtc } from '@/domain/opening-hours'
import { newOrderStatuses } from '@/domain/order-status'
import { canOverridePrice } from '@/domain/permissions'
import { documentTotals } from '@/domain/tax'
import type { OrderSummaryDTO } from '@/lib/schemas/api'
import type { CreateOrderInput } from '@/lib/schemas/order'
import type { Actor } from '../auth/actor'
import { auditRow } from '../audit'
import { authorize } from '../authz'
import { db, sql, utcRead, utcWrite, type SqlQuery } from '../db'
import { cashSessionFor } from '../cash/cash-session'
import { isClosedCashSession, isUniqueViolation } from '../errors'
import {
  decideOrderReceived,
  insertWithOrderReceived,
  orderReceivedAudit,
  unsentMessageParams,
  type IntakeRecipient,
} from '../messages/order-received'
import { getSettings } from '../settings/get-settings'
import type { MessageSettings } from '@/generated/prisma/client'
import { ORDER_SUMMARY_SELECT, toOrderSummary, type OrderSummaryRow } from './order-summary'
import { createOrderSchema } from '@/lib/schemas/order'
import { invoiceDetailsAudit, invoiceDetailsChange, type InvoiceDetailsRow } from '../customers/invoice-details'
import { defineUseCase } from '../use-case'

export interface CreatedOrderDTO {
  id: string
  number: string
  /** False when the idempotency key had already created this order (a double click, a retry, a resubmitted form). */
  created: boolean
  /** The order as GET /api/v1/orders lists it (what the API answers with). */
  summary: OrderSummaryDTO
}

/** A due date more than this far back is a typing mistake, not an order (a few minutes of slack for a slow form). */
const DUE_PAST_SLACK_MS = 10 * 60_000
const DUE_MAX_AHEAD_MS = 366 * 24 * 3600_000

async function existingOrder(actor: Actor, idempotencyKey: string, orderPrefix: string): Promise<CreatedOrderDTO | null> {
  const order = await db().order.findUnique({ where: { idempotencyKey }, select: { ...ORDER_SUMMARY_SELECT, takenById: true } })
  if (!order) return null
  // Keys are random per form, so another person's key means a forged or leaked one: do not reveal their order.
  if (order.takenById !== actor.id) throw new DomainError('CONFLICT', 'front.errors.idempotencyKeyTaken')
  return { id: order.id, number: formatOrderNumber(orderPrefix, order.number), created: false, summary: toOrderSummary(order, orderPrefix) }
}

interface Inputs {
  replay: boolean
  customer: (IntakeRecipient & { name: string } & InvoiceDetailsRow) | null
  messageSettings: Omit<MessageSettings, 'id' | 'updatedAt'> | null
  products: Array<{ id: string; sku: string | null; name: string; unitPrice: number; taxRateBp: number | null; taxCategoryId: string }>
}

// Everything the order is checked against, in one round trip: whether the key was used, the customer (with what its
// "order received" message is decided on), the message settings, the products.
// The rate of each product's category is today's in the shop's time zone (the business day of $4, as businessDay).
const READ_INPUTS = `WITH today AS (
  SELECT ($4::timestamptz AT TIME ZONE COALESCE((SELECT "timeZone" FROM "BusinessSettings" WHERE id = 1), 'Asia/Ho_Chi_Minh'))::date AS day
)
SELECT
  EXISTS (SELECT 1 FROM "Order" WHERE "idempotencyKey" = $1) AS replay,
  (SELECT json_build_object('id', c.id, 'name', c.name, 'language', c.language, 'preferredChannel', c."preferredChannel",
                            'messageConsent', c."messageConsent", 'email', c.email, 'phone', c.phone, 'taxCode', c."taxCode",
                            'legalName', c."legalName", 'invoiceAddress', c."invoiceAddress")
   FROM "Customer" c WHERE c.id = $2::uuid) AS customer,
  (SELECT to_jsonb(m) - 'id' - 'updatedAt' FROM "MessageSettings" m WHERE m.id = 1) AS "messageSettings",
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'sku', p.sku, 'name', p.name, 'unitPrice', p."unitPrice",
                                    'taxCategoryId', p."taxCategoryId", 'taxRateBp', handoff_tax_rate(p."taxCategoryId", today.day)))
            FROM "Product" p, today WHERE p.id = ANY($3::uuid[]) AND p.active), '[]'::json) AS products`

// The order, its lines, the deposit, the customer's VAT invoice details when they changed ($36–$39, decision 026),
// the audit rows and its "order received" message (skipped, or with its outbox entry) in one statement: atomic without
// a transaction around it, one round trip, one commit — unless the message is to be sent, when its number ($33, the
// text names it) and the entry's job go in one transaction with it (messages/order-received.ts). The statuses are
// computed by the domain (newOrderStatuses), as refreshOrderState would.
const INSERT_ORDER = `WITH o AS (
  INSERT INTO "Order" (id, number, "customerId", "dueAt", mode, "deliveryAddress", notes, "takenById", "takenCovering", "idempotencyKey",
                       "trackingToken", subtotal, "taxTotal", total, fulfillment, billing, payment, "createdAt", "updatedAt")
  VALUES ($1::uuid, COALESCE($33::int, nextval(pg_get_serial_sequence('"Order"', 'number'))), $2::uuid, ${utcWrite('$3')},
          $4::"DeliveryMode", $5, $6, $7::uuid, $8, $9, $10, $11, $12, $13, $14::"FulfillmentStatus", $15::"BillingStatus",
          $16::"PaymentStatus", ${utcWrite('$17')}, ${utcWrite('$17')})
  RETURNING id, number, version, fulfillment, billing, payment, handover, total, "dueAt", "heldAt", "cancelledAt", "createdAt", "closedAt"
), lines AS (
  INSERT INTO "OrderLine" (id, "orderId", position, "productId", sku, description, note, quantity, "unitPrice", "taxRateBp", "taxCategoryId")
  SELECT gen_random_uuid(), o.id, l.position, l."productId", l.sku, l.description, l.note, l.quantity, l."unitPrice", l."taxRateBp", l."taxCategoryId"
  FROM o, unnest($18::int[], $19::uuid[], $20::text[], $21::text[], $22::text[], $23::int[], $24::int[], $25::int[], $32::uuid[])
    AS l(position, "productId", sku, description, note, quantity, "unitPrice", "taxRateBp", "taxCategoryId")
), deposit AS (
  INSERT INTO "Payment" (id, "orderId", "customerId", kind, method, amount, tendered, "receivedById", "crossRole", "receivedAt", "cashSessionId")
  SELECT $26::uuid, o.id, $2::uuid, 'DEPOSIT', $27::"PaymentMethod", $28, $29, $7::uuid, $8, ${utcWrite('$17')}, $31::uuid
  FROM o WHERE $26::uuid IS NOT NULL
), vat AS (
  UPDATE "Customer" SET "taxCode" = $37, "legalName" = $38, "invoiceAddress" = $39, "updatedAt" = ${utcWrite('$17')}
  WHERE id = $2::uuid AND $36::boolean
), trail AS (
  INSERT INTO "AuditEvent" (at, "actorId", action, "entityType", "entityId", "orderId", task, "crossRole", before, after, data)
  SELECT ${utcWrite('$17')}, a."actorId", a.action, a."entityType", a."entityId", o.id, a.task::"Task", a."crossRole", a.before, a.after, a.data
  FROM o, ROWS FROM (jsonb_to_recordset($30::jsonb)
      AS ("actorId" uuid, action text, "entityType" text, "entityId" text, task text, "crossRole" boolean, before jsonb, after jsonb,
          data jsonb)) WITH ORDINALITY
    AS a("actorId", action, "entityType", "entityId", task, "crossRole", before, after, data, n)
  ORDER BY a.n
), outbox AS (
  INSERT INTO "OutboxEntry" (id, kind, key, payload, "orderId", "maxAttempts")
  SELECT e.id, e.kind, e.key, e.payload, o.id, e."maxAttempts"
  FROM o, jsonb_to_record($35::jsonb) AS e(id uuid, kind text, key text, payload jsonb, "maxAttempts" int)
  WHERE $35::jsonb IS NOT NULL
), message AS (
  INSERT INTO "CustomerMessage" (id, key, event, "orderId", "customerId", channel, recipient, language, "skipReason", "outboxEntryId")
  SELECT COALESCE(m.id, gen_random_uuid()), m.key, m.event::"MessageEvent", o.id, $2::uuid, m.channel::"MessageChannel", m.recipient,
         m.language, m."skipReason", m."outboxEntryId"
  FROM o, jsonb_to_record($34::jsonb)
    AS m(id uuid, key text, event text, channel text, recipient text, language text, "skipReason" text, "outboxEntryId" uuid)
  WHERE $34::jsonb IS NOT NULL
)
SELECT id, number, version, fulfillment, billing, payment, handover, total, ${utcRead('"dueAt"')} AS "dueAt",
       ${utcRead('"heldAt"')} AS "heldAt", ${utcRead('"cancelledAt"')} AS "cancelledAt", ${utcRead('"createdAt"')} AS "createdAt",
       ${utcRead('"closedAt"')} AS "closedAt"
FROM o`

/**
 * Take an order at the counter. Idempotent on `idempotencyKey` (unique in the database): the same key always yields
 * the same order, even for 20 concurrent submissions — the losers of the insert race hit the unique key and return
 * the winner's order. Prices and tax rates are read from the catalog here and every total is computed here; a price
 * differing from the catalog is accepted only from someone allowed to override prices, and inactive products cannot
 * be ordered. A deposit taken now is a DEPOSIT payment written in the same statement as the order.
 */
export async function createOrder(actor: Actor, input: CreateOrderInput, now = new Date()): Promise<CreatedOrderDTO> {
  const { crossRole } = authorize(actor, createOrderUseCase.tasks)
  const productIds = [...new Set(input.lines.map((l) => l.productId))]
  const [settings, [inputs]] = await Promise.all([
    getSettings(),
    sql<Inputs>(READ_INPUTS, [input.idempotencyKey, input.customerId, productIds, now]),
  ])
  if (inputs!.replay) {
    const replay = await existingOrder(actor, input.idempotencyKey, settings.orderPrefix)
    if (replay) return replay
  }
  const { customer, products } = inputs!
  if (!customer) throw new DomainError('INVALID', 'front.errors.customerMissing', {}, 'customerId')
  const byId = new Map(products.map((p) => [p.id, p]))

  const lines = priceLines(input, byId, canOverridePrice(actor))
  // Throws INVALID (errors.amountTooLarge) for totals beyond what a document may carry.
  const totals = documentTotals(lines)

  let dueAt: Date
  try {
    dueAt = zonedWallTimeToUtc(input.dueDate, input.dueTime, settings.timeZone)
  } catch {
    throw new DomainError('INVALID', 'front.errors.dueInvalid', {}, 'dueDate')
  }
  if (dueAt.getTime() < now.getTime() - DUE_PAST_SLACK_MS) throw new DomainError('INVALID', 'front.errors.dueInPast', {}, 'dueDate')
  if (dueAt.getTime() > now.getTime() + DUE_MAX_AHEAD_MS) throw new DomainError('INVALID', 'front.errors.dueTooFar', {}, 'dueDate')

  const deposit = input.deposit
  if (deposit && deposit.amount > totals.total) {
    throw new DomainError('INVALID', 'front.errors.depositTooLarge', { total: totals.total }, 'deposit.amount')
  }

  // A cash deposit goes into an open drawer (decision 017); the insert's trigger re-checks it is still open.
  const cashSessionId = deposit?.method === 'CASH' ? await db().$transaction((tx) => cashSessionFor(tx, actor.id)) : null
  const orderId = randomUUID()
  const received = decideOrderReceived(inputs!.messageSettings, customer, orderId)
  const paymentId = deposit ? randomUUID() : null
  const overrides = lines
    .filter((l) => l.unitPrice !== l.catalogPrice)
    .map((l) => ({ position: l.position, sku: l.sku, catalogPrice: l.catalogPrice, unitPrice: l.unitPrice }))
  const trail = [
    auditRow(actor, {
      action: 'order.created',
      entityType: 'order',
      entityId: orderId,
      task: 'TAKE_ORDER',
      data: { total: totals.total, lines: lines.length, ...(overrides.length > 0 ? { priceOverrides: overrides } : {}) },
    }),
    ...(deposit && paymentId
      ? [
          auditRow(actor, {
            action: 'payment.deposit',
            entityType: 'payment',
            entityId: paymentId,
            task: 'TAKE_ORDER',
            data: { amount: deposit.amount, method: deposit.method },
          }),
        ]
      : []),
    ...orderReceivedAudit(received, orderId).map((entry) => auditRow(null, entry)),
  ]
  // The VAT invoice details confirmed at the counter (decision 026): written with the order when they changed.
  const vat = input.invoiceDetails === undefined ? null : invoiceDetailsChange(customer, input.invoiceDetails)
  if (vat?.changed) {
    const before = { taxCode: customer.taxCode, legalName: customer.legalName, invoiceAddress: customer.invoiceAddress }
    trail.push(auditRow(actor, invoiceDetailsAudit(customer.id, 'TAKE_ORDER', { before, after: vat.after })))
  }
  const trackingToken = randomBytes(TRACKING_TOKEN_BYTES).toString('base64url')
  const statuses = newOrderStatuses(lines, deposit?.amount ?? 0)
  const column = <K extends keyof (typeof lines)[number]>(key: K) => lines.map((l) => l[key])

  const params = [
    orderId,
    customer.id,
    dueAt,
    input.mode,
    input.mode === 'DELIVERY' ? (input.deliveryAddress ?? null) : null,
    input.notes ?? null,
    actor.id,
    crossRole,
    input.idempotencyKey,
    trackingToken,
    totals.subtotal,
    totals.taxTotal,
    totals.total,
    statuses.fulfillment,
    statuses.billing,
    statuses.payment,
    now,
    column('position'),
    column('productId'),
    column('sku'),
    column('description'),
    column('note'),
    column('quantity'),
    column('unitPrice'),
    column('taxRateBp'),
    paymentId,
    deposit?.method ?? null,
    deposit?.amount ?? null,
    deposit?.method === 'CASH' ? (deposit.tendered ?? null) : null,
    JSON.stringify(trail),
    cashSessionId,
    column('taxCategoryId'),
  ]
  const vatParams = [vat?.changed ?? false, vat?.after.taxCode ?? null, vat?.after.legalName ?? null, vat?.after.invoiceAddress ?? null]
  try {
    const row =
      received && 'to' in received.decision
        ? await insertWithOrderReceived(
            received,
            { id: orderId, customerId: customer.id, mode: input.mode, trackingToken, business: settings },
            (query, extra) => insertOrder(query, [...params, ...extra, ...vatParams]),
          )
        : await insertOrder(sql, [...params, ...unsentMessageParams(received, orderId, customer.id), ...vatParams])
    const summary = toOrderSummary({ ...row, customer: { id: customer.id, name: customer.name } }, settings.orderPrefix)
    return { id: row.id, number: summary.number, created: true, summary }
  } catch (error) {
    // The same key submitted twice at once: the loser of the insert race returns the winner's order.
    if (isUniqueViolation(error, 'Order_idempotencyKey_key')) {
      const winner = await existingOrder(actor, input.idempotencyKey, settings.orderPrefix)
      if (winner) return winner
    }
    if (isClosedCashSession(error)) throw new DomainError('CONFLICT', 'cash.errors.drawerClosed', {}, 'deposit.method')
    throw error
  }
}

async function insertOrder(query: SqlQuery, params: unknown[]) {
  const [row] = await query<Omit<OrderSummaryRow, 'customer'>>(INSERT_ORDER, params)
  return row!
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const createOrderUseCase = defineUseCase({ name: 'createOrder', tasks: 'TAKE_ORDER', schema: createOrderSchema, run: createOrder })

/** The order's lines at the catalog's price (or the person's own, when they may override it) and today's VAT rate. */
function priceLines(input: CreateOrderInput, byId: Map<string, Inputs['products'][number]>, mayOverride: boolean) {
  return input.lines.map((line, index) => {
    const product = byId.get(line.productId)
    // A category with no rate yet (its first period starts later) cannot be sold today.
    if (!product || product.taxRateBp === null) {
      throw new DomainError('INVALID', 'front.errors.productUnavailable', { line: index + 1 }, `lines.${index}.productId`)
    }
    const overridden = line.unitPrice !== undefined && line.unitPrice !== product.unitPrice
    if (overridden && !mayOverride) {
      throw new DomainError('FORBIDDEN', 'front.errors.priceOverrideForbidden', { line: index + 1 }, `lines.${index}.unitPrice`)
    }
    return {
      position: index,
      productId: product.id,
      sku: product.sku,
      description: product.name,
      note: line.note ?? null,
      quantity: line.quantity,
      unitPrice: overridden ? (line.unitPrice as number) : product.unitPrice,
      // Today's rate of its category: what the counter shows and the ticket prints. The invoice charges the rate in
      // force on the day the work is done (docs/decisions/021), which is why the line keeps its category.
      taxRateBp: product.taxRateBp,
      taxCategoryId: product.taxCategoryId,
      catalogPrice: product.unitPrice,
    }
  })
}
