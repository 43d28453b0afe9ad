import { randomBytes, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays, businessDay } from '@/domain/opening-hours'
import type { Actor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { createOrder } from '@/server/orders/create-order'
import { refreshOrderState } from '@/server/orders/order-state'
import { getTracking } from '@/server/tracking/get-tracking'
import { makeActor, makeCustomer } from '../support/factories'
import { fixedRateCategoryId } from '@/server/seed/factories'

let receptionist: Actor

beforeAll(async () => {
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST', name: 'Trần Thu Hà' })
})

async function trackedOrder() {
  const customer = await makeCustomer({ name: 'Võ Minh Khôi', phone: '0933444555', email: 'khoi@example.vn' })
  const product = await db().product.create({
    data: {
      sku: `TR-${randomBytes(3).toString('hex')}`,
      name: 'Danh thiếp cao cấp',
      unitPrice: 250_000,
      taxCategoryId: await fixedRateCategoryId(800),
    },
  })
  const { id, number } = await createOrder(receptionist, {
    idempotencyKey: randomUUID(),
    customerId: customer.id,
    lines: [{ productId: product.id, quantity: 2, note: 'Logo màu xanh' }],
    dueDate: addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 2),
    dueTime: '10:00',
    mode: 'DELIVERY',
    deliveryAddress: '45 Pasteur, Quận 1',
    notes: 'Gọi trước khi giao',
    deposit: { amount: 100_000, method: 'TRANSFER' },
  })
  const { trackingToken } = await db().order.findUniqueOrThrow({ where: { id }, select: { trackingToken: true } })
  return { id, number, trackingToken }
}

describe('getTracking', () => {
  it('returns exactly the fields a customer may see, and nothing about the customer', async () => {
    const { number, trackingToken } = await trackedOrder()
    const dto = await getTracking(trackingToken)
    expect(dto).not.toBeNull()
    expect(Object.keys(dto!).sort()).toEqual(
      [
        'balanceDue',
        'businessName',
        'createdAt',
        'currency',
        'dueAt',
        'handedOverAt',
        'items',
        'mode',
        'orderNumber',
        'readyAt',
        'status',
        'total',
      ].sort(),
    )
    expect(dto!.items).toEqual([{ description: 'Danh thiếp cao cấp', quantity: 2 }])
    expect(dto).toMatchObject({
      orderNumber: number,
      status: 'RECEIVED',
      mode: 'DELIVERY',
      total: 540_000,
      balanceDue: 440_000,
      readyAt: null,
    })
    const text = JSON.stringify(dto)
    for (const secret of [
      'Võ Minh Khôi',
      '0933444555',
      'khoi@example.vn',
      '45 Pasteur',
      'Gọi trước',
      'Logo màu',
      'Trần Thu Hà',
      trackingToken,
      '250000',
    ]) {
      expect(text).not.toContain(secret)
    }
  })

  it('follows the order: ready once the work is done', async () => {
    const { id, trackingToken } = await trackedOrder()
    await db().$transaction(async (tx) => {
      await tx.orderLine.updateMany({ where: { orderId: id }, data: { qtyFulfilled: 2 } })
      await refreshOrderState(tx, id)
    })
    const dto = await getTracking(trackingToken)
    expect(dto?.status).toBe('READY')
    expect(dto?.readyAt).not.toBeNull()
  })

  it('answers null for malformed and unknown tokens', async () => {
    for (const token of [
      '',
      'short',
      'x'.repeat(31),
      `${'a'.repeat(40)}'; DROP TABLE "Order"; --`,
      '../../etc/passwd',
      'a'.repeat(65),
      randomBytes(24).toString('base64url'),
    ]) {
      expect(await getTracking(token), token).toBeNull()
    }
  })
})
