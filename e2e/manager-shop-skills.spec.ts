// Skills of the shop's own (ADR 014) and deactivation with handover (issue 16): the manager adds a shop skill,
// requires it on a product, and the workshop queue flags an order of that product nobody here can make; then a
// person holding work is deactivated with the handover in the same dialog, leaving nothing on an inactive person.
import { pageIn } from './a11y-support'
import { makeCustomer, makeOrder, word } from './back-support'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

test.describe.configure({ timeout: 180_000 })

test('a shop skill required on a product flags its order on the queue; certifying shows on the skills screen', async ({ browser }) => {
  const w = word()
  const sku = `E2E-${w.toUpperCase()}`
  const [product] = await sql<{ id: string }>(
    `INSERT INTO "Product" (id, sku, name, "unitPrice", "taxCategoryId", unit, "updatedAt")
     SELECT gen_random_uuid(), $1, $2, 150000, id, 'tờ', now() FROM "TaxCategory" WHERE code = 'standard' RETURNING id`,
    [sku, `Poster A0 ${w}`],
  )
  const customer = await makeCustomer('Lý Thị')
  const order = await makeOrder({
    customerId: customer.id,
    lines: [{ description: `Poster A0 ${w}`, quantity: 2, unitPrice: 150_000, taxRateBp: 800, productId: product!.id }],
  })

  const { context, page } = await pageIn(browser, 'en', DEMO.manager)
  try {
    await page.goto('/manager')
    const panel = page.getByTestId('shop-skills')
    await panel.getByLabel('Name in Vietnamese').fill(`Máy in khổ lớn ${w}`)
    await panel.getByLabel('Name in English').fill(`Large-format printer ${w}`)
    await panel.getByRole('button', { name: 'Add skill' }).click()
    await expect(panel.getByRole('status')).toContainText(`Skill “Large-format printer ${w}” added.`)

    await page.goto(`/manager/catalog?q=${sku}`)
    const [skill] = await sql<{ id: string }>(`SELECT id FROM "ShopSkill" WHERE "nameEn" = $1`, [`Large-format printer ${w}`])
    await page.getByTestId(`product-skill-${sku}`).selectOption(skill!.id)
    await expect(page.getByRole('status')).toContainText(`Poster A0 ${w}: skill needed saved.`)

    // Nobody holds the new skill yet: the order is flagged on the queue and on the overview.
    await page.goto(`/back?q=${order.number}`)
    const row = page.locator(`[data-testid="queue-row"][data-order="${order.number}"]`)
    await expect(row).toHaveAttribute('data-skill-gap', 'true')
    await expect(row.getByTestId('skill-gap')).toHaveText('Nobody here can make it')
    await expect(row.getByTestId('skill-lines')).toContainText(`Poster A0 ${w} · Large-format printer ${w}: nobody here can make it`)
    await page.getByTestId('queue').screenshot({ path: screenshotPath('shop-skills-queue-flag-en') })
    await page.goto('/manager')
    await expect(page.getByTestId('skill-gaps')).toContainText(order.number)

    // Certify Hùng (the demo's back office) at level 3: the skills screen shows it.
    const [hung] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.backoffice])
    await page.getByTestId(`shop-level-${hung!.id}-${skill!.id}`).selectOption('3')
    await expect(page.getByTestId('shop-skills').getByRole('status')).toContainText(`Large-format printer ${w}: now level 3.`)
    await page.getByTestId('shop-skills').screenshot({ path: screenshotPath('shop-skills-panel-en') })
    await page.getByTestId('skills-matrix').screenshot({ path: screenshotPath('skills-matrix-en') })
  } finally {
    await context.close()
  }

  // The same screens in Vietnamese.
  const vi = await pageIn(browser, 'vi', DEMO.manager)
  try {
    await vi.page.goto('/manager')
    await expect(vi.page.getByTestId('shop-skills')).toContainText('Kỹ năng riêng của tiệm')
    await vi.page.getByTestId('shop-skills').screenshot({ path: screenshotPath('shop-skills-panel-vi') })
    await vi.page.getByTestId('skills-matrix').screenshot({ path: screenshotPath('skills-matrix-vi') })
    // Hùng holds it now; whether he is here depends on the clock, so the flag shows the Vietnamese either way.
    await sql(`DELETE FROM "ShopSkillLevel" WHERE "skillId" = (SELECT id FROM "ShopSkill" WHERE "nameEn" = $1)`, [
      `Large-format printer ${w}`,
    ])
    await vi.page.goto(`/back?q=${order.number}`)
    const row = vi.page.locator(`[data-testid="queue-row"][data-order="${order.number}"]`)
    await expect(row.getByTestId('skill-gap')).toHaveText('Không ai có mặt làm được')
    await vi.page.getByTestId('queue').screenshot({ path: screenshotPath('shop-skills-queue-flag-vi') })
  } finally {
    await vi.context.close()
  }
})

test('deactivating someone who holds work hands it over in the same dialog', async ({ browser }) => {
  const w = word()
  const [leaver] = await sql<{ id: string }>(
    `INSERT INTO "User" (id, name, email, "passwordHash", "homeRole", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'x', 'BACK_OFFICE', now()) RETURNING id`,
    [`Người Nghỉ ${w}`, `leaver-${w}@example.com`],
  )
  await sql(`INSERT INTO "Skill" ("userId", task, level) VALUES ($1, 'FULFILL', 3)`, [leaver!.id])
  const customer = await makeCustomer('Võ Thị')
  const order = await makeOrder({
    customerId: customer.id,
    lines: [{ description: 'In A4 màu', quantity: 3, unitPrice: 2500, taxRateBp: 800 }],
  })
  await sql(`UPDATE "Order" SET "assigneeId" = $1 WHERE id = $2`, [leaver!.id, order.id])

  const { context, page } = await pageIn(browser, 'en', DEMO.manager)
  try {
    await page.goto('/manager/team')
    const row = page.getByRole('row').filter({ hasText: `Người Nghỉ ${w}` })
    await row.getByRole('button', { name: 'Deactivate' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText('They still have 1 order with work left: choose who takes it over.')
    const to = dialog.getByLabel('Hand their work to')
    const ngoc = await to.locator('option', { hasText: 'Huỳnh Thị Ngọc' }).getAttribute('value')
    await to.selectOption(ngoc!)
    await dialog.screenshot({ path: screenshotPath('deactivate-handover-en') })
    await dialog.getByRole('button', { name: 'Deactivate' }).click()
    await expect(page.getByRole('status').filter({ hasText: `Người Nghỉ ${w} is deactivated; 1 order handed over.` })).toBeVisible()
    const [moved] = await sql<{ assigneeId: string; active: boolean }>(
      `SELECT o."assigneeId", u.active FROM "Order" o JOIN "User" u ON u.id = o."assigneeId" WHERE o.id = $1`,
      [order.id],
    )
    expect(moved).toEqual({ assigneeId: ngoc, active: true })
  } finally {
    await context.close()
  }
})
