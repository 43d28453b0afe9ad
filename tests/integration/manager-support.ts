// Manager-area test helpers: the settings row (with the demo shop's opening hours, so cover is computed on real
// opening hours), orders written directly with chosen timestamps, and a fixed "now" inside opening hours.
import { randomBytes, randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { isDomainError } from '@/domain/errors'
import { demoOpeningHours, zonedWallTimeToUtc } from '@/domain/opening-hours'
import { documentTotals } from '@/domain/tax'
import { db } from '@/server/db'
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
  lines?: Array<{ quantity: number; unitPrice: number; taxRateBp?: number; qtyFulfilled?: number; qtyInvoiced?: number; productId?: string }>
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
  const lines = (spec.lines ?? [{ quantity: 2, unitPrice: 10_000 }]).map((l, position) => ({
    position,
    description: `Line ${position + 1}`,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxRateBp: l.taxRateBp ?? 800,
    qtyFulfilled: l.qtyFulfilled ?? 0,
    qtyInvoiced: l.qtyInvoiced ?? 0,
    productId: l.productId ?? null,
  }))
  const totals = documentTotals(lines)
  const allDone = lines.every((l) => l.qtyFulfilled === l.quantity)
  const someDone = lines.some((l) => l.qtyFulfilled > 0)
  return db().order.create({
    data: {
      customerId: customer.id,
      createdAt: spec.createdAt,
      dueAt: spec.dueAt ?? new Date(Date.now() + 86_400_000),
      readyAt: spec.readyAt ?? null,
      handover: spec.handedOverAt ? 'COLLECTED' : 'WAITING',
      handedOverAt: spec.handedOverAt ?? null,
      cancelledAt: spec.cancelledAt ?? null,
      cancelReason: spec.cancelledAt ? 'test' : null,
      closedAt: spec.closedAt ?? null,
      takenById: spec.takenById ?? (await taker).id,
      takenCovering: spec.takenCovering ?? false,
      assigneeId: spec.assigneeId ?? null,
      fulfillment: allDone ? 'FULFILLED' : someDone ? 'PARTLY_FULFILLED' : 'NOT_STARTED',
      idempotencyKey: randomUUID(),
      trackingToken: randomBytes(24).toString('base64url'),
      subtotal: totals.subtotal,
      taxTotal: totals.taxTotal,
      total: totals.total,
      lines: { create: lines },
    },
    include: { lines: { orderBy: { position: 'asc' } } },
  })
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
