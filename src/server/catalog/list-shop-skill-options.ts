import 'server-only'
import type { ShopSkillName } from '@/domain/shop-skills'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'

/** The shop skills a product may require, for the catalog's chooser (names only; who holds them is the team's). */
export async function listShopSkillOptions(actor: Actor): Promise<Array<ShopSkillName & { id: string }>> {
  authorize(actor, 'MANAGE_CATALOG')
  return db().shopSkill.findMany({ orderBy: [{ nameEn: 'asc' }, { id: 'asc' }], select: { id: true, nameVi: true, nameEn: true } })
}
