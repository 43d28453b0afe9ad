import { randomBytes, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '@/domain/errors'
import { isTrackingToken } from '@/domain/intake'
import { addDays, businessDay } from '@/domain/opening-hours'
import { documentTotals } from '@/domain/tax'
import { createOrderSchema, type CreateOrderInput } from '@/lib/schemas/order'
import type { Actor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { createOrder } from '@/server/orders/create-order'
import { refreshOrderState } from '@/server/orders/order-state'
import { makeActor, makeCustomer } from '../support/factories'
import { fixedRateCategoryId } from '@/server/seed/factories'

async function makeProduct(overrides: { unitPrice?: number; taxRateBp?: number; active?: boolean } = {}) {
  const sku = `T-${randomBytes(4).toString('hex').toUpperCase()}`
  const taxRateBp = overrides.taxRateBp ?? 800
  const product = await db().product.create({
    data: {
      sku,
      name: `Test product ${sku}`,
      unitPrice: overrides.unitPrice ?? 2_500,
      taxCategoryId: await fixedRateCategoryId(taxRateBp),
      active: overrides.active ?? true,
    },
  })
  return { ...product, taxRateBp }
}

const tomorrow = () => addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 1)

let customerId: string
let a4: { id: string; unitPrice: number; taxRateBp: number }
let poster: { id: string; unitPrice: number; taxRateBp: number }
let receptionist: Actor

beforeAll(async () => {
  customerId = (await makeCustomer({ name: 'Nguyễn Văn Đức', phone: '0901234567' })).id
  a4 = await makeProduct({ unitPrice: 2_500, taxRateBp: 800 })
  poster = await makeProduct({ unitPrice: 45_000, taxRateBp: 1000 })
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
})

function input(overrides: Partial<CreateOrderInput> = {}): CreateOrderInput {
  return {
    idempotencyKey: randomUUID(),
    customerId,
    lines: [
      { productId: a4.id, quantity: 3 },
      { productId: poster.id, quantity: 2, note: 'giấy couche' },
    ],
    dueDate: tomorrow(),
    dueTime: '17:00',
    mode: 'PICKUP',
    ...overrides,
  }
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, messageKey: error.messageKey, field: error.field }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('createOrder is idempotent', () => {
  it('creates exactly one order for 20 parallel submissions of one key, and all of them return it', async () => {
    const order = input()
    const results = await Promise.all(Array.from({ length: 20 }, () => createOrder(receptionist, order)))
    const ids = new Set(results.map((r) => r.id))
    expect(ids.size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect(await db().order.count({ where: { idempotencyKey: order.idempotencyKey } })).toBe(1)
    expect(await db().auditEvent.count({ where: { action: 'order.created', orderId: results[0]!.id } })).toBe(1)
    // A later retry (after a network error, a resubmitted form) gets the same answer.
    const again = await createOrder(receptionist, order)
    expect(again).toEqual({ ...results[0], created: false })
  })

  it("does not hand another person's order back for a key they did not generate", async () => {
    const order = input()
    await createOrder(receptionist, order)
    const other = await makeActor({ homeRole: 'RECEPTIONIST' })
    expect(await refusal(createOrder(other, order))).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('createOrder computes every amount itself', () => {
  it('uses catalog prices and tax rates and recomputes the totals', async () => {
    const { id } = await createOrder(receptionist, input())
    const order = await db().order.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } })
    const expected = documentTotals([
      { quantity: 3, unitPrice: 2_500, taxRateBp: 800 },
      { quantity: 2, unitPrice: 45_000, taxRateBp: 1000 },
    ])
    expect({ subtotal: order.subtotal, taxTotal: order.taxTotal, total: order.total }).toEqual({
      subtotal: expected.subtotal,
      taxTotal: expected.taxTotal,
      total: expected.total,
    })
    expect(order.lines.map((l) => [l.unitPrice, l.taxRateBp, l.quantity, l.note])).toEqual([
      [2_500, 800, 3, null],
      [45_000, 1000, 2, 'giấy couche'],
    ])
    expect(isTrackingToken(order.trackingToken)).toBe(true)
    expect(order.trackingToken.length).toBeGreaterThanOrEqual(32)
  })

  it('refuses a tampered total at the schema (strict objects) and never reads one', () => {
    const tampered = { ...input(), total: 1, subtotal: 1 }
    const parsed = createOrderSchema.safeParse(tampered)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true)
    const tamperedLine = { ...input(), lines: [{ productId: a4.id, quantity: 1, gross: 1 }] }
    expect(createOrderSchema.safeParse(tamperedLine).success).toBe(false)
  })

  it('refuses a price from someone who may not override prices', async () => {
    const backOffice = await makeActor({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 2 } })
    const order = input({ lines: [{ productId: a4.id, quantity: 10, unitPrice: 1 }] })
    expect(await refusal(createOrder(backOffice, order))).toMatchObject({ code: 'FORBIDDEN', field: 'lines.0.unitPrice' })
    expect(await db().order.count({ where: { idempotencyKey: order.idempotencyKey } })).toBe(0)
    // Sending the catalog price itself is not an override.
    const same = await createOrder(backOffice, input({ lines: [{ productId: a4.id, quantity: 10, unitPrice: a4.unitPrice }] }))
    expect((await db().order.findUniqueOrThrow({ where: { id: same.id } })).subtotal).toBe(25_000)
  })

  it('accepts an override from a counter expert, with the catalog tax rate, and records it', async () => {
    const expert = await makeActor({ homeRole: 'RECEPTIONIST', skills: { TAKE_ORDER: 3 } })
    const { id } = await createOrder(expert, input({ lines: [{ productId: poster.id, quantity: 2, unitPrice: 40_000 }] }))
    const order = await db().order.findUniqueOrThrow({ where: { id }, include: { lines: true } })
    expect(order.lines[0]).toMatchObject({ unitPrice: 40_000, taxRateBp: 1000 })
    expect(order.total).toBe(88_000)
    const created = await db().auditEvent.findFirstOrThrow({ where: { orderId: id, action: 'order.created' } })
    expect(created.data).toMatchObject({ priceOverrides: [{ catalogPrice: 45_000, unitPrice: 40_000 }] })
  })

  it('refuses inactive and unknown products', async () => {
    const retired = await makeProduct({ active: false })
    expect(
      await refusal(
        createOrder(
          receptionist,
          input({
            lines: [
              { productId: a4.id, quantity: 1 },
              { productId: retired.id, quantity: 1 },
            ],
          }),
        ),
      ),
    ).toMatchObject({
      code: 'INVALID',
      field: 'lines.1.productId',
    })
    expect(await refusal(createOrder(receptionist, input({ lines: [{ productId: randomUUID(), quantity: 1 }] })))).toMatchObject({
      code: 'INVALID',
    })
  })

  it('refuses an unknown customer, a due date in the past and a total beyond what a document may carry', async () => {
    expect(await refusal(createOrder(receptionist, input({ customerId: randomUUID() })))).toMatchObject({ field: 'customerId' })
    expect(await refusal(createOrder(receptionist, input({ dueDate: '2020-01-01' })))).toMatchObject({ code: 'INVALID', field: 'dueDate' })
    const big = await makeProduct({ unitPrice: 2_000_000_000 })
    expect(await refusal(createOrder(receptionist, input({ lines: [{ productId: big.id, quantity: 2 }] })))).toMatchObject({
      code: 'INVALID',
    })
  })

  it('bounds every input in the schema', () => {
    const bad = [
      input({ lines: [] }),
      input({ lines: [{ productId: a4.id, quantity: 0 }] }),
      input({ lines: [{ productId: a4.id, quantity: 1.5 }] }),
      input({ lines: [{ productId: a4.id, quantity: 10_000_000 }] }),
      input({ lines: [{ productId: 'not-a-uuid', quantity: 1 }] }),
      input({ notes: 'x'.repeat(2001) }),
      input({ dueTime: '25:00' }),
      input({ mode: 'DELIVERY' }),
      input({ idempotencyKey: 'short' }),
      input({ deposit: { amount: 0, method: 'CASH' } }),
      input({ deposit: { amount: 1000, method: 'CARD', tendered: 2000 } }),
      input({ deposit: { amount: 1000, method: 'CASH', tendered: 500 } }),
      input({ notes: 'nul \u0000 byte' }),
      input({ lines: [{ productId: a4.id, quantity: 1, note: 'bell \u0007' }] }),
    ]
    for (const value of bad) expect(createOrderSchema.safeParse(value).success, JSON.stringify(value).slice(0, 200)).toBe(false)
    expect(createOrderSchema.safeParse(input({ mode: 'DELIVERY', deliveryAddress: '12 Lê Lợi' })).success).toBe(true)
    expect(createOrderSchema.safeParse(input({ notes: 'Giấy couche\n150gsm' })).success).toBe(true)
  })
})

describe('the order as written', () => {
  it('holds the statuses a full recompute gives, and answers with the summary the API lists', async () => {
    for (const deposit of [undefined, { amount: 1_000, method: 'CARD' as const }]) {
      const created = await createOrder(receptionist, input({ deposit }))
      const before = await db().order.findUniqueOrThrow({ where: { id: created.id } })
      const recomputed = await db().$transaction((tx) => refreshOrderState(tx, created.id))
      expect({ fulfillment: before.fulfillment, billing: before.billing, payment: before.payment }).toEqual({
        fulfillment: recomputed.fulfillment,
        billing: recomputed.billing,
        payment: recomputed.payment,
      })
      expect(created.summary).toMatchObject({
        id: created.id,
        number: created.number,
        version: before.version,
        total: before.total,
        status: 'RECEIVED',
      })
      expect(created.summary.createdAt).toBe(before.createdAt.toISOString())
    }
  })

  it("stores the same instants whatever the server process's time zone", async () => {
    const saved = process.env.TZ
    const now = new Date()
    try {
      process.env.TZ = 'America/Los_Angeles'
      const { id, summary } = await createOrder(receptionist, input(), now)
      const row = await db().order.findUniqueOrThrow({ where: { id }, select: { createdAt: true, dueAt: true } })
      expect(row.createdAt.getTime()).toBe(now.getTime())
      expect(summary.dueAt).toBe(row.dueAt.toISOString())
      const audit = await db().auditEvent.findFirstOrThrow({ where: { orderId: id, action: 'order.created' }, select: { at: true } })
      expect(audit.at.getTime()).toBe(now.getTime())
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })
})

describe('deposit', () => {
  it('is a DEPOSIT payment written with the order, with its own timeline entry', async () => {
    const { id } = await createOrder(receptionist, input({ deposit: { amount: 50_000, method: 'CASH', tendered: 100_000 } }))
    const payments = await db().payment.findMany({ where: { orderId: id } })
    expect(payments).toHaveLength(1)
    expect(payments[0]).toMatchObject({
      kind: 'DEPOSIT',
      method: 'CASH',
      amount: 50_000,
      tendered: 100_000,
      receivedById: receptionist.id,
      crossRole: false,
    })
    const order = await db().order.findUniqueOrThrow({ where: { id } })
    expect(order.payment).toBe('PARTLY_PAID')
    expect(await db().auditEvent.count({ where: { orderId: id, action: 'payment.deposit' } })).toBe(1)
  })

  it('cannot exceed the order total', async () => {
    const order = input({ deposit: { amount: 10_000_000, method: 'TRANSFER' } })
    expect(await refusal(createOrder(receptionist, order))).toMatchObject({ code: 'INVALID', field: 'deposit.amount' })
    expect(await db().order.count({ where: { idempotencyKey: order.idempotencyKey } })).toBe(0)
  })
})

describe('who may take orders', () => {
  it('a receptionist: home-role work', async () => {
    const { id } = await createOrder(receptionist, input())
    expect((await db().order.findUniqueOrThrow({ where: { id } })).takenCovering).toBe(false)
    expect((await db().auditEvent.findFirstOrThrow({ where: { orderId: id, action: 'order.created' } })).crossRole).toBe(false)
  })

  it('a back-office worker certified at TAKE_ORDER 2: allowed, recorded as cross-role', async () => {
    const hung = await makeActor({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 2 } })
    const { id } = await createOrder(hung, input({ deposit: { amount: 1_000, method: 'CARD' } }))
    expect((await db().order.findUniqueOrThrow({ where: { id } })).takenCovering).toBe(true)
    const events = await db().auditEvent.findMany({ where: { orderId: id } })
    expect(events.map((e) => [e.action, e.crossRole, e.task])).toEqual([
      ['order.created', true, 'TAKE_ORDER'],
      ['payment.deposit', true, 'TAKE_ORDER'],
      // The "order received" message not sent (the customer has not consented): the system's row, nobody's work.
      ['message.skipped', false, null],
    ])
    expect((await db().payment.findFirstOrThrow({ where: { orderId: id } })).crossRole).toBe(true)
  })

  it('a back-office trainee at TAKE_ORDER 1: refused, nothing written', async () => {
    const bao = await makeActor({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 1 } })
    const order = input()
    expect(await refusal(createOrder(bao, order))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await db().order.count({ where: { idempotencyKey: order.idempotencyKey } })).toBe(0)
  })

  it('a manager: allowed (and, not owning the task, counted as covering)', async () => {
    const manager = await makeActor({ homeRole: 'MANAGER' })
    const { id } = await createOrder(manager, input())
    expect((await db().order.findUniqueOrThrow({ where: { id } })).takenCovering).toBe(true)
  })
})
