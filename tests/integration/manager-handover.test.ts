// Handover and deactivation that fit the work (issue 16): the list holds only orders with work left
// (order-status.hasWorkLeft), the team page counts the same, the preselected recipient is present and qualified, and
// deactivation cannot leave work on an inactive person.
import { beforeAll, describe, expect, it } from 'vitest'
import { hasWorkLeft } from '@/domain/order-status'
import { db } from '@/server/db'
import { workLeftWhere } from '@/server/orders/work-left'
import { getReassignment } from '@/server/team/get-reassignment'
import { listTeam } from '@/server/team/list-team'
import { setStaffActive } from '@/server/team/set-staff-active'
import { makeActor, makeStaff } from '../support/factories'
import { at, ensureManagerSettings, expectDomainError, makeOrder, OPEN_NOW } from './manager-support'

let manager: Awaited<ReturnType<typeof makeActor>>
beforeAll(async () => {
  await ensureManagerSettings()
  // A manager by title, level 1 at fulfilling: may do it (can), but is not qualified to be handed work.
  manager = await makeActor({ homeRole: 'MANAGER', skills: { FULFILL: 1 } })
})

const noWorkLeftOnInactive = async () => db().order.count({ where: { ...workLeftWhere, assignee: { active: false } } })

describe('the handover list', () => {
  it('holds only orders with work left, and the team page counts the same', async () => {
    const going = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const todo = await makeOrder({ assigneeId: going.id })
    const partly = await makeOrder({ assigneeId: going.id, lines: [{ quantity: 2, unitPrice: 5000, qtyFulfilled: 1 }] })
    const made = await makeOrder({ assigneeId: going.id, lines: [{ quantity: 2, unitPrice: 5000, qtyFulfilled: 2 }] })
    const collected = await makeOrder({
      assigneeId: going.id,
      lines: [{ quantity: 1, unitPrice: 5000, qtyFulfilled: 1 }],
      handedOverAt: new Date(),
    })
    await makeOrder({ assigneeId: going.id, closedAt: new Date(), lines: [{ quantity: 1, unitPrice: 5000, qtyFulfilled: 1 }] })
    await makeOrder({ assigneeId: going.id, cancelledAt: new Date() })

    const view = await getReassignment(manager, { userId: going.id }, OPEN_NOW)
    expect(view.orders.map((o) => o.id).sort()).toEqual([todo.id, partly.id].sort())
    const team = await listTeam(manager)
    expect(team.find((m) => m.id === going.id)!.openOrders).toBe(2)

    // The SQL form agrees with the domain rule on every row.
    const rows = await db().order.findMany({ where: { assigneeId: going.id } })
    const sqlIds = (await db().order.findMany({ where: { assigneeId: going.id, ...workLeftWhere }, select: { id: true } })).map((r) => r.id)
    const domainIds = rows
      .filter((o) => hasWorkLeft({ fulfillment: o.fulfillment, cancelled: o.cancelledAt !== null, closed: o.closedAt !== null }))
      .map((o) => o.id)
    expect(sqlIds.sort()).toEqual(domainIds.sort())
    expect(domainIds).not.toContain(made.id)
    expect(domainIds).not.toContain(collected.id)
  })

  it('preselects a present, qualified colleague — never a level-1 manager — and nobody when none is here', async () => {
    const going = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const away = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'A away' })
    const here = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'B here' })
    const trainee = await makeStaff({ homeRole: 'RECEPTIONIST', skills: { FULFILL: 1 } })
    const keep = [manager.id, going.id, away.id, here.id, trainee.id]
    const others = (await db().user.findMany({ where: { active: true, id: { notIn: keep } }, select: { id: true } })).map((u) => u.id)
    await db().user.updateMany({ where: { id: { in: others } }, data: { active: false } })
    await makeOrder({ assigneeId: going.id })
    await db().absence.create({ data: { userId: away.id, kind: 'SICK', startsAt: at('07:00'), endsAt: at('18:00') } })

    const view = await getReassignment(manager, { userId: going.id }, OPEN_NOW)
    expect(view.candidates.map((c) => c.id).sort()).toEqual([away.id, here.id].sort())
    expect(view.candidates.find((c) => c.id === away.id)!.presentNow).toBe(false)
    expect(view.preselectedId).toBe(here.id)

    await db().absence.create({ data: { userId: here.id, kind: 'LEAVE', startsAt: at('07:00'), endsAt: at('18:00') } })
    expect((await getReassignment(manager, { userId: going.id }, OPEN_NOW)).preselectedId).toBeNull()
    await db().user.updateMany({ where: { id: { in: others } }, data: { active: true } })
  })
})

describe('deactivation', () => {
  it('is refused while the person holds work, hands it over in the same transaction, and strands nothing', async () => {
    const leaving = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const taker = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const o1 = await makeOrder({ assigneeId: leaving.id })
    const o2 = await makeOrder({ assigneeId: leaving.id, lines: [{ quantity: 3, unitPrice: 1000, qtyFulfilled: 1 }] })

    await expectDomainError(setStaffActive(manager, { userId: leaving.id, active: false }), 'CONFLICT', 'manager.team.errors.holdsWork')
    // A recipient who is not qualified (the level-1 manager) is refused, and nothing changes.
    await expectDomainError(
      setStaffActive(manager, { userId: leaving.id, active: false, handOverTo: manager.id }),
      'INVALID',
      'manager.reassign.errors.cannotFulfil',
    )
    expect((await db().user.findUniqueOrThrow({ where: { id: leaving.id } })).active).toBe(true)

    const result = await setStaffActive(manager, { userId: leaving.id, active: false, handOverTo: taker.id })
    expect(result).toMatchObject({ active: false, changed: true, handedOver: 2 })
    for (const o of [o1, o2]) expect((await db().order.findUniqueOrThrow({ where: { id: o.id } })).assigneeId).toBe(taker.id)
    expect(await noWorkLeftOnInactive()).toBe(0)
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'user.deactivated', entityId: leaving.id } })
    expect(audit.data).toMatchObject({ handedOver: 2 })
  })

  it('deactivates someone without work at once, leaving their finished orders in history', async () => {
    const leaving = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await makeOrder({ assigneeId: leaving.id, lines: [{ quantity: 1, unitPrice: 1000, qtyFulfilled: 1 }] })
    expect(await setStaffActive(manager, { userId: leaving.id, active: false })).toMatchObject({ changed: true, handedOver: 0 })
    expect(await noWorkLeftOnInactive()).toBe(0)
  })
})
