import 'server-only'
import { DomainError } from '@/domain/errors'
import { addDays, businessDay, dayBounds, isoWeekday } from '@/domain/opening-hours'
import type { HomeRole } from '@/domain/permissions'
import { blockMinutes, blocksOn, weekMonday, type ShiftBlocks } from '@/domain/roster'
import { rosterWeekSchema, type RosterWeekInput } from '@/lib/schemas/roster'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { loadBusinessClock, loadStaffMembers } from '../coverage/snapshot'
import { coverForDay } from '@/domain/coverage'
import { db } from '../db'
import { defineUseCase } from '../use-case'

/** How far the grid may be paged either way, in weeks. */
export const ROSTER_MAX_WEEKS = 53

export interface RosterCellDTO {
  day: string
  blocks: ShiftBlocks
  /** 'pattern': the weekly pattern; 'override': a one-off change for the date; 'opening': not rostered yet. */
  source: 'pattern' | 'override' | 'opening'
}

export interface RosterWeekDTO {
  weekStart: string
  today: string
  days: Array<{ day: string; open: ShiftBlocks; unstaffed: Array<{ start: string; end: string }> }>
  people: Array<{
    id: string
    name: string
    homeRole: HomeRole
    rostered: boolean
    contractedMinutes: number | null
    weekMinutes: number
    cells: RosterCellDTO[]
  }>
}

/** The week grid: each active person's shifts for seven days from a Monday, and where nobody is rostered. */
export async function getRosterWeek(actor: Actor, input: RosterWeekInput, now = new Date()): Promise<RosterWeekDTO> {
  authorize(actor, getRosterWeekUseCase.tasks)
  const clock = await loadBusinessClock()
  const today = businessDay(now, clock.timeZone)
  const weekStart = weekMonday(input.weekStart)
  const distance = Math.abs(dayBounds(weekStart, 'UTC').start.getTime() - dayBounds(today, 'UTC').start.getTime())
  if (distance > ROSTER_MAX_WEEKS * 7 * 86_400_000) throw new DomainError('INVALID', 'manager.roster.errors.outOfRange', {}, 'weekStart')
  const [staff, contracts] = await Promise.all([
    loadStaffMembers(),
    db().user.findMany({ where: { active: true }, select: { id: true, contractedMinutesPerWeek: true } }),
  ])
  const active = staff.filter((m) => m.active)
  const contractOf = new Map(contracts.map((c) => [c.id, c.contractedMinutesPerWeek]))
  const dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i))
  return {
    weekStart,
    today,
    days: dates.map((day) => ({
      day,
      open: clock.hours[isoWeekday(day)],
      unstaffed: coverForDay(active, [], clock.hours, clock.timeZone, day).unstaffed.map((u) => ({
        start: u.start.toISOString(),
        end: u.end.toISOString(),
      })),
    })),
    people: active.map((m) => {
      const cells = dates.map((day): RosterCellDTO => {
        if (!m.shifts) return { day, blocks: clock.hours[isoWeekday(day)], source: 'opening' }
        return { day, blocks: blocksOn(m.shifts, day), source: m.shifts.overrides[day] ? 'override' : 'pattern' }
      })
      return {
        id: m.id,
        name: m.name,
        homeRole: m.homeRole,
        rostered: Boolean(m.shifts),
        contractedMinutes: contractOf.get(m.id) ?? null,
        weekMinutes: cells.reduce((sum, c) => sum + blockMinutes(c.blocks), 0),
        cells,
      }
    }),
  }
}

export const getRosterWeekUseCase = defineUseCase({
  name: 'getRosterWeek',
  tasks: 'MANAGE_TEAM',
  schema: rosterWeekSchema,
  run: getRosterWeek,
})
