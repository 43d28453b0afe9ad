import { beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS } from '@/domain/opening-hours'
import type { Task } from '@/domain/permissions'
import { db } from '@/server/db'
import { getCrossRoleWork } from '@/server/coverage/get-cross-role-work'
import { getPracticeEvidence } from '@/server/coverage/get-practice-evidence'
import { makeActor, makeStaff } from '../support/factories'
import { OPEN_NOW, at, ensureManagerSettings } from './manager-support'

const now = OPEN_NOW // Thursday 2026-11-26 10:00 in Ho Chi Minh City
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS)

async function did(actorId: string, task: Task, when: Date, crossRole: boolean, orderId?: string, action = 'order.updated') {
  await db().auditEvent.create({ data: { actorId, task, at: when, crossRole, action, entityType: 'order', entityId: orderId ?? null } })
}

let manager: Awaited<ReturnType<typeof makeActor>>
let hung: { id: string }
let bao: { id: string }
let ha: { id: string }

beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER', name: 'Mai' })
  ha = await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Hà' })
  // Hùng is the only back-office person who covers the counter: the only backup for TAKE_ORDER.
  hung = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Hùng', skills: { TAKE_ORDER: 2 } })
  bao = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Bảo', skills: { TAKE_ORDER: 1 } })
})

describe('evidence from practice', () => {
  it('counts what each person actually did per task over 90 days, with the latest time', async () => {
    await did(hung.id, 'TAKE_ORDER', daysAgo(40), true)
    await did(hung.id, 'TAKE_ORDER', daysAgo(45), true)
    await did(hung.id, 'TAKE_ORDER', daysAgo(100), true) // outside the window
    await did(hung.id, 'FULFILL', daysAgo(1), false)
    await did(hung.id, 'FULFILL', daysAgo(2), false)
    await did(hung.id, 'FULFILL', daysAgo(3), false)
    await did(ha.id, 'TAKE_ORDER', daysAgo(0.5), false)

    const evidence = await getPracticeEvidence(manager, now)
    const row = (id: string) => evidence.people.find((p) => p.person.id === id)!.tasks
    expect(row(hung.id)).toEqual({
      TAKE_ORDER: { count: 2, lastAt: daysAgo(40).toISOString() },
      FULFILL: { count: 3, lastAt: daysAgo(1).toISOString() },
    })
    expect(row(ha.id)).toEqual({ TAKE_ORDER: { count: 1, lastAt: daysAgo(0.5).toISOString() } })
    expect(row(bao.id)).toEqual({})
    // The counts are exactly the audit rows in the window.
    const rows = await db().auditEvent.count({ where: { actorId: hung.id, task: 'FULFILL', at: { gte: daysAgo(90) } } })
    expect(row(hung.id).FULFILL!.count).toBe(rows)
  })

  it('warns when the only backup for a task has not done it for 30 days', async () => {
    const evidence = await getPracticeEvidence(manager, now)
    expect(evidence.warnings).toEqual([
      { task: 'TAKE_ORDER', backup: { id: hung.id, name: 'Hùng' }, lastDoneAt: daysAgo(40).toISOString(), daysSince: 40 },
    ])
    // Once he covers the counter again, the warning goes.
    await did(hung.id, 'TAKE_ORDER', daysAgo(2), true)
    expect((await getPracticeEvidence(manager, now)).warnings).toEqual([])
  })

  it('looks beyond the window before saying "never"', async () => {
    const lone = await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Lan', skills: { RECORD_PAYMENT: 2 } })
    await did(lone.id, 'RECORD_PAYMENT', daysAgo(200), true)
    const warning = (await getPracticeEvidence(manager, now)).warnings.find((w) => w.task === 'RECORD_PAYMENT')
    expect(warning).toMatchObject({ backup: { id: lone.id }, lastDoneAt: daysAgo(200).toISOString(), daysSince: 200 })
    const never = await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Yến', skills: { INVOICE: 2 } })
    expect((await getPracticeEvidence(manager, now)).warnings.find((w) => w.task === 'INVOICE')).toMatchObject({
      backup: { id: never.id },
      lastDoneAt: null,
      daysSince: null,
    })
  })
})

describe('cross-role work', () => {
  it('counts orders handled while covering this week, by task and person, against the same span last week', async () => {
    // Fresh people: the practice tests above recorded cross-role work for Hùng this week already.
    const hung = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Hùng 2', skills: { TAKE_ORDER: 2 } })
    const ha = await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Hà 2', skills: { RECORD_PAYMENT: 2 } })
    const bao = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Bảo 2', skills: { TAKE_ORDER: 2 } })
    const before = await getCrossRoleWork(manager, now)
    const monday = at('08:00', '2026-11-23')
    await did(hung.id, 'TAKE_ORDER', monday, true, 'order-1', 'order.created')
    await did(hung.id, 'TAKE_ORDER', at('09:00', '2026-11-24'), true, 'order-2', 'order.created')
    // The same order twice (a deposit then the creation) is one order taken.
    await did(hung.id, 'TAKE_ORDER', at('09:01', '2026-11-24'), true, 'order-2', 'payment.deposit')
    await did(ha.id, 'HANDLE_PICKUP', at('09:00', '2026-11-25'), false, 'order-3', 'order.collected')
    await did(ha.id, 'RECORD_PAYMENT', at('11:00', '2026-11-25'), true, 'order-3', 'payment.recorded')
    await did(bao.id, 'TAKE_ORDER', at('11:00', '2026-11-26'), true, 'order-4', 'order.created') // after "now"
    // Last week: Monday 2026-11-16, before the same weekday and time.
    await did(hung.id, 'TAKE_ORDER', at('08:00', '2026-11-17'), true, 'order-0', 'order.created')

    const work = await getCrossRoleWork(manager, now)
    expect(work.thisWeek.total - before.thisWeek.total).toBe(3)
    expect(work.thisWeek.byTask.TAKE_ORDER - before.thisWeek.byTask.TAKE_ORDER).toBe(2)
    expect(work.thisWeek.byTask.RECORD_PAYMENT - before.thisWeek.byTask.RECORD_PAYMENT).toBe(1)
    expect(work.thisWeek.byTask.HANDLE_PICKUP).toBe(0)
    const mine = work.thisWeek.byPerson.filter((p) => [hung.id, ha.id, bao.id].includes(p.person.id))
    expect(mine).toEqual([
      { person: { id: hung.id, name: 'Hùng 2', homeRole: 'BACK_OFFICE' }, count: 2 },
      { person: { id: ha.id, name: 'Hà 2', homeRole: 'RECEPTIONIST' }, count: 1 },
    ])
    expect(work.thisWeek.rows.filter((r) => r.person.id === hung.id)).toEqual([
      { person: { id: hung.id, name: 'Hùng 2', homeRole: 'BACK_OFFICE' }, task: 'TAKE_ORDER', count: 2 },
    ])
    expect(work.thisWeek.from).toBe(at('00:00', '2026-11-23').toISOString())
    expect(work.lastWeek.total - before.lastWeek.total).toBe(1)
    expect(work.lastWeek.from).toBe(at('00:00', '2026-11-16').toISOString())
  })
})
