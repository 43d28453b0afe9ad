import { describe, expect, it } from 'vitest'
import { db, sql } from '@/server/db'
import { buildOrder, insertOrders } from '@/server/orders/order-rows'
import { makeCustomer, makeStaff } from '../support/factories'

async function makeOrder() {
  const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
  const customer = await makeCustomer()
  const built = buildOrder({
    customerId: customer.id,
    dueAt: new Date(Date.now() + 86400_000),
    takenById: staff.id,
    lines: [{ description: 'In A4', quantity: 2, unitPrice: 500, taxRateBp: 800 }],
  })
  await insertOrders(sql, [built])
  return db().order.findUniqueOrThrow({ where: { id: built.order.id }, include: { lines: true } })
}

describe('the database itself refuses what must never happen', () => {
  it('keeps the audit trail append-only', async () => {
    await db().auditEvent.create({ data: { action: 'test.event', entityType: 'test' } })
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'rewritten'`)).rejects.toThrow(/append-only/)
    await expect(db().$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/)
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/)
    expect(await db().auditEvent.count({ where: { action: 'test.event' } })).toBe(1)
  })

  it('never fulfils more than ordered, nor invoices more than fulfilled', async () => {
    const order = await makeOrder()
    const line = order.lines[0]!
    await expect(db().orderLine.update({ where: { id: line.id }, data: { qtyFulfilled: 3 } })).rejects.toThrow()
    await expect(db().orderLine.update({ where: { id: line.id }, data: { qtyFulfilled: -1 } })).rejects.toThrow()
    await expect(db().orderLine.update({ where: { id: line.id }, data: { qtyInvoiced: 1 } })).rejects.toThrow()
    await db().orderLine.update({ where: { id: line.id }, data: { qtyFulfilled: 2, qtyInvoiced: 2 } })
    await expect(db().orderLine.update({ where: { id: line.id }, data: { qtyFulfilled: 1 } })).rejects.toThrow()
  })

  it('refuses inconsistent totals, zero quantities and out-of-range skills', async () => {
    const order = await makeOrder()
    await expect(db().order.update({ where: { id: order.id }, data: { total: 999 } })).rejects.toThrow()
    await expect(
      db().orderLine.create({ data: { orderId: order.id, position: 1, description: 'x', quantity: 0, unitPrice: 1, taxRateBp: 0 } }),
    ).rejects.toThrow()
    const staff = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await expect(db().skill.create({ data: { userId: staff.id, task: 'TAKE_ORDER', level: 4 } })).rejects.toThrow()
  })

  it('keeps emails unique regardless of case', async () => {
    const staff = await makeStaff({ homeRole: 'RECEPTIONIST' })
    await expect(
      db().user.create({ data: { email: staff.email.toUpperCase(), name: 'x', passwordHash: 'x', homeRole: 'RECEPTIONIST' } }),
    ).rejects.toThrow()
    await expect(makeStaff({ homeRole: 'RECEPTIONIST', email: staff.email })).rejects.toThrow()
  })

  it('never lets an issued invoice change', async () => {
    const order = await makeOrder()
    const staff = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const invoice = await db().invoice.create({
      data: {
        year: 2026,
        seq: 1,
        number: 'HD-2026-000001',
        orderId: order.id,
        customerId: order.customerId,
        currency: 'VND',
        subtotal: 1000,
        taxTotal: 80,
        total: 1080,
        dueAt: new Date(),
        issuedById: staff.id,
        seller: {},
        buyer: {},
      },
    })
    await expect(db().invoice.update({ where: { id: invoice.id }, data: { total: 1 } })).rejects.toThrow(/append-only/)
    await expect(db().invoice.delete({ where: { id: invoice.id } })).rejects.toThrow(/append-only/)
    await expect(
      db().invoice.create({
        data: {
          year: 2026,
          seq: 1,
          number: 'HD-2026-000001b',
          orderId: order.id,
          customerId: order.customerId,
          currency: 'VND',
          subtotal: 0,
          taxTotal: 0,
          total: 0,
          dueAt: new Date(),
          issuedById: staff.id,
          seller: {},
          buyer: {},
        },
      }),
    ).rejects.toThrow()
  })

  it('requires refunds to be negative and against a credit note', async () => {
    const order = await makeOrder()
    await expect(
      db().payment.create({
        data: {
          orderId: order.id,
          customerId: order.customerId,
          kind: 'REFUND',
          method: 'CASH',
          amount: 100,
          receivedById: order.takenById,
        },
      }),
    ).rejects.toThrow()
    await expect(
      db().payment.create({
        data: {
          orderId: order.id,
          customerId: order.customerId,
          kind: 'PAYMENT',
          method: 'CASH',
          amount: -100,
          receivedById: order.takenById,
        },
      }),
    ).rejects.toThrow()
  })
})
