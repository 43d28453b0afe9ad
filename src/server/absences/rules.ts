import 'server-only'
import { DomainError } from '@/domain/errors'
import { DAY_MS, MINUTE_MS, wallClock, zonedWallTimeToUtc } from '@/domain/opening-hours'
import type { Task } from '@/domain/permissions'
import {
  ABSENCE_MAX_FUTURE_DAYS,
  ABSENCE_MAX_MINUTES,
  ABSENCE_MAX_PAST_DAYS,
  ABSENCE_MIN_MINUTES,
  type AbsenceKindInput,
} from '@/lib/schemas/absence'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import type { Tx } from '../db'
import { lockUser } from '../team/guards'

// The rules every way of recording an absence shares (not a use case; callers authorize first).

export interface AbsenceDTO {
  id: string
  person: { id: string; name: string }
  kind: AbsenceKindInput
  startsAt: string
  endsAt: string
  note: string | null
  createdBy: string | null
}

/** 'YYYY-MM-DDTHH:mm' read as a wall-clock time in the business time zone (whatever the browser's zone is). */
export function localToUtc(local: string, timeZone: string, field: string): Date {
  try {
    return zonedWallTimeToUtc(local.slice(0, 10), local.slice(11, 16), timeZone)
  } catch {
    throw new DomainError('INVALID', 'manager.absences.errors.invalidTime', {}, field)
  }
}

