import 'server-only'
import { randomBytes } from 'node:crypto'
import { DomainError } from '@/domain/errors'
import { TRACKING_TOKEN_BYTES } from '@/domain/intake'
import { formatOrderNumber } from '@/domain/numbering'
import { zonedWallTimeToUtc } from '@/domain/opening-hours'
import { canOverridePrice } from '@/domain/permissions'
import { documentTotals } from '@/domain/tax'
import type { CreateOrderInput } from '@/lib/schemas/order'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { refreshOrderState } from './order-state'

export interface CreatedOrderDTO {
  id: string
  number: string
  /** False when the idempotency key had already created this order (a double click, a retry, a resubmitted form). */
  created: boolean
}

/** A due date more than this far back is a typing mistake, not an order (a few minutes of slack for a slow form). */
const DUE_PAST_SLACK_MS = 10 * 60_000
const DUE_MAX_AHEAD_MS = 366 * 24 * 3600_000

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

async function existingOrder(actor: Actor, idempotencyKey: string, orderPrefix: string): Promise<CreatedOrderDTO | null> {
  const order = await db().order.findUnique({ where: { idempotencyKey }, select: { id: true, number: true, takenById: true } })
  if (!order) return null
  // Keys are random per form, so another person's key means a forged or leaked one: do not reveal their order.
  if (order.takenById !== actor.id) throw new DomainError('CONFLICT', 'front.errors.idempotencyKeyTaken')
  return { id: order.id, number: formatOrderNumber(orderPrefix, order.number), created: false }
}

/**
 * Take an order at the counter. Idempotent on `idempotencyKey` (unique in the database): the same key always yields
 * the same order, even for 20 concurrent submissions — the losers of the insert race hit the unique key and return
 * the winner's order. Prices and tax rates are read from the catalog here and every total is computed here; a price
 * differing from the catalog is accepted only from someone allowed to override prices, and inactive products cannot
 * be ordered. A deposit taken now is a DEPOSIT payment in the same transaction.
 */
export async function createOrder(actor: Actor, input: CreateOrderInput, now = new Date()): Promise<CreatedOrderDTO> {
  const { crossRole } = authorize(actor, 'TAKE_ORDER')
  const settings = await getSettings()
  const replay = await existingOrder(actor, input.idempotencyKey, settings.orderPrefix)
  if (replay) return replay

  const mayOverride = canOverridePrice(actor)
  const productIds = [...new Set(input.lines.map((l) => l.productId))]
  const [customer, products] = await Promise.all([
    db().customer.findUnique({ where: { id: input.customerId }, select: { id: true } }),
    db().product.findMany({
      where: { id: { in: productIds }, active: true },
      select: { id: true, sku: true, name: true, unitPrice: true, taxRateBp: true },
    }),
  ])
  if (!customer) throw new DomainError('INVALID', 'front.errors.customerMissing', {}, 'customerId')
  const byId = new Map(products.map((p) => [p.id, p]))

  const lines = input.lines.map((line, index) => {
    const product = byId.get(line.productId)
    if (!product) throw new DomainError('INVALID', 'front.errors.productUnavailable', { line: index + 1 }, `lines.${index}.productId`)
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
      taxRateBp: product.taxRateBp,
      catalogPrice: product.unitPrice,
    }
  })
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

  try {
    const created = await db().$transaction(
      async (tx) => {
        const order = await tx.order.create({
          data: {
            customerId: customer.id,
            dueAt,
            mode: input.mode,
            deliveryAddress: input.mode === 'DELIVERY' ? (input.deliveryAddress ?? null) : null,
            notes: input.notes ?? null,
            takenById: actor.id,
            takenCovering: crossRole,
            idempotencyKey: input.idempotencyKey,
            trackingToken: randomBytes(TRACKING_TOKEN_BYTES).toString('base64url'),
            subtotal: totals.subtotal,
            taxTotal: totals.taxTotal,
            total: totals.total,
            lines: { create: lines.map(({ catalogPrice: _catalogPrice, ...line }) => line) },
          },
          select: { id: true, number: true },
        })
        const overrides = lines
          .filter((l) => l.unitPrice !== l.catalogPrice)
          .map((l) => ({ position: l.position, sku: l.sku, catalogPrice: l.catalogPrice, unitPrice: l.unitPrice }))
        await audit(tx, actor, {
          action: 'order.created',
          entityType: 'order',
          entityId: order.id,
          orderId: order.id,
          task: 'TAKE_ORDER',
          data: { total: totals.total, lines: lines.length, ...(overrides.length > 0 ? { priceOverrides: overrides } : {}) },
        })
        if (deposit) {
          const payment = await tx.payment.create({
            data: {
              orderId: order.id,
              customerId: customer.id,
              kind: 'DEPOSIT',
              method: deposit.method,
              amount: deposit.amount,
              tendered: deposit.method === 'CASH' ? (deposit.tendered ?? null) : null,
              receivedById: actor.id,
              crossRole,
            },
            select: { id: true },
          })
          await audit(tx, actor, {
            action: 'payment.deposit',
            entityType: 'payment',
            entityId: payment.id,
            orderId: order.id,
            task: 'TAKE_ORDER',
            data: { amount: deposit.amount, method: deposit.method },
          })
        }
        await refreshOrderState(tx, order.id, now)
        return order
      },
      // Twenty submissions of one key queue behind the first insert's unique-index lock; give them time to.
      { maxWait: 10_000, timeout: 15_000 },
    )
    return { id: created.id, number: formatOrderNumber(settings.orderPrefix, created.number), created: true }
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await existingOrder(actor, input.idempotencyKey, settings.orderPrefix)
      if (winner) return winner
    }
    throw error
  }
}
