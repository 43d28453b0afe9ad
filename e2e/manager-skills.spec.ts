// Permissions follow skills: raising a back-office worker's TAKE_ORDER to 2 opens the counter's intake to him on his
// very next request, in the same session (ADR 013: no sign-in page). The demo's Bảo is put back at level 1 afterwards,
// because the counter's specs rely on him being refused.
import { DEMO, expect, loginAs, screenshotPath, sql, test } from './fixtures'

async function baoTakeOrderLevel(): Promise<number | null> {
  const rows = await sql<{ level: number }>(
    `SELECT s.level FROM "Skill" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 AND s.task = 'TAKE_ORDER'`,
    [DEMO.bao],
  )
  return rows[0]?.level ?? null
}

test.afterAll(async () => {
  // If the test failed half-way, leave Bảo as the demo has him (a direct write: no one is signed in as him here).
  if ((await baoTakeOrderLevel()) !== 1) {
    await sql(`UPDATE "Skill" SET level = 1 WHERE task = 'TAKE_ORDER' AND "userId" = (SELECT id FROM "User" WHERE email = $1)`, [DEMO.bao])
  }
})

test('raising Bảo to TAKE_ORDER 2 lets him open the intake screen', async ({ page, login, browser }) => {
  const [bao] = await sql<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [DEMO.bao])
  expect(await baoTakeOrderLevel()).toBe(1)

  // Bảo, in his own browser, is refused the intake and has no "Counter" link.
  const baoContext = await browser.newContext()
  const baoPage = await baoContext.newPage()
  await loginAs(baoPage, DEMO.bao)
  expect((await baoPage.goto('/front/orders/new'))?.status()).toBe(403)
  await baoPage.goto('/back')
  await expect(baoPage.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Counter' })).toHaveCount(0)

  // The manager raises the level in the matrix, with the keyboard.
  await login(DEMO.manager)
  await page.goto('/manager')
  const cell = page.getByTestId(`cell-${bao!.id}-TAKE_ORDER`)
  await expect(cell).toHaveAttribute('data-level', '1')
  await cell.focus()
  await page.keyboard.press('Enter')
  const popover = page.getByRole('dialog')
  await expect(popover.getByRole('radio', { name: /1 — In training/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(popover.getByRole('radio', { name: /2 — Can cover/ })).toBeChecked()
  await expect(popover).toContainText('The rights of Đặng Quốc Bảo change on their next page; they stay signed in.')
  await popover.getByLabel('Reason (optional)').fill('Passed the counter check (e2e)')
  await page.screenshot({ path: screenshotPath('manager-matrix-edit') })
  await popover.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Đặng Quốc Bảo · Take orders: now level 2 (Can cover).' })).toBeVisible()
  await expect(cell).toHaveAttribute('data-level', '2')
  expect(await baoTakeOrderLevel()).toBe(2)

  try {
    // Same session: his next page already has the counter and its intake screen.
    await baoPage.goto('/back')
    await expect(baoPage).toHaveURL(/\/back/)
    await expect(baoPage.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Counter' })).toBeVisible()
    const intake = await baoPage.goto('/front/orders/new')
    expect(intake?.status()).toBe(200)
    await expect(baoPage.getByRole('combobox', { name: 'Find the customer' })).toBeVisible()
    await baoPage.screenshot({ path: screenshotPath('manager-bao-intake') })
  } finally {
    // Back to the demo's level 1 through the matrix (history and audit record both changes).
    await page.goto('/manager')
    await page.getByTestId(`cell-${bao!.id}-TAKE_ORDER`).click()
    await page
      .getByRole('dialog')
      .getByRole('radio', { name: /1 — In training/ })
      .check()
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await expect(page.getByTestId(`cell-${bao!.id}-TAKE_ORDER`)).toHaveAttribute('data-level', '1')
    await baoContext.close()
  }
  // Both changes are in the history.
  await page.reload()
  await page.getByText('Skill changes').click()
  await expect(page.getByText('Đặng Quốc Bảo · Take orders: 1 → 2, by Trần Thị Mai').first()).toBeVisible()
  await expect(page.getByText('Đặng Quốc Bảo · Take orders: 2 → 1, by Trần Thị Mai').first()).toBeVisible()
})