/** For messages: '2026-11-27 12:30' in the business time zone, readable in both languages. */
export function formatLocal(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone)
  return `${w.ymd} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

export function checkAbsencePeriod(kind: AbsenceKindInput, start: Date, end: Date, now: Date): void {
  if (end.getTime() <= start.getTime()) throw new DomainError('INVALID', 'manager.absences.errors.endBeforeStart', {}, 'endsAt')
  const minutes = (end.getTime() - start.getTime()) / MINUTE_MS
  if (minutes < ABSENCE_MIN_MINUTES)
    throw new DomainError('INVALID', 'manager.absences.errors.tooShort', { minutes: ABSENCE_MIN_MINUTES }, 'endsAt')
  const max = ABSENCE_MAX_MINUTES[kind]
  if (minutes > max) {
    throw new DomainError(
      'INVALID',
      max < 24 * 60 ? 'manager.absences.errors.tooLongHours' : 'manager.absences.errors.tooLongDays',
      { hours: max / 60, days: max / 1440 },
      'endsAt',
    )
  }
  if (end.getTime() < now.getTime() - ABSENCE_MAX_PAST_DAYS * DAY_MS) {
    throw new DomainError('INVALID', 'manager.absences.errors.tooFarBack', { days: ABSENCE_MAX_PAST_DAYS }, 'startsAt')
  }
  if (start.getTime() > now.getTime() + ABSENCE_MAX_FUTURE_DAYS * DAY_MS) {
    throw new DomainError('INVALID', 'manager.absences.errors.tooFarAhead', { days: ABSENCE_MAX_FUTURE_DAYS }, 'startsAt')
  }
}

/**
 * Insert an absence after checking it does not overlap another one of the same person. The person's row is locked
 * first, so two overlapping absences recorded at the same moment cannot both pass the check.
 */
export async function insertAbsence(
  tx: Tx,
  actor: Actor,
  input: { userId: string; kind: AbsenceKindInput; start: Date; end: Date; note: string | null },
  timeZone: string,
  task: Task | null,
): Promise<AbsenceDTO> {
  await lockUser(tx, input.userId)
  const person = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { id: true, name: true, active: true } })
  if (!person.active) throw new DomainError('CONFLICT', 'manager.team.errors.inactive', {}, 'userId')
  if (input.kind !== 'LUNCH') await yieldLunches(tx, actor, input, task)
  const clash = await tx.absence.findFirst({
    where: { userId: input.userId, startsAt: { lt: input.end }, endsAt: { gt: input.start } },
    orderBy: { startsAt: 'asc' },
    select: { kind: true, startsAt: true, endsAt: true },
  })
  if (clash) {
    throw new DomainError(
      'CONFLICT',
      'manager.absences.errors.overlap',
      { name: person.name, kind: clash.kind, start: formatLocal(clash.startsAt, timeZone), end: formatLocal(clash.endsAt, timeZone) },
      'startsAt',
    )
  }
  const row = await tx.absence.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      startsAt: input.start,
      endsAt: input.end,
      note: input.note || null,
      createdById: actor.id,
    },
    select: { id: true, kind: true, startsAt: true, endsAt: true, note: true },
  })
  await audit(tx, actor, {
    action: 'absence.recorded',
    entityType: 'absence',
    entityId: row.id,
    task,
    after: { userId: input.userId, kind: row.kind, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() },
  })
  return {
    id: row.id,
    person: { id: person.id, name: person.name },
    kind: row.kind,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    note: row.note,
    createdBy: actor.name,
  }
}

/**
 * Sickness, leave or any longer absence replaces the planned lunch breaks it overlaps: someone off sick takes no
 * lunch. A lunch wholly inside the new absence is dropped; one that started before it ends where it starts; one that
 * runs past its end starts where it ends. Each change is audited.
 */
async function yieldLunches(tx: Tx, actor: Actor, input: { userId: string; start: Date; end: Date }, task: Task | null): Promise<void> {
  const lunches = await tx.absence.findMany({
    where: { userId: input.userId, kind: 'LUNCH', startsAt: { lt: input.end }, endsAt: { gt: input.start } },
    select: { id: true, startsAt: true, endsAt: true },
  })
  for (const l of lunches) {
    const before = { userId: input.userId, kind: 'LUNCH', startsAt: l.startsAt.toISOString(), endsAt: l.endsAt.toISOString() }
    const keepHead = l.startsAt < input.start
    const keepTail = l.endsAt > input.end
    if (!keepHead && !keepTail) {
      await tx.absence.delete({ where: { id: l.id } })
      await audit(tx, actor, { action: 'absence.replaced', entityType: 'absence', entityId: l.id, task, before })
      continue
    }
    const data = keepHead ? { endsAt: input.start } : { startsAt: input.end }
    await tx.absence.update({ where: { id: l.id }, data, select: { id: true } })
    const after = { ...before, ...(keepHead ? { endsAt: input.start.toISOString() } : { startsAt: input.end.toISOString() }) }
    await audit(tx, actor, { action: 'absence.shortened', entityType: 'absence', entityId: l.id, task, before, after })
  }
}

/**
 * End an absence now (it is going on) or drop it (it has not started). One that is already over stays as history.
 */
export async function endOrCancelAbsence(
  tx: Tx,
  actor: Actor,
  absenceId: string,
  now: Date,
  task: Task | null,
  ownerId?: string,
): Promise<{ id: string; outcome: 'ended' | 'cancelled' }> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Absence" WHERE id = ${absenceId}::uuid FOR UPDATE`
  if (rows.length === 0) throw new DomainError('NOT_FOUND', 'errors.notFound')
  const a = await tx.absence.findUniqueOrThrow({
    where: { id: absenceId },
    select: { id: true, userId: true, kind: true, startsAt: true, endsAt: true },
  })
  // Someone else's absence looks like a missing one: nothing to learn from the difference.
  if (ownerId !== undefined && a.userId !== ownerId) throw new DomainError('NOT_FOUND', 'errors.notFound')
  if (a.endsAt <= now) throw new DomainError('CONFLICT', 'manager.absences.errors.alreadyOver')
  const before = { userId: a.userId, kind: a.kind, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() }
  if (a.startsAt >= now) {
    await tx.absence.delete({ where: { id: a.id } })
    await audit(tx, actor, { action: 'absence.cancelled', entityType: 'absence', entityId: a.id, task, before })
    return { id: a.id, outcome: 'cancelled' }
  }
  await tx.absence.update({ where: { id: a.id }, data: { endsAt: now }, select: { id: true } })
  await audit(tx, actor, {
    action: 'absence.ended',
    entityType: 'absence',
    entityId: a.id,
    task,
    before,
    after: { ...before, endsAt: now.toISOString() },
  })
  return { id: a.id, outcome: 'ended' }
}
