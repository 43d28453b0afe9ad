import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/server/db'
import { createProduct } from '@/server/catalog/create-product'
import { listProducts } from '@/server/catalog/list-products'
import { setProductActive } from '@/server/catalog/set-product-active'
import { updateProduct } from '@/server/catalog/update-product'
import { createProductSchema, updateProductSchema } from '@/lib/schemas/catalog'
import { fixedRateCategoryId } from '@/server/seed/factories'
import { makeActor } from '../support/factories'
import { ensureManagerSettings, expectDomainError, makeOrder } from './manager-support'

let manager: Awaited<ReturnType<typeof makeActor>>
let eight = ''
let ten = ''
beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER' })
  eight = await fixedRateCategoryId(800)
  ten = await fixedRateCategoryId(1000)
})
// Through the shared schemas, as the server actions do.
const create = (raw: unknown) => createProduct(manager, createProductSchema.parse(raw))
const update = (raw: unknown) => updateProduct(manager, updateProductSchema.parse(raw))

describe('the catalog', () => {
  it('parses prices typed the way each language writes them', async () => {
    const vi = await create({
      sku: 'ban-hif',
      name: 'Băng rôn hiflex (m²)',
      price: '60.000',
      taxCategoryId: eight,
      unit: 'm²',
      locale: 'vi',
    })
    expect(vi).toMatchObject({ sku: 'BAN-HIF', unitPrice: 60_000, taxRateBp: 800, active: true })
    const en = await create({ sku: 'POS-A0', name: 'Poster A0', price: '150,000', taxCategoryId: ten, unit: 'tấm', locale: 'en' })
    expect(en.unitPrice).toBe(150_000)
    // "150.000" in English would be 150 with three decimals: VND has none, so it is refused rather than misread.
    await expectDomainError(
      create({ sku: 'X1', name: 'X', price: '150.000', taxCategoryId: ten, unit: 'pcs', locale: 'en' }),
      'INVALID',
      'manager.catalog.errors.price',
      'price',
    )
    await expectDomainError(
      create({ sku: 'X2', name: 'X', price: '-5', taxCategoryId: ten, unit: 'pcs', locale: 'en' }),
      'INVALID',
      'manager.catalog.errors.price',
      'price',
    )
    // A category that does not exist is the form's mistake on that field, not a foreign-key 500.
    await expectDomainError(
      create({ sku: 'X3', name: 'X', price: '5', taxCategoryId: crypto.randomUUID(), unit: 'pcs', locale: 'en' }),
      'INVALID',
      'manager.catalog.errors.taxCategory',
      'taxCategoryId',
    )
  })

  it('refuses a SKU that exists, on the SKU field', async () => {
    await create({ sku: 'LAM-A4', name: 'Ép plastic A4', price: '5000', taxCategoryId: eight, unit: 'tờ', locale: 'vi' })
    await expectDomainError(
      create({ sku: 'lam-a4', name: 'Again', price: '1', taxCategoryId: eight, unit: 'tờ', locale: 'vi' }),
      'CONFLICT',
      'manager.catalog.errors.skuTaken',
      'sku',
    )
  })

  it('changes the price and category for new orders only: existing order lines keep the price they copied', async () => {
    const p = await create({ sku: 'CARD-STD', name: 'Danh thiếp', price: '90.000', taxCategoryId: eight, unit: 'hộp', locale: 'vi' })
    const order = await makeOrder({ lines: [{ quantity: 2, unitPrice: p.unitPrice, taxRateBp: p.taxRateBp, productId: p.id }] })
    const updated = await update({
      productId: p.id,
      sku: 'CARD-STD',
      name: 'Danh thiếp tiêu chuẩn',
      price: '95.500',
      taxCategoryId: ten,
      unit: 'hộp',
      locale: 'vi',
    })
    expect(updated).toMatchObject({ unitPrice: 95_500, taxRateBp: 1000, name: 'Danh thiếp tiêu chuẩn' })
    const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id } })
    expect(line).toMatchObject({ unitPrice: 90_000, taxRateBp: 800, productId: p.id })
    const orderRow = await db().order.findUniqueOrThrow({ where: { id: order.id } })
    expect(orderRow.total).toBe(order.total)
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'product.updated', entityId: p.id } })
    expect(audit.before).toMatchObject({ unitPrice: 90_000 })
    expect(audit.after).toMatchObject({ unitPrice: 95_500 })
  })

  it('deactivates and reactivates, and lists by status and search', async () => {
    const p = await create({ sku: 'MUG-PRT', name: 'In ly sứ', price: '65000', taxCategoryId: ten, unit: 'cái', locale: 'vi' })
    await setProductActive(manager, { productId: p.id, active: false })
    expect((await listProducts(manager, { status: 'active' })).products.map((x) => x.id)).not.toContain(p.id)
    const inactive = await listProducts(manager, { status: 'inactive', q: 'ly sứ' })
    expect(inactive.products.map((x) => x.id)).toEqual([p.id])
    expect(inactive.counts.inactive).toBe(1)
    expect((await listProducts(manager, { status: 'all', q: 'mug' })).products.map((x) => x.id)).toEqual([p.id])
    await setProductActive(manager, { productId: p.id, active: true })
    expect((await listProducts(manager, { status: 'active', q: 'MUG' })).products.map((x) => x.id)).toEqual([p.id])
  })
})
