import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/server/db'
import { getOrder } from '@/server/orders/get-order'
import { getReassignment } from '@/server/team/get-reassignment'
import { getOwnReassignment } from '@/server/team/get-own-reassignment'
import { reassignOrders } from '@/server/team/reassign-orders'
import { reassignOwnOrders } from '@/server/team/reassign-own-orders'
import { makeActor, makeStaff } from '../support/factories'
import { ensureManagerSettings, expectDomainError, makeOrder } from './manager-support'

let manager: Awaited<ReturnType<typeof makeActor>>
beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER' })
})

describe('reassigning open orders (break transfer)', () => {
  it('moves only open orders to a colleague who can fulfil, in one go, with a note on each timeline', async () => {
    const going = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Bảo' })
    const covering = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Ngọc' })
    const open1 = await makeOrder({ assigneeId: going.id })
    const open2 = await makeOrder({ assigneeId: going.id, lines: [{ quantity: 2, unitPrice: 5000, qtyFulfilled: 1 }] })
    const closed = await makeOrder({ assigneeId: going.id, closedAt: new Date() })
    const cancelled = await makeOrder({ assigneeId: going.id, cancelledAt: new Date() })

    const view = await getReassignment(manager, { userId: going.id })
    expect(view.orders.map((o) => o.id).sort()).toEqual([open1.id, open2.id].sort())
    expect(view.candidates.map((c) => c.id)).toContain(covering.id)
    expect(view.candidates.map((c) => c.id)).not.toContain(going.id)

    const result = await reassignOrders(manager, {
      fromUserId: going.id,
      toUserId: covering.id,
      note: 'Lunch until 13:00, proofs on the left tray',
    })
    expect(result).toEqual({ count: 2, to: { id: covering.id, name: 'Ngọc' } })

    for (const o of [open1, open2]) {
      const row = await db().order.findUniqueOrThrow({ where: { id: o.id } })
      expect(row.assigneeId).toBe(covering.id)
      expect(row.version).toBe(o.version + 1)
      const detail = await getOrder(manager, o.id)
      const event = detail.timeline.find((e) => e.action === 'order.handed_off')!
      expect(event.data).toMatchObject({ note: 'Lunch until 13:00, proofs on the left tray', to: 'Ngọc', toId: covering.id, from: 'Bảo' })
    }
    expect((await db().order.findUniqueOrThrow({ where: { id: closed.id } })).assigneeId).toBe(going.id)
    expect((await db().order.findUniqueOrThrow({ where: { id: cancelled.id } })).assigneeId).toBe(going.id)
    await expectDomainError(
      reassignOrders(manager, { fromUserId: going.id, toUserId: covering.id }),
      'CONFLICT',
      'manager.reassign.errors.nothingOpen',
    )
  })

  it('refuses a colleague who cannot fulfil, an inactive one, and oneself', async () => {
    const going = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await makeOrder({ assigneeId: going.id })
    const receptionist = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const gone = await makeStaff({ homeRole: 'BACK_OFFICE', active: false })
    await expectDomainError(
      reassignOrders(manager, { fromUserId: going.id, toUserId: receptionist.id }),
      'INVALID',
      'manager.reassign.errors.cannotFulfil',
      'toUserId',
    )
    await expectDomainError(
      reassignOrders(manager, { fromUserId: going.id, toUserId: gone.id }),
      'INVALID',
      'manager.reassign.errors.cannotFulfil',
      'toUserId',
    )
    await expectDomainError(reassignOrders(manager, { fromUserId: going.id, toUserId: going.id }), 'INVALID', undefined, 'toUserId')
    expect(await db().order.count({ where: { assigneeId: going.id } })).toBe(1)
  })

  it('lets anyone hand over their own open orders, without a task on the audit row', async () => {
    const me = await makeActor({ homeRole: 'BACK_OFFICE' })
    const colleague = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Tài' })
    const order = await makeOrder({ assigneeId: me.id })
    expect((await getOwnReassignment(me)).orders.map((o) => o.id)).toEqual([order.id])
    expect(await reassignOwnOrders(me, { toUserId: colleague.id, note: 'Going to the dentist' })).toMatchObject({ count: 1 })
    const event = await db().auditEvent.findFirstOrThrow({ where: { orderId: order.id, action: 'order.handed_off' } })
    expect(event).toMatchObject({ actorId: me.id, task: null, crossRole: false })
  })
})
