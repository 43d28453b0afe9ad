import 'server-only'
import { orderMakers, type ShopSkillName, type SkillHolder } from '@/domain/shop-skills'
import { loadPresenceAt } from '../coverage/snapshot'
import { db } from '../db'

// Who present can make each line still to make whose product requires a shop skill (ADR 014), for the workshop queue
// and the manager's overview. Not a use case (callers authorize first). Presence is the one rule, coverage.isPresent.

export interface LineMakersDTO {
  lineId: string
  description: string
  skill: ShopSkillName & { id: string }
  makers: Array<{ id: string; name: string }>
}

export interface OrderSkillNeedsDTO {
  lines: LineMakersDTO[]
  /** Some line needs a skill nobody present has. */
  flagged: boolean
}

/** Per order id (only orders with such lines appear). */
export async function loadSkillNeeds(orderIds: readonly string[], now: Date): Promise<Map<string, OrderSkillNeedsDTO>> {
  const result = new Map<string, OrderSkillNeedsDTO>()
  if (orderIds.length === 0) return result
  const lines = await db().orderLine.findMany({
    where: { orderId: { in: [...orderIds] }, product: { requiredSkillId: { not: null } } },
    orderBy: [{ orderId: 'asc' }, { position: 'asc' }],
    select: {
      id: true,
      orderId: true,
      description: true,
      quantity: true,
      qtyFulfilled: true,
      product: { select: { requiredSkill: { select: { id: true, nameVi: true, nameEn: true } } } },
    },
  })
  const todo = lines.filter((l) => l.qtyFulfilled < l.quantity && l.product?.requiredSkill)
  if (todo.length === 0) return result
  const skillIds = [...new Set(todo.map((l) => l.product!.requiredSkill!.id))]
  const [levels, isPresent] = await Promise.all([
    db().shopSkillLevel.findMany({
      where: { skillId: { in: skillIds }, user: { active: true } },
      orderBy: [{ level: 'desc' }, { user: { name: 'asc' } }],
      select: { skillId: true, userId: true, level: true, user: { select: { name: true } } },
    }),
    loadPresenceAt(now),
  ])
  const holders = new Map<string, SkillHolder[]>()
  for (const l of levels)
    holders.set(l.skillId, [...(holders.get(l.skillId) ?? []), { userId: l.userId, name: l.user.name, level: l.level }])
  const byOrder = new Map<string, typeof todo>()
  for (const l of todo) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l])
  for (const [orderId, orderLines] of byOrder) {
    const skills = new Map(orderLines.map((l) => [l.id, l.product!.requiredSkill!]))
    const made = orderMakers(
      orderLines.map((l) => ({ lineId: l.id, description: l.description, skillId: l.product!.requiredSkill!.id })),
      holders,
      isPresent,
    )
    result.set(orderId, {
      flagged: made.flagged,
      lines: made.lines.map((l) => ({
        lineId: l.lineId,
        description: l.description,
        skill: skills.get(l.lineId)!,
        makers: l.makers.map((m) => ({ id: m.userId, name: m.name })),
      })),
    })
  }
  return result
}
