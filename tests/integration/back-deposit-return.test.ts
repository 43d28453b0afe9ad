import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/server/auth/actor'
import { getOrderBilling } from '@/server/billing/get-order-billing'
import { issueCreditNote } from '@/server/billing/issue-credit-note'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { returnDeposit } from '@/server/billing/return-deposit'
import { db } from '@/server/db'
import { cancelOrder } from '@/server/fulfillment/cancel-order'
import { makeActor } from '../support/factories'
import { ensureSettings, makeOrder, orderRow } from './back-support'

let clerk: Actor
let worker: Actor
let receptionist: Actor
let fulfiller: Actor

beforeAll(async () => {
  await ensureSettings()
  clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
  worker = await makeActor({ homeRole: 'BACK_OFFICE' })
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
  fulfiller = await makeActor({ homeRole: 'BACK_OFFICE', skills: { RECORD_PAYMENT: 0, HANDLE_PICKUP: 0 } })
})

async function cancelledWithDeposit(deposit: number) {
  const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 0 }], deposit })
  await cancelOrder(worker, { orderId: order.id, expectedVersion: (await orderRow(order.id)).version, reason: 'Khách đổi ý' })
  return order
}

async function refunds(orderId: string) {
  return db().payment.findMany({ where: { orderId, kind: 'REFUND' }, select: { amount: true, invoiceId: true, creditNoteId: true } })
}

describe('returnDeposit (money never invoiced, on a cancelled order)', () => {
  it('hands the deposit back in parts, never more than was left, and the order ends REFUNDED', async () => {
    const order = await cancelledWithDeposit(4000)
    expect((await getOrderBilling(clerk, order.id)).returnable).toBe(4000)
    const first = await returnDeposit(clerk, { orderId: order.id, method: 'CASH', amount: 1500 })
    expect(first).toMatchObject({ returned: 1500, returnable: 2500 })
    await expect(returnDeposit(clerk, { orderId: order.id, method: 'CASH', amount: 2501 })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'back.errors.overReturn',
      params: { max: 2500, currency: 'VND' },
      field: 'amount',
    })
    await returnDeposit(receptionist, { orderId: order.id, method: 'TRANSFER', amount: 2500, reference: 'VCB 001' })
    await expect(returnDeposit(clerk, { orderId: order.id, method: 'CASH', amount: 1 })).rejects.toMatchObject({
      messageKey: 'back.errors.nothingToReturn',
    })
    expect(await refunds(order.id)).toEqual(
      expect.arrayContaining([
        { amount: -1500, invoiceId: null, creditNoteId: null },
        { amount: -2500, invoiceId: null, creditNoteId: null },
      ]),
    )
    expect((await orderRow(order.id)).payment).toBe('REFUNDED')
    const billing = await getOrderBilling(clerk, order.id)
    expect(billing).toMatchObject({ returnable: 0, unallocated: 0 })
    const audits = await db().auditEvent.findMany({ where: { orderId: order.id, action: 'payment.returned' }, orderBy: { at: 'asc' } })
    expect(audits.map((a) => [a.task, a.crossRole])).toEqual([
      ['RECORD_PAYMENT', false],
      ['HANDLE_PICKUP', false],
    ])
  })

  it('refuses on an open order: money on a live order waits for its invoice', async () => {
    const order = await makeOrder({ lines: [{ quantity: 2, unitPrice: 1000, taxRateBp: 0 }], deposit: 1000 })
    await expect(returnDeposit(clerk, { orderId: order.id, method: 'CASH', amount: 1000 })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'back.errors.returnOnlyCancelled',
    })
    expect(await refunds(order.id)).toEqual([])
    expect((await getOrderBilling(clerk, order.id)).returnable).toBe(0)
  })

  it('keeps what a cancelled order still costs: only money beyond its invoices is returned; the rest needs a credit note', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 3 }], deposit: 5000 })
    const invoice = await issueInvoice(clerk, { orderId: order.id })
    await cancelOrder(worker, { orderId: order.id, expectedVersion: (await orderRow(order.id)).version, reason: 'Hết giấy' })
    // 3000 of the deposit paid the invoice; 2000 was never applied.
    expect((await getOrderBilling(clerk, order.id)).returnable).toBe(2000)
    await expect(returnDeposit(clerk, { orderId: order.id, method: 'CASH', amount: 2001 })).rejects.toMatchObject({
      messageKey: 'back.errors.overReturn',
    })
    await returnDeposit(clerk, { orderId: order.id, method: 'CASH', amount: 2000 })
    const after = await getOrderBilling(clerk, order.id)
    expect(after).toMatchObject({ returnable: 0, unallocated: 0 })
    expect(after.invoices[0]).toMatchObject({ id: invoice.invoiceId, open: 0 })
    // Crediting the invoice afterwards is the credit-note path, not this one.
    const lines = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId }, select: { id: true, quantity: true } })
    await issueCreditNote(clerk, {
      invoiceId: invoice.invoiceId,
      reason: 'Hủy',
      reinvoice: false,
      lines: lines.map((l) => ({ invoiceLineId: l.id, quantity: l.quantity })),
    })
    expect((await getOrderBilling(clerk, order.id)).returnable).toBe(0)
  })

  it('refuses people without a payment skill and unknown orders, changing nothing', async () => {
    const order = await cancelledWithDeposit(1000)
    await expect(returnDeposit(fulfiller, { orderId: order.id, method: 'CASH', amount: 1000 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      returnDeposit(clerk, { orderId: '00000000-0000-4000-8000-000000000000', method: 'CASH', amount: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await refunds(order.id)).toEqual([])
  })

  it('twenty cashiers returning the same deposit at once hand it back once', async () => {
    const order = await cancelledWithDeposit(3000)
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => returnDeposit(clerk, { orderId: order.id, method: 'CASH', amount: 3000 })),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect((await refunds(order.id)).reduce((s, r) => s + r.amount, 0)).toBe(-3000)
  })

  it('the database refuses a refund naming an invoice without a credit note', async () => {
    const order = await makeOrder({ lines: [{ quantity: 1, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 1 }], deposit: 1000 })
    const invoice = await issueInvoice(clerk, { orderId: order.id })
    await expect(
      db()
        .$executeRaw`INSERT INTO "Payment" (id, "orderId", "customerId", "invoiceId", kind, method, amount, "receivedById") SELECT gen_random_uuid(), id, "customerId", ${invoice.invoiceId}::uuid, 'REFUND', 'CASH', -1, ${clerk.id}::uuid FROM "Order" WHERE id = ${order.id}::uuid`,
    ).rejects.toThrow(/Payment_refund_has_credit_note_or_is_return/)
  })
})
