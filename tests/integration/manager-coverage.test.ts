import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/server/db'
import { endAbsence } from '@/server/absences/end-absence'
import { recordAbsence } from '@/server/absences/record-absence'
import { getCoverOverview } from '@/server/coverage/get-cover-overview'
import { getDayCover } from '@/server/coverage/get-day-cover'
import { makeActor, makeStaff } from '../support/factories'
import { DAY, OPEN_NOW, at, ensureManagerSettings } from './manager-support'

// One file, one database: this team is the whole team, so the numbers below are exact.
let manager: Awaited<ReturnType<typeof makeActor>>
let invoicer: { id: string; name: string }
let trainee: { id: string; name: string }
let printer: { id: string; name: string }

beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER', name: 'Mai' })
  invoicer = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Hùng', skills: { FULFILL: 3, INVOICE: 3, RECORD_PAYMENT: 3 } })
  // Back office by title, but recorded at INVOICE 1 (in training): not qualified, so Hùng is the only invoicer.
  trainee = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Ngọc', skills: { FULFILL: 3, INVOICE: 1, RECORD_PAYMENT: 2 } })
  printer = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Bảo', skills: { FULFILL: 3, INVOICE: 0, RECORD_PAYMENT: 0 } })
  await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Hà', skills: { RECORD_PAYMENT: 2, INVOICE: 1 } })
})

describe('cover right now', () => {
  it('shows the only invoicer as a single point of failure, with the trainee suggested', async () => {
    const o = await getCoverOverview(manager, OPEN_NOW)
    expect(o.closedNow).toBe(false)
    const invoice = o.coverNow.find((t) => t.task === 'INVOICE')!
    expect(invoice.level).toBe('single')
    expect(invoice.present.map((p) => p.name)).toEqual(['Hùng'])
    const spof = o.spof.find((s) => s.task === 'INVOICE')!
    expect(spof).toMatchObject({ kind: 'single', onlyPerson: { id: invoicer.id, awayNow: false } })
    // Ngọc (level 1, close to invoicing through FULFILL and RECORD_PAYMENT) before Hà (level 1, one related task).
    expect(spof.candidates.map((c) => c.name)).toEqual(['Ngọc', 'Hà', 'Bảo'])
    expect(o.coverNow.find((t) => t.task === 'FULFILL')!.level).toBe('ok')
  })

  it('turns red when the only invoicer is off sick, and back when he returns', async () => {
    const sick = await recordAbsence(
      manager,
      { userId: invoicer.id, kind: 'SICK', startsAt: `${DAY}T09:00`, endsAt: `${DAY}T17:00`, note: 'Sốt' },
      OPEN_NOW,
    )
    const o = await getCoverOverview(manager, OPEN_NOW)
    const invoice = o.coverNow.find((t) => t.task === 'INVOICE')!
    expect(invoice.level).toBe('none')
    expect(invoice.present).toEqual([])
    expect(invoice.away).toEqual([{ id: invoicer.id, name: 'Hùng', kind: 'SICK', until: at('17:00').toISOString() }])
    expect(o.awayNow.map((a) => a.person.name)).toEqual(['Hùng'])
    expect(o.spof.find((s) => s.task === 'INVOICE')!.onlyPerson?.awayNow).toBe(true)
    // FULFILL still has Ngọc and Bảo.
    expect(o.coverNow.find((t) => t.task === 'FULFILL')!.level).toBe('ok')

    // The look-ahead shows the gap for exactly the sick hours.
    const day = await getDayCover(manager, { day: DAY }, OPEN_NOW)
    const gaps = day.tasks.find((t) => t.task === 'INVOICE')!.gaps
    expect(gaps).toEqual([
      { start: at('07:30').toISOString(), end: at('09:00').toISOString(), present: 1 },
      { start: at('09:00').toISOString(), end: at('17:00').toISOString(), present: 0 },
      { start: at('17:00').toISOString(), end: at('19:00').toISOString(), present: 1 },
    ])
    expect(day.absences).toEqual([expect.objectContaining({ person: { id: invoicer.id, name: 'Hùng' }, kind: 'SICK', note: 'Sốt' })])

    // Back at 11:00: the absence ends then, and cover is single again.
    await endAbsence(manager, { absenceId: sick.id }, at('11:00'))
    const later = await getCoverOverview(manager, at('11:30'))
    expect(later.coverNow.find((t) => t.task === 'INVOICE')!.level).toBe('single')
  })

  it('says closed outside opening hours instead of painting everything red', async () => {
    const night = at('22:00')
    const o = await getCoverOverview(manager, night)
    expect(o.closedNow).toBe(true)
    expect(o.coverNow.every((t) => t.level === 'closed')).toBe(true)
    expect(o.nextOpenAt).toBe(at('07:30', '2026-11-27').toISOString())
  })

  it('gives a cover index and a daily trend that absences pull down', async () => {
    const monday = at('00:00', '2026-11-30')
    const before = await getCoverOverview(manager, monday)
    // With Ngọc and Bảo both away on Tuesday, only Hùng can fulfil: FULFILL loses its backup all day.
    for (const person of [trainee, printer]) {
      await recordAbsence(manager, { userId: person.id, kind: 'LEAVE', startsAt: '2026-12-01T00:00', endsAt: '2026-12-02T00:00' }, monday)
    }
    const after = await getCoverOverview(manager, monday)
    expect(after.index.value).toBeLessThan(before.index.value)
    const tuesday = (o: typeof before) => o.trend.find((d) => d.day === '2026-12-01')!.index!
    expect(tuesday(after)).toBeLessThan(tuesday(before))
    expect(after.trend.find((d) => d.day === '2026-12-02')!.index).toBe(before.trend.find((d) => d.day === '2026-12-02')!.index)
    expect(after.trend.find((d) => d.day === '2026-12-06')!.index).toBeNull() // Sunday: closed
    // Six open days in the window, FULFILL uncovered on one of them.
    expect(before.index.perTask.find((t) => t.task === 'FULFILL')!.index).toBe(1)
    expect(after.index.perTask.find((t) => t.task === 'FULFILL')!.index).toBeCloseTo(5 / 6)
    expect(after.index.worst.length).toBeGreaterThan(0)
  })

  it('refuses a look-ahead day that is not a date', async () => {
    await expect(getDayCover(manager, { day: '2026-02-30' })).rejects.toMatchObject({ code: 'INVALID', field: 'day' })
  })
})

describe('stored data', () => {
  it('keeps absences as written', async () => {
    expect(await db().absence.count({ where: { userId: invoicer.id } })).toBe(1)
  })
})
