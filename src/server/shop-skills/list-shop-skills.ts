import 'server-only'
import { businessDay } from '@/domain/opening-hours'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

export interface ShopSkillDTO {
  id: string
  nameVi: string
  nameEn: string
  /** How many catalog products require it. */
  products: number
}

export interface ShopSkillsDTO {
  skills: ShopSkillDTO[]
  /** Active people with their certified level per skill (absent: never certified, level 0). */
  people: Array<{
    id: string
    name: string
    levels: Record<string, { level: number; certifiedBy: string | null; reviewDueOn: string | null; overdue: boolean }>
  }>
}

/** The shop's own skills and who holds them, for the manager (ADR 014). */
export async function listShopSkills(actor: Actor, now = new Date()): Promise<ShopSkillsDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const [skills, people, settings] = await Promise.all([
    db().shopSkill.findMany({
      orderBy: [{ nameEn: 'asc' }, { id: 'asc' }],
      select: { id: true, nameVi: true, nameEn: true, _count: { select: { products: true } } },
    }),
    db().user.findMany({
      where: { active: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        shopSkillLevels: { select: { skillId: true, level: true, reviewDueOn: true, certifiedBy: { select: { name: true } } } },
      },
    }),
    getSettings(),
  ])
  const today = businessDay(now, settings.timeZone)
  return {
    skills: skills.map((s) => ({ id: s.id, nameVi: s.nameVi, nameEn: s.nameEn, products: s._count.products })),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      levels: Object.fromEntries(
        p.shopSkillLevels.map((l) => {
          const review = l.reviewDueOn ? l.reviewDueOn.toISOString().slice(0, 10) : null
          return [
            l.skillId,
            { level: l.level, certifiedBy: l.certifiedBy?.name ?? null, reviewDueOn: review, overdue: review !== null && review < today },
          ]
        }),
      ),
    })),
  }
}
