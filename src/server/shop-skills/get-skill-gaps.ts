import 'server-only'
import { formatOrderNumber } from '@/domain/numbering'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { workLeftWhere } from '../orders/work-left'
import { getSettings } from '../settings/get-settings'
import { loadSkillNeeds, type LineMakersDTO } from './skill-needs'

export interface SkillGapOrderDTO {
  id: string
  number: string
  customerName: string
  dueAt: string
  /** The lines nobody present can make. */
  lines: LineMakersDTO[]
}

/** How many orders the overview lists at most (soonest due first). */
export const SKILL_GAP_LIMIT = 50

/** Orders with work left whose lines need a shop skill nobody present has, soonest due first (manager's overview). */
export async function getSkillGaps(actor: Actor, now = new Date()): Promise<SkillGapOrderDTO[]> {
  authorize(actor, 'MANAGE_TEAM')
  const [settings, orders] = await Promise.all([
    getSettings(),
    db().order.findMany({
      where: { ...workLeftWhere, lines: { some: { product: { requiredSkillId: { not: null } } } } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: 500,
      select: { id: true, number: true, dueAt: true, customer: { select: { name: true } } },
    }),
  ])
  const needs = await loadSkillNeeds(
    orders.map((o) => o.id),
    now,
  )
  return orders
    .filter((o) => needs.get(o.id)?.flagged)
    .slice(0, SKILL_GAP_LIMIT)
    .map((o) => ({
      id: o.id,
      number: formatOrderNumber(settings.orderPrefix, o.number),
      customerName: o.customer.name,
      dueAt: o.dueAt.toISOString(),
      lines: needs.get(o.id)!.lines.filter((l) => l.makers.length === 0),
    }))
}
