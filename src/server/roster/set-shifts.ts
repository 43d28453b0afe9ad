import 'server-only'
import { DomainError } from '@/domain/errors'
import { isoWeekday, type IsoWeekday } from '@/domain/opening-hours'
import { ISO_WEEKDAYS } from '@/domain/opening-hours'
import { RosterError, formatBlocks, minutesOutside, parseBlocks, type ShiftBlocks } from '@/domain/roster'
import { setShiftsSchema, type SetShiftsInput } from '@/lib/schemas/roster'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { loadBusinessClock } from '../coverage/snapshot'
import { db, type Tx } from '../db'
import { lockUser } from '../team/guards'
import { defineUseCase } from '../use-case'

/**
 * Make sure the person has a stored roster before one day of it changes: someone not rostered yet follows the
 * opening hours, so their first edit starts from exactly that (the other days keep meaning what they meant).
 */
export async function ensureRostered(tx: Tx, userId: string, open: Record<IsoWeekday, ShiftBlocks>): Promise<void> {
  const person = await tx.user.findUnique({ where: { id: userId }, select: { active: true, rostered: true } })
  if (!person) throw new DomainError('NOT_FOUND', 'errors.notFound')
  if (!person.active) throw new DomainError('CONFLICT', 'manager.team.errors.inactive', {}, 'userId')
  if (person.rostered) return
  await tx.shiftPattern.createMany({
    data: ISO_WEEKDAYS.filter((d) => open[d].length > 0).map((d) => ({ userId, weekday: Number(d), blocks: open[d] })),
  })
  await tx.user.update({ where: { id: userId }, data: { rostered: true }, select: { id: true } })
}

/** Change one cell of the roster grid: a weekday of the pattern, a one-off change for a date, or undo that change. */
export async function setShifts(actor: Actor, input: SetShiftsInput): Promise<{ blocks: ShiftBlocks }> {
  authorize(actor, setShiftsUseCase.tasks)
  let blocks: ShiftBlocks
  try {
    blocks = parseBlocks(input.blocks)
  } catch (e) {
    if (e instanceof RosterError) throw new DomainError('INVALID', 'manager.roster.errors.blocks', {}, 'blocks')
    throw e
  }
  const clock = await loadBusinessClock()
  const weekday = isoWeekday(input.day)
  if (minutesOutside(blocks, clock.hours[weekday]) > 0) {
    throw new DomainError('INVALID', 'manager.roster.errors.outsideHours', { hours: formatBlocks(clock.hours[weekday]) || '–' }, 'blocks')
  }
  return db().$transaction(async (tx) => {
    await lockUser(tx, input.userId)
    await ensureRostered(tx, input.userId, clock.hours)
    const day = new Date(`${input.day}T00:00:00Z`)
    const key = { userId_day: { userId: input.userId, day } }
    if (input.scope === 'reset') {
      await tx.shiftOverride.deleteMany({ where: { userId: input.userId, day } })
    } else if (input.scope === 'date') {
      await tx.shiftOverride.upsert({ where: key, create: { userId: input.userId, day, blocks }, update: { blocks } })
    } else if (blocks.length === 0) {
      await tx.shiftPattern.deleteMany({ where: { userId: input.userId, weekday: Number(weekday) } })
    } else {
      const pk = { userId_weekday: { userId: input.userId, weekday: Number(weekday) } }
      await tx.shiftPattern.upsert({ where: pk, create: { userId: input.userId, weekday: Number(weekday), blocks }, update: { blocks } })
    }
    await audit(tx, actor, {
      action: 'roster.changed',
      entityType: 'user',
      entityId: input.userId,
      task: 'MANAGE_TEAM',
      after: { scope: input.scope, day: input.day, weekday, blocks: input.scope === 'reset' ? null : formatBlocks(blocks) },
    })
    return { blocks }
  })
}

export const setShiftsUseCase = defineUseCase({ name: 'setShifts', tasks: 'MANAGE_TEAM', schema: setShiftsSchema, run: setShifts })
