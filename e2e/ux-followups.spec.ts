// UX follow-ups: the manager link leads where the person may go, the timeline names who took an order over, the
// ready list is live, and the intake's result lists keep the active option in view.
import type { Browser, Page } from '@playwright/test'
import { makeCustomer, makeOrder } from './back-support'
import { DEMO, expect, loginAs, screenshotPath, sql, test } from './fixtures'

async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' })
  const page = await context.newPage()
  await loginAs(page, email)
  return page
}

const LINE = { description: 'In A4 màu', quantity: 1, unitPrice: 2500, taxRateBp: 800 }

test('the Manager link leads a receptionist certified for the catalog to the catalog, a manager to the overview', async ({
  page,
  login,
}) => {
  // Hà: RECEPTIONIST with MANAGE_CATALOG 2 — the overview (MANAGE_TEAM) would refuse her.
  await login(DEMO.reception)
  await page.goto('/front')
  const menu = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(menu.getByRole('link', { name: 'Manager' })).toHaveAttribute('href', '/manager/catalog')
  await menu.getByRole('link', { name: 'Manager' }).click()
  await expect(page).toHaveURL(/\/manager\/catalog$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible()
  await expect(menu.getByRole('link', { name: 'Manager' })).toHaveAttribute('aria-current', 'page')
  await page.screenshot({ path: screenshotPath('ux-manager-link-reception') })

  await login(DEMO.manager)
  await page.goto('/front')
  await expect(menu.getByRole('link', { name: 'Manager' })).toHaveAttribute('href', '/manager')
})

test('a break handover shows on the order timeline as "handed off to" the colleague', async ({ page, login }) => {
  const customer = await makeCustomer('Phan Thị')
  const order = await makeOrder({ customerId: customer.id, lines: [LINE] })
  // Mai (who has no other open orders in the demo) is assigned the order and hands her work over before leaving.
  const [mai] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.manager])
  await sql(`UPDATE "Order" SET "assigneeId" = $1 WHERE id = $2`, [mai!.id, order.id])

  await login(DEMO.manager)
  await page.goto(`/manager/absences?reassign=${mai!.id}#reassign`)
  const reassign = page.getByTestId('reassign')
  await expect(reassign).toContainText(order.number)
  const to = reassign.getByLabel('Hand to')
  const ngoc = await to.locator('option', { hasText: 'Huỳnh Thị Ngọc' }).getAttribute('value')
  await to.selectOption(ngoc!)
  await reassign.getByLabel('Note for the colleague').fill('Proofs on the left tray')
  await reassign.getByRole('button', { name: 'Hand over 1 order' }).click()
  await expect(reassign.getByRole('status')).toContainText('handed to Huỳnh Thị Ngọc')

  for (const path of [`/back/orders/${order.id}`, `/front/orders/${order.id}`]) {
    await page.goto(path)
    const entry = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Handed off' })
    await expect(entry).toContainText('Handed off from Trần Thị Mai to Huỳnh Thị Ngọc')
    await expect(entry).toContainText('Proofs on the left tray')
  }
  await page.getByRole('list', { name: 'Timeline' }).screenshot({ path: screenshotPath('ux-timeline-reassign') })
})

test('the ready list shows an order finished in the workshop within moments, without a reload', async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  const customer = await makeCustomer('Đinh Thị')
  const order = await makeOrder({ customerId: customer.id, lines: [LINE] })
  await login(DEMO.reception)
  await page.goto('/front/ready')
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live')
  await expect(page.locator('main')).not.toContainText(order.number)
  // Anything that reloads the document would reset this marker.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'))

  const workshop = await signedIn(browser, baseURL, DEMO.backoffice)
  await workshop.goto(`/back/orders/${order.id}`)
  await workshop.getByRole('button', { name: /One more done/ }).click()
  await workshop.getByRole('button', { name: 'Save 1 change' }).click()
  await expect(workshop.getByText('Work recorded.')).toBeVisible()

  // Far inside the 30-second fallback poll: the live stream brought it.
  const row = page.getByTestId('ready-list').getByRole('link', { name: new RegExp(order.number) })
  await expect(row).toBeVisible({ timeout: 5_000 })
  await expect(row).toContainText(customer.name)
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here')
  await page.screenshot({ path: screenshotPath('ux-ready-live'), fullPage: true })
  await workshop.context().close()

  // At the counter the payment method is the same radio group as in the back office: arrow keys move the choice.
  await row.click()
  const panel = page.getByTestId('pickup-panel')
  const methods = panel.getByRole('group', { name: 'Payment method' })
  await methods.getByRole('radio', { name: 'Cash' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(methods.getByRole('radio', { name: 'Card' })).toBeChecked()
  await expect(panel.getByLabel('Cash given')).toHaveCount(0)
  await page.keyboard.press('ArrowLeft')
  await expect(methods.getByRole('radio', { name: 'Cash' })).toBeChecked()
  await expect(panel.getByLabel('Cash given')).toBeVisible()
  await panel.screenshot({ path: screenshotPath('ux-pickup-payment') })
})

test('the customer list keeps the option chosen with the arrow keys in view', async ({ page, login }) => {
  await login(DEMO.reception)
  await page.goto('/front/orders/new')
  // A common family name: a full page of results, and "new customer" below them.
  await page.keyboard.type('nguyen')
  const list = page.getByRole('listbox', { name: 'Customers found' })
  await expect(list.getByRole('option')).toHaveCount(9)
  // The list is taller than its box, so the last option starts out (partly) hidden.
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
  await page.keyboard.press('ArrowUp')
  const last = list.getByRole('option').last()
  await expect(last).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('combobox', { name: 'Find the customer' })).toHaveAttribute(
    'aria-activedescendant',
    (await last.getAttribute('id'))!,
  )
  await expect(last).toBeInViewport({ ratio: 1 })
  await page.keyboard.press('ArrowDown')
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  await expect(list.getByRole('option').first()).toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: screenshotPath('ux-customer-list') })
})
