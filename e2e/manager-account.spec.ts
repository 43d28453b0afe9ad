// "My account": anyone marks their own lunch break without a special skill, and the manager's overview sees it.
import { expect, loginAs, screenshotPath, sql, test } from './fixtures'

const MINH_ANH = 'minhanh@example.com'

test('a receptionist starts lunch now, the overview shows her away, and she ends it early', async ({ page, login, browser }) => {
  // Any lunch of hers left by an earlier run of this spec is already over or removed below.
  await sql(
    `DELETE FROM "Absence" WHERE kind = 'LUNCH' AND "endsAt" > now() AT TIME ZONE 'UTC' AND "userId" = (SELECT id FROM "User" WHERE email = $1)`,
    [MINH_ANH],
  )
  await login(MINH_ANH)
  await page.goto('/account')
  await page.getByLabel('Duration').selectOption({ label: '30 minutes' })
  await page.getByRole('button', { name: 'Start lunch now' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Enjoy your lunch — back at/ })).toBeVisible()
  await expect(page.getByTestId('current-absence')).toContainText('You are recorded away: Lunch until')
  await page.screenshot({ path: screenshotPath('account-lunch'), fullPage: true })

  // The manager sees it in the list of who is away now.
  const manager = await browser.newContext()
  const managerPage = await manager.newPage()
  await loginAs(managerPage, 'manager@example.com')
  await managerPage.goto('/manager/absences')
  await expect(managerPage.getByTestId('absence-list').locator('li', { hasText: 'Phạm Minh Anh · Lunch' }).first()).toBeVisible()
  await manager.close()

  await page.getByRole('button', { name: "I'm back" }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Welcome back' })).toBeVisible()
  await expect(page.getByTestId('current-absence')).toHaveCount(0)
})
