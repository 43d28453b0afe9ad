// Manager-area test helpers: the settings row (with the demo shop's opening hours, so cover is computed on real
// opening hours), orders from the shared order factory with chosen timestamps, and a fixed "now" inside opening hours.
import { expect } from 'vitest'
import { isDomainError } from '@/domain/errors'
import { demoOpeningHours, zonedWallTimeToUtc } from '@/domain/opening-hours'
import { db, sql } from '@/server/db'
import { buildOrder, insertOrders } from '@/server/orders/order-rows'
import { makeCustomer, makeStaff } from '../support/factories'

export const TZ = 'Asia/Ho_Chi_Minh'
/** A Thursday in the business time zone: the demo shop is open 07:30–19:00. */
export const DAY = '2026-11-26'
export const at = (hhmm: string, ymd = DAY): Date => zonedWallTimeToUtc(ymd, hhmm, TZ)
/** 10:00 on DAY, a time the shop is open. */
export const OPEN_NOW = at('10:00')

export async function ensureManagerSettings(): Promise<void> {
  await db().businessSettings.upsert({
    where: { id: 1 },
    update: { openingHours: demoOpeningHours(), timeZone: TZ },
    create: { id: 1, name: 'In Nhanh Test', currency: 'VND', timeZone: TZ, openingHours: demoOpeningHours(), orderPrefix: 'DH' },
  })
}

export interface OrderSpec {
  lines?: Array<{
    quantity: number
    unitPrice: number
    taxRateBp?: number
    qtyFulfilled?: number
    qtyInvoiced?: number
    productId?: string
  }>
  createdAt?: Date
  dueAt?: Date
  readyAt?: Date | null
  handedOverAt?: Date | null
  cancelledAt?: Date | null
  closedAt?: Date | null
  takenById?: string
  takenCovering?: boolean
  assigneeId?: string | null
}

let taker: Promise<{ id: string }> | undefined

export async function makeOrder(spec: OrderSpec = {}) {
  taker ??= makeStaff({ homeRole: 'RECEPTIONIST' })
  const customer = await makeCustomer()
  const built = buildOrder({
    customerId: customer.id,
    createdAt: spec.createdAt,
    dueAt: spec.dueAt ?? new Date(Date.now() + 86_400_000),
    readyAt: spec.readyAt ?? null,
    handover: spec.handedOverAt ? { kind: 'COLLECTED', at: spec.handedOverAt } : null,
    cancelled: spec.cancelledAt ? { at: spec.cancelledAt, reason: 'test' } : null,
    closedAt: spec.closedAt ?? null,
    takenById: spec.takenById ?? (await taker).id,
    takenCovering: spec.takenCovering ?? false,
    assigneeId: spec.assigneeId ?? null,
    lines: (spec.lines ?? [{ quantity: 2, unitPrice: 10_000 }]).map((l, position) => ({
      description: `Line ${position + 1}`,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRateBp: l.taxRateBp ?? 800,
      qtyFulfilled: l.qtyFulfilled ?? 0,
      qtyInvoiced: l.qtyInvoiced ?? 0,
      productId: l.productId ?? null,
    })),
  })
  await insertOrders(sql, [built])
  return db().order.findUniqueOrThrow({ where: { id: built.order.id }, include: { lines: { orderBy: { position: 'asc' } } } })
}

/** Expect a promise to fail with a DomainError of this code (and, optionally, message key and field). */
export async function expectDomainError(promise: Promise<unknown>, code: string, messageKey?: string, field?: string): Promise<void> {
  let caught: unknown
  try {
    await promise
  } catch (error) {
    caught = error
  }
  expect(isDomainError(caught), `expected a DomainError ${code}, got ${String(caught)}`).toBe(true)
  const e = caught as { code: string; messageKey: string; field?: string }
  expect(e.code).toBe(code)
  if (messageKey) expect(e.messageKey).toBe(messageKey)
  if (field) expect(e.field).toBe(field)
}
