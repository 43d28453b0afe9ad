import { beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '@/domain/errors'
import { businessDay } from '@/domain/opening-hours'
import type { Actor } from '@/server/auth/actor'
import { getCreditNote } from '@/server/billing/get-credit-note'
import { getInvoice } from '@/server/billing/get-invoice'
import { getOrderBilling } from '@/server/billing/get-order-billing'
import { issueCreditNote } from '@/server/billing/issue-credit-note'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { recordPayment } from '@/server/billing/record-payment'
import { recordRefund } from '@/server/billing/record-refund'
import { db } from '@/server/db'
import { cancelOrder } from '@/server/fulfillment/cancel-order'
import { makeActor } from '../support/factories'
import { ensureSettings, makeOrder, orderRow, settleAll } from './back-support'

let clerk: Actor
const year = Number(businessDay(new Date(), 'Asia/Ho_Chi_Minh').slice(0, 4))

beforeAll(async () => {
  await ensureSettings()
  clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
})

/** An order of `quantity` x 1000 at 0 % tax, all done and invoiced. */
async function invoicedOrder(quantity = 10, deposit?: number) {
  const order = await makeOrder({ lines: [{ quantity, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: quantity }], deposit })
  const invoice = await issueInvoice(clerk, { orderId: order.id })
  return { order, invoice }
}

async function held(orderId: string) {
  return (await db().payment.aggregate({ where: { orderId }, _sum: { amount: true } }))._sum.amount ?? 0
}

describe('recordPayment', () => {
  it('takes partial payments until the invoice is paid, then refuses more with the most that could be paid', async () => {
    const { order, invoice } = await invoicedOrder(10)
    const first = await recordPayment(clerk, { orderId: order.id, method: 'CARD', amount: 4000, reference: 'VISA 1234' })
    expect(first).toMatchObject({ change: 0, balance: 6000, orderClosed: false })
    expect((await orderRow(order.id)).payment).toBe('PARTLY_PAID')
    await expect(recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 6001 })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'back.errors.overpayment',
      params: { max: 6000, currency: 'VND' },
      field: 'amount',
    })
    const last = await recordPayment(clerk, {
      orderId: order.id,
      invoiceId: invoice.invoiceId,
      method: 'CASH',
      amount: 6000,
      tendered: 10_000,
    })
    expect(last).toMatchObject({ change: 4000, balance: 0 })
    expect((await orderRow(order.id)).payment).toBe('PAID')
    await expect(recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 1 })).rejects.toMatchObject({
      messageKey: 'back.errors.nothingToPay',
    })
    expect(await held(order.id)).toBe(10_000)
    const audits = await db().auditEvent.findMany({ where: { orderId: order.id, action: 'payment.recorded' } })
    expect(audits).toHaveLength(2)
    expect(audits[0]).toMatchObject({ task: 'RECORD_PAYMENT', crossRole: false })
  })

  it('checks cash tendered and refuses it for other methods', async () => {
    const { order } = await invoicedOrder(2)
    await expect(recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 1000, tendered: 999 })).rejects.toMatchObject({
      messageKey: 'back.errors.tenderedTooLow',
    })
    await expect(recordPayment(clerk, { orderId: order.id, method: 'TRANSFER', amount: 1000, tendered: 2000 })).rejects.toMatchObject({
      messageKey: 'back.errors.tenderedOnlyCash',
    })
    await expect(recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 0 })).rejects.toMatchObject({ code: 'INVALID' })
    expect(await held(order.id)).toBe(0)
  })

  it('caps a payment against one invoice at its open balance, and refuses another order’s invoice', async () => {
    const { order, invoice } = await invoicedOrder(3)
    await expect(
      recordPayment(clerk, { orderId: order.id, invoiceId: invoice.invoiceId, method: 'CASH', amount: 3001 }),
    ).rejects.toMatchObject({ params: { max: 3000 } })
    const other = await invoicedOrder(1)
    await expect(
      recordPayment(clerk, { orderId: order.id, invoiceId: other.invoice.invoiceId, method: 'CASH', amount: 100 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('holds a prepayment on the order (up to its total) and applies it to the invoice when issued', async () => {
    const order = await makeOrder({ lines: [{ quantity: 5, unitPrice: 1000, taxRateBp: 0 }] })
    await expect(recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 5001 })).rejects.toMatchObject({
      messageKey: 'back.errors.overpayment',
      params: { max: 5000 },
    })
    const pre = await recordPayment(clerk, { orderId: order.id, method: 'TRANSFER', amount: 5000 })
    expect(pre.balance).toBe(-5000)
    await db().orderLine.update({ where: { id: order.lines[0]!.id }, data: { qtyFulfilled: 5 } })
    const invoice = await issueInvoice(clerk, { orderId: order.id })
    expect(invoice.applied).toBe(5000)
    expect((await orderRow(order.id)).payment).toBe('PAID')
  })

  it('allocates a payment without an invoice to the oldest open invoices first', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 4 }] })
    const first = await issueInvoice(clerk, { orderId: order.id })
    await db().orderLine.update({ where: { id: order.lines[0]!.id }, data: { qtyFulfilled: 10 } })
    const second = await issueInvoice(clerk, { orderId: order.id })
    await recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 5000 })
    expect((await getInvoice(clerk, first.invoiceId)).balance).toBe(0)
    expect((await getInvoice(clerk, second.invoiceId)).balance).toBe(5000)
  })

  it('never overpays under concurrency: 20 cashiers each taking the full balance at once', async () => {
    const { order } = await invoicedOrder(7)
    const { ok, errors } = await settleAll(
      Array.from({ length: 20 }, () => recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 7000 })),
    )
    expect(ok).toHaveLength(1)
    expect(errors.every((e) => isDomainError(e) && e.code === 'CONFLICT')).toBe(true)
    expect(await held(order.id)).toBe(7000)
    const partial = await invoicedOrder(10)
    await settleAll(Array.from({ length: 30 }, () => recordPayment(clerk, { orderId: partial.order.id, method: 'CARD', amount: 700 })))
    // 14 x 700 = 9800 fit; the 15th would pass 10 000.
    expect(await held(partial.order.id)).toBe(9800)
  })

  it('closes an order that is collected, billed and paid', async () => {
    const { order } = await invoicedOrder(1)
    await db().order.update({ where: { id: order.id }, data: { handover: 'COLLECTED', handedOverAt: new Date() } })
    const paid = await recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 1000 })
    expect(paid.orderClosed).toBe(true)
    expect((await orderRow(order.id)).closedAt).not.toBeNull()
  })

  it('is allowed at the counter (pickup) and counted as home-role work there; refused to someone without either skill', async () => {
    const { order } = await invoicedOrder(2)
    const receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
    await recordPayment(receptionist, { orderId: order.id, method: 'CASH', amount: 500 })
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { orderId: order.id, action: 'payment.recorded', actorId: receptionist.id },
    })
    expect(audit).toMatchObject({ task: 'HANDLE_PICKUP', crossRole: false })
    const printer = await makeActor({ homeRole: 'BACK_OFFICE', skills: { RECORD_PAYMENT: 0 } })
    await expect(recordPayment(printer, { orderId: order.id, method: 'CASH', amount: 500 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('credit notes', () => {
  it('credits some lines with exact amounts and its own gapless numbering; the invoice itself never changes', async () => {
    const order = await makeOrder({
      lines: [
        { quantity: 3, unitPrice: 5, taxRateBp: 1000, qtyFulfilled: 3 },
        { quantity: 2, unitPrice: 10_000, taxRateBp: 800, qtyFulfilled: 2 },
      ],
    })
    const invoice = await issueInvoice(clerk, { orderId: order.id })
    const lines = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId }, orderBy: { position: 'asc' } })
    // 3 x 5 at 10 %: tax 2 on the line; credited one unit at a time, the three credits add up to it exactly.
    const notes = []
    for (let i = 0; i < 3; i++) {
      notes.push(
        await issueCreditNote(clerk, {
          invoiceId: invoice.invoiceId,
          reason: 'Sai giá',
          reinvoice: false,
          lines: [{ invoiceLineId: lines[0]!.id, quantity: 1 }],
        }),
      )
    }
    const credited = await db().creditNoteLine.findMany({ where: { invoiceLineId: lines[0]!.id } })
    expect(credited.reduce((s, c) => s + c.gross, 0)).toBe(lines[0]!.gross)
    expect(credited.reduce((s, c) => s + c.tax, 0)).toBe(lines[0]!.tax)
    const seqs = notes.map((n) => Number(n.number.split('-')[2]))
    expect(seqs[1]).toBe(seqs[0]! + 1)
    expect(seqs[2]).toBe(seqs[0]! + 2)
    expect(notes[0]!.number).toMatch(new RegExp(`^GG-${year}-`))
    await expect(
      issueCreditNote(clerk, {
        invoiceId: invoice.invoiceId,
        reason: 'x',
        reinvoice: false,
        lines: [{ invoiceLineId: lines[0]!.id, quantity: 1 }],
      }),
    ).rejects.toMatchObject({ messageKey: 'errors.overCredited', params: { max: 0 } })
    await expect(
      issueCreditNote(clerk, {
        invoiceId: invoice.invoiceId,
        reason: 'x',
        reinvoice: false,
        lines: [{ invoiceLineId: lines[1]!.id, quantity: 3 }],
      }),
    ).rejects.toMatchObject({ messageKey: 'errors.overCredited', params: { max: 2 } })
    const unchanged = await db().invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId } })
    expect(unchanged.total).toBe(invoice.total)
    await expect(db().creditNote.updateMany({ where: { invoiceId: invoice.invoiceId }, data: { reason: 'rewritten' } })).rejects.toThrow(
      /append-only/,
    )
    const audit = await db().auditEvent.findMany({ where: { orderId: order.id, action: 'credit_note.issued' } })
    expect(audit).toHaveLength(3)
    expect(audit[0]).toMatchObject({ task: 'INVOICE' })
    // Quantities stay invoiced without re-invoicing.
    expect((await orderRow(order.id)).lines.map((l) => l.qtyInvoiced)).toEqual([3, 2])
  })

  it('with re-invoicing, frees the quantities and moves the money already paid onto the corrected invoice', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 10 }] })
    const wrong = await issueInvoice(clerk, { orderId: order.id })
    await recordPayment(clerk, { orderId: order.id, method: 'TRANSFER', amount: 10_000 })
    const [line] = await db().invoiceLine.findMany({ where: { invoiceId: wrong.invoiceId } })
    const note = await issueCreditNote(clerk, {
      invoiceId: wrong.invoiceId,
      reason: 'Xuất nhầm người mua',
      reinvoice: true,
      lines: [{ invoiceLineId: line!.id, quantity: 10 }],
    })
    expect(note.total).toBe(10_000)
    expect(note.refundable).toBe(10_000)
    const mid = await orderRow(order.id)
    expect(mid.lines[0]!.qtyInvoiced).toBe(0)
    expect(mid.billing).toBe('UNBILLED')
    const corrected = await issueInvoice(clerk, { orderId: order.id })
    expect(corrected).toMatchObject({ total: 10_000, applied: 10_000 })
    expect((await getInvoice(clerk, wrong.invoiceId)).balance).toBe(0)
    expect((await getInvoice(clerk, corrected.invoiceId)).balance).toBe(0)
    expect((await getCreditNote(clerk, note.creditNoteId)).refundable).toBe(0)
    const after = await orderRow(order.id)
    expect(after).toMatchObject({ billing: 'BILLED', payment: 'PAID' })
  })

  it('is refused to people who may not invoice', async () => {
    const { invoice } = await invoicedOrder(1)
    const [line] = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId } })
    const printer = await makeActor({ homeRole: 'BACK_OFFICE', skills: { INVOICE: 0 } })
    await expect(
      issueCreditNote(printer, {
        invoiceId: invoice.invoiceId,
        reason: 'x',
        reinvoice: false,
        lines: [{ invoiceLineId: line!.id, quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('refunds', () => {
  it('pays back against a credit note, never more than credited, over-paid or held', async () => {
    const { order, invoice } = await invoicedOrder(10)
    await recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 10_000 })
    const [line] = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId } })
    const note = await issueCreditNote(clerk, {
      invoiceId: invoice.invoiceId,
      reason: 'Hỏng 4 bản',
      reinvoice: false,
      lines: [{ invoiceLineId: line!.id, quantity: 4 }],
    })
    expect(note.refundable).toBe(4000)
    await expect(recordRefund(clerk, { creditNoteId: note.creditNoteId, method: 'CASH', amount: 4001 })).rejects.toMatchObject({
      messageKey: 'back.errors.overRefund',
      params: { max: 4000 },
    })
    const first = await recordRefund(clerk, { creditNoteId: note.creditNoteId, method: 'CASH', amount: 1500 })
    expect(first.refundedTotal).toBe(1500)
    await recordRefund(clerk, { creditNoteId: note.creditNoteId, method: 'TRANSFER', amount: 2500, reference: 'CK 0099' })
    await expect(recordRefund(clerk, { creditNoteId: note.creditNoteId, method: 'CASH', amount: 1 })).rejects.toMatchObject({
      messageKey: 'back.errors.nothingToRefund',
    })
    const refunds = await db().payment.findMany({ where: { orderId: order.id, kind: 'REFUND' } })
    expect(refunds.map((r) => r.amount).sort((a, b) => a - b)).toEqual([-2500, -1500])
    expect(refunds.every((r) => r.creditNoteId === note.creditNoteId)).toBe(true)
    expect(await held(order.id)).toBe(6000)
    expect((await getInvoice(clerk, invoice.invoiceId)).balance).toBe(0)
    expect((await orderRow(order.id)).payment).toBe('PAID')
    const audit = await db().auditEvent.findMany({ where: { orderId: order.id, action: 'payment.refunded' } })
    expect(audit).toHaveLength(2)
  })

  it('refunds nothing the customer has not paid: a credit on an unpaid invoice lowers what is owed instead', async () => {
    const { order, invoice } = await invoicedOrder(10)
    await recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 3000 })
    const [line] = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId } })
    const note = await issueCreditNote(clerk, {
      invoiceId: invoice.invoiceId,
      reason: 'Giảm giá',
      reinvoice: false,
      lines: [{ invoiceLineId: line!.id, quantity: 5 }],
    })
    expect(note.refundable).toBe(0)
    await expect(recordRefund(clerk, { creditNoteId: note.creditNoteId, method: 'CASH', amount: 1 })).rejects.toMatchObject({
      messageKey: 'back.errors.nothingToRefund',
    })
    expect((await getInvoice(clerk, invoice.invoiceId)).balance).toBe(2000)
  })

  it('ends a cancelled, fully credited and refunded order as REFUNDED', async () => {
    const order = await makeOrder({ lines: [{ quantity: 2, unitPrice: 50_000, taxRateBp: 0, qtyFulfilled: 2 }], deposit: 40_000 })
    const invoice = await issueInvoice(clerk, { orderId: order.id })
    await recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 60_000 })
    const cancelled = await cancelOrder(clerk, {
      orderId: order.id,
      expectedVersion: (await orderRow(order.id)).version,
      reason: 'Khách không nhận',
    })
    expect(cancelled).toMatchObject({ moneyHeld: 100_000, invoicedNet: 100_000 })
    const [line] = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId } })
    const note = await issueCreditNote(clerk, {
      invoiceId: invoice.invoiceId,
      reason: 'Hủy đơn',
      reinvoice: false,
      lines: [{ invoiceLineId: line!.id, quantity: 2 }],
    })
    await recordRefund(clerk, { creditNoteId: note.creditNoteId, method: 'TRANSFER', amount: note.refundable })
    const row = await orderRow(order.id)
    expect(row.payment).toBe('REFUNDED')
    expect(await held(order.id)).toBe(0)
    const billing = await getOrderBilling(clerk, order.id)
    expect(billing.maxPayable).toBe(0)
  })

  it('refuses refunds to people without the payment skill', async () => {
    const { order, invoice } = await invoicedOrder(1)
    await recordPayment(clerk, { orderId: order.id, method: 'CASH', amount: 1000 })
    const [line] = await db().invoiceLine.findMany({ where: { invoiceId: invoice.invoiceId } })
    const note = await issueCreditNote(clerk, {
      invoiceId: invoice.invoiceId,
      reason: 'x',
      reinvoice: false,
      lines: [{ invoiceLineId: line!.id, quantity: 1 }],
    })
    const printer = await makeActor({ homeRole: 'BACK_OFFICE', skills: { RECORD_PAYMENT: 0 } })
    await expect(recordRefund(printer, { creditNoteId: note.creditNoteId, method: 'CASH', amount: 1000 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    // The database itself refuses a refund against an invoice without a credit note.
    await expect(
      db().payment.create({
        data: {
          orderId: order.id,
          customerId: order.customerId,
          invoiceId: invoice.invoiceId,
          kind: 'REFUND',
          method: 'CASH',
          amount: -1,
          receivedById: clerk.id,
        },
      }),
    ).rejects.toThrow()
  })
})
