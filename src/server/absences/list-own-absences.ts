import 'server-only'
import type { Actor } from '../auth/actor'
import { db } from '../db'
import type { AbsenceDTO } from './rules'

/** My current and coming absences (whoever recorded them). Everyone may see their own. */
export async function listOwnAbsences(
  actor: Actor,
  now = new Date(),
): Promise<{ now: string; current: AbsenceDTO | null; upcoming: AbsenceDTO[] }> {
  const rows = await db().absence.findMany({
    where: { userId: actor.id, endsAt: { gt: now } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 50,
    select: { id: true, kind: true, startsAt: true, endsAt: true, note: true, createdBy: { select: { name: true } } },
  })
  const dto = (a: (typeof rows)[number]): AbsenceDTO => ({
    id: a.id,
    person: { id: actor.id, name: actor.name },
    kind: a.kind,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    note: a.note,
    createdBy: a.createdBy?.name ?? null,
  })
  const current = rows.find((a) => a.startsAt <= now)
  return { now: now.toISOString(), current: current ? dto(current) : null, upcoming: rows.filter((a) => a.startsAt > now).map(dto) }
}
