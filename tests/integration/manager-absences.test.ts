import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/server/db'
import { endAbsence } from '@/server/absences/end-absence'
import { endOwnAbsence } from '@/server/absences/end-own-absence'
import { listAbsences } from '@/server/absences/list-absences'
import { listOwnAbsences } from '@/server/absences/list-own-absences'
import { planOwnLunch } from '@/server/absences/plan-own-lunch'
import { recordAbsence } from '@/server/absences/record-absence'
import { startOwnLunch } from '@/server/absences/start-own-lunch'
import { makeActor, makeStaff } from '../support/factories'
import { DAY, OPEN_NOW, at, ensureManagerSettings, expectDomainError } from './manager-support'

let manager: Awaited<ReturnType<typeof makeActor>>
beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER' })
})

describe('recording absences', () => {
  it('refuses an overlapping absence for the same person with a clear message, and accepts touching ones', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Võ Thị Lan' })
    await recordAbsence(manager, { userId: person.id, kind: 'LUNCH', startsAt: `${DAY}T12:00`, endsAt: `${DAY}T13:00` }, OPEN_NOW)
    let caught: unknown
    try {
      await recordAbsence(manager, { userId: person.id, kind: 'LUNCH', startsAt: `${DAY}T12:30`, endsAt: `${DAY}T13:30` }, OPEN_NOW)
    } catch (error) {
      caught = error
    }
    expect(caught).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'manager.absences.errors.overlap',
      field: 'startsAt',
      params: { name: 'Võ Thị Lan', kind: 'LUNCH', start: `${DAY} 12:00`, end: `${DAY} 13:00` },
    })
    // Sickness is not refused for a planned lunch (issue #16): it replaces the part of the lunch it overlaps.
    await recordAbsence(manager, { userId: person.id, kind: 'SICK', startsAt: `${DAY}T12:30`, endsAt: `${DAY}T18:00` }, OPEN_NOW)
    const rows = await db().absence.findMany({ where: { userId: person.id }, orderBy: { startsAt: 'asc' } })
    expect(rows.map((r) => [r.kind, r.startsAt.toISOString(), r.endsAt.toISOString()])).toEqual([
      ['LUNCH', at('12:00').toISOString(), at('12:30').toISOString()],
      ['SICK', at('12:30').toISOString(), at('18:00').toISOString()],
    ])
    // End is exclusive: 18:00–19:00 touches the sickness but does not overlap it.
    await recordAbsence(manager, { userId: person.id, kind: 'OTHER', startsAt: `${DAY}T18:00`, endsAt: `${DAY}T19:00` }, OPEN_NOW)
    expect(await db().absence.count({ where: { userId: person.id } })).toBe(3)
    // Someone else may be away at the same time.
    const other = await makeStaff({ homeRole: 'RECEPTIONIST' })
    await recordAbsence(manager, { userId: other.id, kind: 'LUNCH', startsAt: `${DAY}T12:00`, endsAt: `${DAY}T13:00` }, OPEN_NOW)
  })

  it('cannot be raced into an overlap', async () => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const results = await Promise.allSettled(
      ['09:00', '09:30', '10:00'].map((start) =>
        recordAbsence(manager, { userId: person.id, kind: 'OTHER', startsAt: `${DAY}T${start}`, endsAt: `${DAY}T11:00` }, OPEN_NOW),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await db().absence.count({ where: { userId: person.id } })).toBe(1)
  })

  it.each([
    ['end before start', 'LUNCH', '13:00', '12:00', 'manager.absences.errors.endBeforeStart'],
    ['end equal to start', 'SICK', '13:00', '13:00', 'manager.absences.errors.endBeforeStart'],
    ['a two-minute absence', 'OTHER', '13:00', '13:02', 'manager.absences.errors.tooShort'],
    ['a four-hour lunch', 'LUNCH', '11:00', '15:00', 'manager.absences.errors.tooLongHours'],
  ] as const)('refuses %s', async (_label, kind, start, end, key) => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await expectDomainError(
      recordAbsence(manager, { userId: person.id, kind, startsAt: `${DAY}T${start}`, endsAt: `${DAY}T${end}` }, OPEN_NOW),
      'INVALID',
      key,
      'endsAt',
    )
  })

  it('refuses leave longer than allowed or too far back', async () => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await expectDomainError(
      recordAbsence(manager, { userId: person.id, kind: 'LEAVE', startsAt: '2026-12-01T00:00', endsAt: '2027-03-01T00:00' }, OPEN_NOW),
      'INVALID',
      'manager.absences.errors.tooLongDays',
    )
    await expectDomainError(
      recordAbsence(manager, { userId: person.id, kind: 'SICK', startsAt: '2026-09-01T00:00', endsAt: '2026-09-02T00:00' }, OPEN_NOW),
      'INVALID',
      'manager.absences.errors.tooFarBack',
    )
  })

  it('interprets times in the business time zone and lists current, upcoming and recent absences', async () => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Bùi Văn Tài' })
    await recordAbsence(
      manager,
      { userId: person.id, kind: 'SICK', startsAt: `${DAY}T07:00`, endsAt: `${DAY}T19:00`, note: 'Sốt' },
      OPEN_NOW,
    )
    await recordAbsence(manager, { userId: person.id, kind: 'LEAVE', startsAt: '2026-11-30T00:00', endsAt: '2026-12-02T00:00' }, OPEN_NOW)
    const row = await db().absence.findFirstOrThrow({ where: { userId: person.id, kind: 'SICK' } })
    expect(row.startsAt.toISOString()).toBe('2026-11-26T00:00:00.000Z') // 07:00 in Ho Chi Minh City (UTC+7)
    const list = await listAbsences(manager, OPEN_NOW)
    expect(list.current.filter((a) => a.person.id === person.id).map((a) => a.kind)).toEqual(['SICK'])
    expect(list.upcoming.filter((a) => a.person.id === person.id).map((a) => a.kind)).toEqual(['LEAVE'])
    const audit = await db().auditEvent.count({ where: { action: 'absence.recorded', actorId: manager.id } })
    expect(audit).toBeGreaterThan(0)
  })

  it('ends an absence early, or cancels one that has not started', async () => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const now = at('12:15')
    const current = await recordAbsence(
      manager,
      { userId: person.id, kind: 'LUNCH', startsAt: `${DAY}T12:00`, endsAt: `${DAY}T13:00` },
      now,
    )
    const planned = await recordAbsence(
      manager,
      { userId: person.id, kind: 'OTHER', startsAt: `${DAY}T15:00`, endsAt: `${DAY}T16:00` },
      now,
    )
    expect(await endAbsence(manager, { absenceId: current.id }, now)).toEqual({ id: current.id, outcome: 'ended' })
    expect((await db().absence.findUniqueOrThrow({ where: { id: current.id } })).endsAt).toEqual(now)
    expect(await endAbsence(manager, { absenceId: planned.id }, now)).toEqual({ id: planned.id, outcome: 'cancelled' })
    expect(await db().absence.findUnique({ where: { id: planned.id } })).toBeNull()
    await expectDomainError(endAbsence(manager, { absenceId: current.id }, at('14:00')), 'CONFLICT', 'manager.absences.errors.alreadyOver')
  })
})

