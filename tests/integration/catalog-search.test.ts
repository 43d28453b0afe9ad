// The counter searches the catalog in the browser (findInCatalog over getActiveCatalog); the server's search
// (searchProducts) remains for other callers. Both must give the same answers: checked here on a catalog with
// diacritics, upper case, an inactive product and ties, for the queries people type.
import { beforeAll, describe, expect, it } from 'vitest'
import { findInCatalog, indexCatalog } from '@/domain/catalog-search'
import { isDomainError } from '@/domain/errors'
import type { Actor } from '@/server/auth/actor'
import { getActiveCatalog } from '@/server/catalog/get-active-catalog'
import { searchProducts } from '@/server/catalog/search-products'
import { db } from '@/server/db'
import { makeActor } from '../support/factories'
import { fixedRateCategoryId } from '@/server/seed/factories'

let receptionist: Actor

beforeAll(async () => {
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
  await db().product.createMany({
    data: [
      { sku: 'FLY-A5', name: 'Tờ rơi A5 (100 tờ)', unitPrice: 180_000, taxCategoryId: await fixedRateCategoryId(800) },
      { sku: 'POS-A1', name: 'Poster A1', unitPrice: 80_000, taxCategoryId: await fixedRateCategoryId(800) },
      { sku: 'LAM-A4', name: 'Ép plastic A4', unitPrice: 5_000, taxCategoryId: await fixedRateCategoryId(800) },
      { sku: 'LAM-A3', name: 'Ép plastic A3', unitPrice: 8_000, taxCategoryId: await fixedRateCategoryId(800) },
      { sku: 'BND-SP', name: 'Đóng gáy lò xo', unitPrice: 15_000, taxCategoryId: await fixedRateCategoryId(800) },
      { sku: 'PHO-A4', name: 'Photocopy A4', unitPrice: 500, taxCategoryId: await fixedRateCategoryId(800) },
      { sku: 'IN-A4-CL', name: 'In A4 màu', unitPrice: 2_500, taxCategoryId: await fixedRateCategoryId(800) },
      { sku: 'OLD-A4', name: 'In A4 màu (ngừng bán)', unitPrice: 1, taxCategoryId: await fixedRateCategoryId(800), active: false },
    ],
  })
})

describe('getActiveCatalog', () => {
  it('sends the active products, then only the version while nothing changed', async () => {
    const first = await getActiveCatalog(receptionist, {})
    expect(first.products!.map((p) => p.sku)).toContain('POS-A1')
    expect(first.products!.map((p) => p.sku)).not.toContain('OLD-A4')
    expect(await getActiveCatalog(receptionist, { known: first.version })).toEqual({ version: first.version, products: null })
    await db().product.update({ where: { sku: 'OLD-A4' }, data: { active: true } })
    const changed = await getActiveCatalog(receptionist, { known: first.version })
    expect(changed.version).not.toBe(first.version)
    expect(changed.products!.map((p) => p.sku)).toContain('OLD-A4')
    await db().product.update({ where: { sku: 'OLD-A4' }, data: { active: false } })
  })

  it('is for people who take orders', async () => {
    const csOnly = await makeActor({ homeRole: 'BACK_OFFICE', skills: { CUSTOMER_SERVICE: 2 } })
    await expect(getActiveCatalog(csOnly, {})).rejects.toSatisfy((e) => isDomainError(e) && e.code === 'FORBIDDEN')
  })
})

describe('the browser’s search and the server’s', () => {
  it.each(['to roi a5', 'poster a1', 'ep plastic a4', 'a4', 'p', 'ĐÓNG gáy', 'mau', 'in-a4', 'lam', 'A', 'xyz', 'a4 mau in'])(
    'find the same products in the same order for “%s”',
    async (q) => {
      const { products } = await getActiveCatalog(receptionist, {})
      const local = findInCatalog(indexCatalog(products!), q).map((p) => p.sku)
      const server = (await searchProducts(receptionist, { q })).map((p) => p.sku)
      expect(local).toEqual(server)
    },
  )
})
