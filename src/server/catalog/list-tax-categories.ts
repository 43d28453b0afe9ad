import 'server-only'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'
import { loadTaxCategories, taxCategoryDtos, type TaxCategoryDTO } from './tax-categories'

/**
 * The VAT categories with today's rate and the next scheduled change (docs/decisions/021): the catalog form offers
 * them, and the settings page shows a manager what will change before it does.
 */
export async function listTaxCategories(actor: Actor, now = new Date()): Promise<TaxCategoryDTO[]> {
  authorize(actor, listTaxCategoriesUseCase.tasks)
  const [{ timeZone }, rows] = await Promise.all([getSettings(), loadTaxCategories()])
  return taxCategoryDtos(rows, now, timeZone)
}

/** Who may call it: those who price the catalog or run the shop's settings. */
export const listTaxCategoriesUseCase = defineUseCase({ name: 'listTaxCategories', tasks: ['MANAGE_CATALOG', 'MANAGE_TEAM'] })