describe('my own lunch break', () => {
  it('starts now for the chosen minutes, shows as current, and can be ended early', async () => {
    const me = await makeActor({ homeRole: 'RECEPTIONIST' })
    const lunch = await startOwnLunch(me, { minutes: 60 }, new Date(at('12:00').getTime() + 30_000))
    expect(lunch).toMatchObject({ kind: 'LUNCH', startsAt: at('12:00').toISOString(), endsAt: at('13:00').toISOString() })
    const mine = await listOwnAbsences(me, at('12:20'))
    expect(mine.current?.id).toBe(lunch.id)
    await expectDomainError(startOwnLunch(me, { minutes: 30 }, at('12:30')), 'CONFLICT', 'manager.absences.errors.overlap')
    expect(await endOwnAbsence(me, { absenceId: lunch.id }, at('12:40'))).toEqual({ id: lunch.id, outcome: 'ended' })
    const row = await db().absence.findUniqueOrThrow({ where: { id: lunch.id } })
    expect(row.endsAt).toEqual(at('12:40'))
    expect(row.createdById).toBe(me.id)
  })

  it('can be planned for later, but only as lunch and within bounds', async () => {
    const me = await makeActor({ homeRole: 'BACK_OFFICE' })
    const planned = await planOwnLunch(me, { startsAt: `${DAY}T12:30`, endsAt: `${DAY}T13:15` }, OPEN_NOW)
    expect(planned.kind).toBe('LUNCH')
    await expectDomainError(
      planOwnLunch(me, { startsAt: `${DAY}T14:00`, endsAt: `${DAY}T18:00` }, OPEN_NOW),
      'INVALID',
      'manager.absences.errors.tooLongHours',
    )
  })

  it("may not touch a sick day the manager recorded, nor anyone else's absence", async () => {
    const me = await makeActor({ homeRole: 'BACK_OFFICE' })
    const sick = await recordAbsence(manager, { userId: me.id, kind: 'SICK', startsAt: `${DAY}T07:00`, endsAt: `${DAY}T19:00` }, OPEN_NOW)
    await expectDomainError(endOwnAbsence(me, { absenceId: sick.id }, OPEN_NOW), 'FORBIDDEN', 'account.absences.onlyLunch')
    const colleague = await makeActor({ homeRole: 'BACK_OFFICE' })
    const theirs = await startOwnLunch(colleague, { minutes: 30 }, OPEN_NOW)
    await expectDomainError(endOwnAbsence(me, { absenceId: theirs.id }, OPEN_NOW), 'NOT_FOUND')
  })
})
