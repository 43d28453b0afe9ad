// Skills of the shop's own (ADR 014): "large-format printer", "binding", "offset press" — tied to the work itself.
// They grant no permission (the eight tasks in permissions.ts do); they say who can make a product that requires one.
// A person can make it at COVER_LEVEL or more, the same scale as the tasks. Pure functions: the queue, the manager's
// overview and the tests compute the same answers.

import { COVER_LEVEL } from './permissions'

/** Names must not be empty and stay short enough for a queue line. */
export const SHOP_SKILL_NAME_MAX = 80

export interface ShopSkillName {
  nameVi: string
  nameEn: string
}

/** Someone active with a recorded level at a shop skill. */
export interface SkillHolder {
  userId: string
  name: string
  level: number
}

/** The name to show in the reader's language (Vietnamese is the shop's own; English otherwise). */
export function shopSkillName(skill: ShopSkillName, locale: string): string {
  return locale === 'vi' ? skill.nameVi : skill.nameEn
}

/** Who of the holders can make the work and is present, in input order. */
export function presentMakers(holders: readonly SkillHolder[], isPresent: (userId: string) => boolean): SkillHolder[] {
  return holders.filter((h) => h.level >= COVER_LEVEL && isPresent(h.userId))
}

/** A line still to make that needs a shop skill. */
export interface SkillNeed {
  lineId: string
  description: string
  skillId: string
}

export interface LineMakers extends SkillNeed {
  makers: SkillHolder[]
}

/** Per line, who present can make it; `flagged` when some line needs a skill nobody present has. */
export function orderMakers(
  needs: readonly SkillNeed[],
  holdersBySkill: ReadonlyMap<string, readonly SkillHolder[]>,
  isPresent: (userId: string) => boolean,
): { lines: LineMakers[]; flagged: boolean } {
  const lines = needs.map((n) => ({ ...n, makers: presentMakers(holdersBySkill.get(n.skillId) ?? [], isPresent) }))
  return { lines, flagged: lines.some((l) => l.makers.length === 0) }
}
