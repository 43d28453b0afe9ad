import 'server-only'
import { DAY_MS } from '@/domain/opening-hours'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import type { AbsenceDTO } from './rules'

export const RECENT_DAYS = 7
export const LIST_LIMIT = 300

export interface AbsenceListDTO {
  now: string
  current: AbsenceDTO[]
  upcoming: AbsenceDTO[]
  recent: AbsenceDTO[]
}

/** Who is away now, who will be (soonest first) and who was in the last week (latest first). */
export async function listAbsences(actor: Actor, now = new Date()): Promise<AbsenceListDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const rows = await db().absence.findMany({
    where: { endsAt: { gt: new Date(now.getTime() - RECENT_DAYS * DAY_MS) }, user: { active: true } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: LIST_LIMIT,
    select: {
      id: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      note: true,
      user: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  })
  const dto = (a: (typeof rows)[number]): AbsenceDTO => ({
    id: a.id,
    person: a.user,
    kind: a.kind,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    note: a.note,
    createdBy: a.createdBy?.name ?? null,
  })
  return {
    now: now.toISOString(),
    current: rows.filter((a) => a.startsAt <= now && now < a.endsAt).map(dto),
    upcoming: rows.filter((a) => a.startsAt > now).map(dto),
    recent: rows
      .filter((a) => a.endsAt <= now)
      .reverse()
      .map(dto),
  }
}
