// Skills of the shop's own (ADR 014): the manager adds them and certifies people; a product can require one; the
// queue shows per line who present can make it and flags an order nobody present can make, as does the overview.
import { beforeAll, describe, expect, it } from 'vitest'
import { can, TASKS } from '@/domain/permissions'
import { loadActor } from '@/server/auth/actor'
import { createProduct } from '@/server/catalog/create-product'
import { setProductSkill } from '@/server/catalog/set-product-skill'
import { db } from '@/server/db'
import { listQueue } from '@/server/fulfillment/list-queue'
import { createShopSkill } from '@/server/shop-skills/create-shop-skill'
import { getSkillGaps } from '@/server/shop-skills/get-skill-gaps'
import { listShopSkills } from '@/server/shop-skills/list-shop-skills'
import { setShopSkillLevel } from '@/server/shop-skills/set-shop-skill-level'
import { queueFilterSchema } from '@/lib/schemas/fulfillment'
import { fixedRateCategoryId } from '@/server/seed/factories'
import { makeActor, makeStaff } from '../support/factories'
import { at, ensureManagerSettings, expectDomainError, makeOrder, OPEN_NOW } from './manager-support'

let manager: Awaited<ReturnType<typeof makeActor>>
beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER' })
})

describe('shop skills', () => {
  it('flags an order whose product needs a skill when its only holder is away, on the queue and the overview', async () => {
    const skill = await createShopSkill(manager, { nameVi: 'Máy in khổ lớn', nameEn: 'Large-format printer' })
    const hung = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Hùng' })
    const bao = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Bảo' })
    await setShopSkillLevel(manager, { userId: hung.id, skillId: skill.id, level: 3 }, OPEN_NOW)
    await setShopSkillLevel(manager, { userId: bao.id, skillId: skill.id, level: 1 }, OPEN_NOW) // in training: not a maker
    const product = await createProduct(manager, {
      sku: 'POSTER-A0',
      name: 'Poster A0',
      price: '150000',
      taxCategoryId: await fixedRateCategoryId(800),
      unit: 'tờ',
      locale: 'vi',
    })
    await setProductSkill(manager, { productId: product.id, skillId: skill.id })
    const order = await makeOrder({
      lines: [
        { quantity: 2, unitPrice: 150_000, productId: product.id },
        { quantity: 5, unitPrice: 1_000 },
      ],
    })
    const worker = (await loadActor(bao.id, null))!
    const queueRow = async () => (await listQueue(worker, queueFilterSchema.parse({}), OPEN_NOW)).rows.find((r) => r.id === order.id)!

    const here = await queueRow()
    expect(here.skillGap).toBe(false)
    expect(here.skillLines).toEqual([
      expect.objectContaining({
        description: 'Line 1',
        skill: { id: skill.id, nameVi: 'Máy in khổ lớn', nameEn: 'Large-format printer' },
        makers: [{ id: hung.id, name: 'Hùng' }],
      }),
    ])
    expect((await getSkillGaps(manager, OPEN_NOW)).map((o) => o.id)).not.toContain(order.id)

    await db().absence.create({ data: { userId: hung.id, kind: 'SICK', startsAt: at('07:00'), endsAt: at('19:00') } })
    const away = await queueRow()
    expect(away.skillGap).toBe(true)
    expect(away.skillLines[0]!.makers).toEqual([])
    const gaps = await getSkillGaps(manager, OPEN_NOW)
    expect(gaps.find((o) => o.id === order.id)).toMatchObject({ lines: [{ description: 'Line 1', makers: [] }] })

    // Once the line is made, nothing is left to flag.
    await db().orderLine.update({ where: { id: order.lines[0]!.id }, data: { qtyFulfilled: 2 } })
    expect((await queueRow()).skillGap).toBe(false)
  })

  it('grants no permission: a shop skill certification leaves every task as it was', async () => {
    const skill = await createShopSkill(manager, { nameVi: 'Đóng gáy', nameEn: 'Binding' })
    const lan = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const before = (await loadActor(lan.id, null))!
    await setShopSkillLevel(manager, { userId: lan.id, skillId: skill.id, level: 3, reviewDueOn: '2026-11-01' }, OPEN_NOW)
    const after = (await loadActor(lan.id, before.sessionVersion))!
    expect(TASKS.filter((t) => can(after, t))).toEqual(TASKS.filter((t) => can(before, t)))
    const listed = await listShopSkills(manager, OPEN_NOW)
    expect(listed.skills.find((s) => s.id === skill.id)).toMatchObject({ nameEn: 'Binding', products: 0 })
    expect(listed.people.find((p) => p.id === lan.id)!.levels[skill.id]).toMatchObject({
      level: 3,
      reviewDueOn: '2026-11-01',
      overdue: true,
    })
  })

  it('keeps names unique in each language, whatever the case, and refuses unknown skills on a product', async () => {
    await createShopSkill(manager, { nameVi: 'Máy offset', nameEn: 'Offset press' })
    await expectDomainError(
      createShopSkill(manager, { nameVi: 'Khác', nameEn: 'OFFSET PRESS' }),
      'CONFLICT',
      'manager.shopSkills.errors.nameTaken',
    )
    const product = await createProduct(manager, {
      sku: 'CARD-1',
      name: 'Card',
      price: '1000',
      taxCategoryId: await fixedRateCategoryId(800),
      unit: 'pcs',
      locale: 'en',
    })
    await expectDomainError(setProductSkill(manager, { productId: product.id, skillId: crypto.randomUUID() }), 'NOT_FOUND')
  })
})
