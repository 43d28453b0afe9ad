import { beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '@/domain/errors'
import type { Actor } from '@/server/auth/actor'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { db } from '@/server/db'
import { assignOrder } from '@/server/fulfillment/assign-order'
import { cancelOrder } from '@/server/fulfillment/cancel-order'
import { holdOrder } from '@/server/fulfillment/hold-order'
import { listFulfillers } from '@/server/fulfillment/list-fulfillers'
import { listFulfillmentEvents } from '@/server/fulfillment/list-fulfillment-events'
import { recordFulfillment } from '@/server/fulfillment/record-fulfillment'
import { releaseOrder } from '@/server/fulfillment/release-order'
import { makeActor } from '../support/factories'
import { ensureSettings, makeOrder, orderRow, settleAll } from './back-support'

let worker: Actor
let colleague: Actor

beforeAll(async () => {
  await ensureSettings()
  worker = await makeActor({ homeRole: 'BACK_OFFICE', name: 'Hùng Test' })
  colleague = await makeActor({ homeRole: 'BACK_OFFICE', name: 'Ngọc Test' })
})

describe('recordFulfillment', () => {
  it('records partial work by setting the done quantity or adding to it, with events, statuses and audit', async () => {
    const order = await makeOrder({
      lines: [
        { quantity: 10, unitPrice: 100 },
        { quantity: 2, unitPrice: 100 },
      ],
    })
    const [a, b] = order.lines
    const first = await recordFulfillment(worker, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: a!.id, set: 4 }] })
    expect(first).toMatchObject({
      fulfillment: 'PARTLY_FULFILLED',
      version: order.version + 1,
      changed: [{ lineId: a!.id, from: 0, to: 4 }],
    })
    const second = await recordFulfillment(worker, {
      orderId: order.id,
      expectedVersion: first.version,
      lines: [
        { lineId: a!.id, add: 6 },
        { lineId: b!.id, set: 2 },
      ],
    })
    expect(second.fulfillment).toBe('FULFILLED')
    const row = await orderRow(order.id)
    expect(row.lines.map((l) => l.qtyFulfilled)).toEqual([10, 2])
    expect(row.fulfillment).toBe('FULFILLED')
    expect(row.readyAt).not.toBeNull()
    const events = await listFulfillmentEvents(worker, order.id)
    expect(events.map((e) => e.quantity).sort((x, y) => x - y)).toEqual([2, 4, 6])
    expect(events.every((e) => e.by === 'Hùng Test' && !e.crossRole)).toBe(true)
    const audits = await db().auditEvent.findMany({ where: { orderId: order.id, action: 'order.fulfilled' } })
    expect(audits).toHaveLength(2)
    expect(audits[1]).toMatchObject({ task: 'FULFILL', crossRole: false })
    // The timeline names each line (its place on the order and its text) and how many were done.
    const both = audits.map((e) => (e.data as { lines: Array<Record<string, unknown>> }).lines).find((lines) => lines.length === 2)
    expect(both).toEqual([
      expect.objectContaining({ position: 0, description: expect.any(String), from: 4, to: 10 }),
      expect.objectContaining({ position: 1, from: 0, to: 2 }),
    ])
    // A correction down reopens the order.
    const third = await recordFulfillment(worker, {
      orderId: order.id,
      expectedVersion: second.version,
      lines: [{ lineId: b!.id, add: -1 }],
    })
    expect(third.fulfillment).toBe('PARTLY_FULFILLED')
    expect((await orderRow(order.id)).readyAt).toBeNull()
  })

  it('never records more than ordered, below zero, or below what is invoiced', async () => {
    const order = await makeOrder({ lines: [{ quantity: 5, unitPrice: 100, qtyFulfilled: 3 }] })
    const line = order.lines[0]!
    await expect(
      recordFulfillment(worker, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: line.id, set: 6 }] }),
    ).rejects.toMatchObject({ messageKey: 'errors.overFulfilled', params: { max: 2 }, field: 'lines.0' })
    await expect(
      recordFulfillment(worker, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: line.id, add: 3 }] }),
    ).rejects.toMatchObject({ messageKey: 'errors.overFulfilled' })
    await expect(
      recordFulfillment(worker, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: line.id, add: -4 }] }),
    ).rejects.toMatchObject({ messageKey: 'errors.underFulfilled' })
    await issueInvoice(worker, { orderId: order.id })
    const invoiced = await orderRow(order.id)
    await expect(
      recordFulfillment(worker, { orderId: order.id, expectedVersion: invoiced.version, lines: [{ lineId: line.id, set: 2 }] }),
    ).rejects.toMatchObject({ messageKey: 'errors.fulfilledBelowInvoiced', params: { invoiced: 3 } })
    await expect(
      recordFulfillment(worker, { orderId: order.id, expectedVersion: invoiced.version, lines: [{ lineId: line.id, set: 3 }] }),
    ).rejects.toMatchObject({ messageKey: 'back.errors.nothingChanged' })
    const other = await makeOrder()
    await expect(
      recordFulfillment(worker, { orderId: order.id, expectedVersion: invoiced.version, lines: [{ lineId: other.lines[0]!.id, set: 1 }] }),
    ).rejects.toMatchObject({ messageKey: 'back.errors.lineNotOnOrder' })
    expect((await orderRow(order.id)).lines[0]!.qtyFulfilled).toBe(3)
  })

  it('two people recording work on one line at once never exceed the ordered quantity', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 100, qtyFulfilled: 4 }] })
    const line = order.lines[0]!
    // Both saw version v and add 6: together that would be 16 of 10.
    const { ok, errors } = await settleAll([
      recordFulfillment(worker, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: line.id, add: 6 }] }),
      recordFulfillment(colleague, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: line.id, add: 6 }] }),
    ])
    expect(ok).toHaveLength(1)
    expect(errors).toHaveLength(1)
    expect((await orderRow(order.id)).lines[0]!.qtyFulfilled).toBe(10)
    // Many concurrent "+1" from a stale-tolerant script still stop at the ordered quantity: each goes through the
    // row lock and the check; the version makes all but one per round stale.
    const many = await makeOrder({ lines: [{ quantity: 3, unitPrice: 100 }] })
    for (let round = 0; round < 5; round++) {
      const current = await orderRow(many.id)
      await settleAll(
        Array.from({ length: 8 }, () =>
          recordFulfillment(worker, { orderId: many.id, expectedVersion: current.version, lines: [{ lineId: many.lines[0]!.id, add: 1 }] }),
        ),
      )
    }
    expect((await orderRow(many.id)).lines[0]!.qtyFulfilled).toBe(3)
  })

  it('refuses a change made on an outdated version and names who changed it', async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 100 }] })
    const line = order.lines[0]!
    await recordFulfillment(colleague, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: line.id, set: 2 }] })
    const stale = recordFulfillment(worker, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: line.id, set: 5 }] })
    await expect(stale).rejects.toMatchObject({ code: 'STALE', messageKey: 'errors.stale', params: { by: 'Ngọc Test' } })
    expect((await orderRow(order.id)).lines[0]!.qtyFulfilled).toBe(2)
  })

  it('refuses work on orders on hold, cancelled or handed over', async () => {
    const order = await makeOrder({ lines: [{ quantity: 2, unitPrice: 100 }] })
    const line = order.lines[0]!
    const held = await holdOrder(worker, { orderId: order.id, expectedVersion: order.version, reason: 'Chờ duyệt mẫu' })
    await expect(
      recordFulfillment(worker, { orderId: order.id, expectedVersion: held.version, lines: [{ lineId: line.id, set: 1 }] }),
    ).rejects.toMatchObject({ messageKey: 'errors.orderOnHold' })
    const released = await releaseOrder(worker, { orderId: order.id, expectedVersion: held.version })
    await recordFulfillment(worker, { orderId: order.id, expectedVersion: released.version, lines: [{ lineId: line.id, set: 1 }] })
    const delivered = await makeOrder({ lines: [{ quantity: 1, unitPrice: 100, qtyFulfilled: 1 }] })
    await db().order.update({ where: { id: delivered.id }, data: { handover: 'COLLECTED', handedOverAt: new Date() } })
    const v = (await orderRow(delivered.id)).version
    await expect(
      recordFulfillment(worker, { orderId: delivered.id, expectedVersion: v, lines: [{ lineId: delivered.lines[0]!.id, set: 0 }] }),
    ).rejects.toMatchObject({ messageKey: 'errors.orderHandedOver' })
  })

  it('is refused to a receptionist and allowed to a receptionist certified to cover (counted as cross-role)', async () => {
    const order = await makeOrder({ lines: [{ quantity: 2, unitPrice: 100 }] })
    const receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
    await expect(
      recordFulfillment(receptionist, {
        orderId: order.id,
        expectedVersion: order.version,
        lines: [{ lineId: order.lines[0]!.id, set: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(holdOrder(receptionist, { orderId: order.id, expectedVersion: order.version, reason: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    const trainee = await makeActor({ homeRole: 'RECEPTIONIST', skills: { FULFILL: 1 } })
    await expect(
      recordFulfillment(trainee, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: order.lines[0]!.id, set: 1 }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const covering = await makeActor({ homeRole: 'RECEPTIONIST', skills: { FULFILL: 2 } })
    await recordFulfillment(covering, {
      orderId: order.id,
      expectedVersion: order.version,
      lines: [{ lineId: order.lines[0]!.id, set: 1 }],
    })
    const event = await db().fulfillmentEvent.findFirstOrThrow({ where: { orderId: order.id } })
    expect(event.crossRole).toBe(true)
    expect((await db().auditEvent.findFirstOrThrow({ where: { orderId: order.id, action: 'order.fulfilled' } })).crossRole).toBe(true)
  })
})

describe('assign, hold, release, cancel', () => {
  it('assigns to oneself and to colleagues who can fulfil, never to someone who cannot', async () => {
    const order = await makeOrder()
    const mine = await assignOrder(worker, { orderId: order.id, expectedVersion: order.version, assigneeId: worker.id })
    expect(mine.assignee).toEqual({ id: worker.id, name: worker.name })
    const theirs = await assignOrder(worker, { orderId: order.id, expectedVersion: mine.version, assigneeId: colleague.id })
    expect((await orderRow(order.id)).assigneeId).toBe(colleague.id)
    const receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
    await expect(
      assignOrder(worker, { orderId: order.id, expectedVersion: theirs.version, assigneeId: receptionist.id }),
    ).rejects.toMatchObject({ messageKey: 'back.errors.assigneeCannotFulfil' })
    await expect(
      assignOrder(worker, { orderId: order.id, expectedVersion: theirs.version, assigneeId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ messageKey: 'back.errors.assigneeCannotFulfil' })
    await assignOrder(worker, { orderId: order.id, expectedVersion: theirs.version, assigneeId: null })
    expect((await orderRow(order.id)).assigneeId).toBeNull()
    expect(await db().auditEvent.count({ where: { orderId: order.id, action: 'order.assigned' } })).toBe(3)
    const people = await listFulfillers(worker)
    expect(people.map((p) => p.id)).toEqual(expect.arrayContaining([worker.id, colleague.id]))
    expect(people.map((p) => p.id)).not.toContain(receptionist.id)
  })

  it('holds with a reason and releases; a second hold is refused', async () => {
    const order = await makeOrder()
    const held = await holdOrder(worker, { orderId: order.id, expectedVersion: order.version, reason: 'Chờ khách duyệt bản in thử' })
    expect(await orderRow(order.id)).toMatchObject({ holdReason: 'Chờ khách duyệt bản in thử', heldById: worker.id })
    await expect(holdOrder(worker, { orderId: order.id, expectedVersion: held.version, reason: 'again' })).rejects.toMatchObject({
      messageKey: 'errors.orderOnHold',
    })
    const released = await releaseOrder(worker, { orderId: order.id, expectedVersion: held.version })
    expect(await orderRow(order.id)).toMatchObject({ heldAt: null, holdReason: null })
    await expect(releaseOrder(worker, { orderId: order.id, expectedVersion: released.version })).rejects.toMatchObject({
      messageKey: 'errors.orderNotOnHold',
    })
    const actions = await db().auditEvent.findMany({
      where: { orderId: order.id },
      orderBy: { id: 'asc' },
      select: { action: true, data: true },
    })
    expect(actions.map((a) => a.action)).toEqual(['order.held', 'order.released'])
    expect(actions[0]!.data).toEqual({ reason: 'Chờ khách duyệt bản in thử' })
  })

  it('cancels with a reason and reports the money held to give back', async () => {
    const order = await makeOrder({ deposit: 5000 })
    const result = await cancelOrder(worker, { orderId: order.id, expectedVersion: order.version, reason: 'Khách đổi ý' })
    expect(result).toMatchObject({ moneyHeld: 5000, invoicedNet: 0 })
    const row = await orderRow(order.id)
    expect(row).toMatchObject({ cancelReason: 'Khách đổi ý', cancelledById: worker.id })
    await expect(cancelOrder(worker, { orderId: order.id, expectedVersion: result.version, reason: 'again' })).rejects.toMatchObject({
      messageKey: 'errors.orderCancelled',
    })
    await expect(assignOrder(worker, { orderId: order.id, expectedVersion: result.version, assigneeId: worker.id })).rejects.toMatchObject({
      messageKey: 'errors.orderCancelled',
    })
    const blank = await makeOrder()
    await expect(cancelOrder(worker, { orderId: blank.id, expectedVersion: blank.version, reason: '   ' })).rejects.toMatchObject({
      messageKey: 'errors.reasonRequired',
    })
  })

  it('every change bumps the version, so an outdated form is refused whatever it does', async () => {
    const order = await makeOrder()
    await assignOrder(worker, { orderId: order.id, expectedVersion: order.version, assigneeId: worker.id })
    const results = await settleAll([
      holdOrder(colleague, { orderId: order.id, expectedVersion: order.version, reason: 'x' }),
      cancelOrder(colleague, { orderId: order.id, expectedVersion: order.version, reason: 'x' }),
      assignOrder(colleague, { orderId: order.id, expectedVersion: order.version, assigneeId: colleague.id }),
    ])
    expect(results.ok).toHaveLength(0)
    expect(results.errors.every((e) => isDomainError(e) && e.code === 'STALE')).toBe(true)
  })
})
