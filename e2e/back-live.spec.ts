import type { Browser, Page } from '@playwright/test'
import { DEMO, expect, loginAs, screenshotPath, sql, test } from './fixtures'
import { makeCustomer, makeOrder } from './back-support'

async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' })
  const page = await context.newPage()
  await loginAs(page, email)
  return page
}

test.describe('the live workshop queue', () => {
  test('an order taken at the counter appears in the queue on another screen within a second, without a reload', async ({
    browser,
    baseURL,
  }) => {
    const customer = await makeCustomer('Đoàn Văn')
    const workshop = await signedIn(browser, baseURL, DEMO.backoffice)
    const counter = await signedIn(browser, baseURL, DEMO.reception)

    await workshop.goto(`/back?status=all&q=${customer.word}`)
    await expect(workshop.getByTestId('queue-empty')).toBeVisible()
    await expect(workshop.getByTestId('live-status')).toHaveAttribute('data-status', 'live')
    // Anything that reloads the document would reset this marker.
    await workshop.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'))

    // The receptionist takes the order with the keyboard at the intake.
    await counter.goto('/front/orders/new')
    await counter.keyboard.type(customer.word)
    await expect(counter.getByRole('option', { name: new RegExp(customer.name) })).toBeVisible()
    await counter.keyboard.press('Enter')
    await counter.keyboard.type('poster a1')
    await expect(counter.getByRole('option', { name: /Poster A1/ })).toBeVisible()
    await counter.keyboard.press('Enter')
    await expect(counter.getByTestId('order-line')).toHaveCount(1)
    await counter.keyboard.type('2')
    await counter.keyboard.press('Control+Enter')
    await expect(counter.getByTestId('order-created')).toBeVisible()
    const number = (await counter.getByTestId('ticket-number').textContent())!.trim()

    // The order is committed before the ticket shows; from here the workshop screen has one second.
    const row = workshop.getByTestId('queue-row')
    await expect(row).toHaveCount(1, { timeout: 1_000 })
    await expect(row).toContainText(number)
    await expect(row).toContainText(customer.name)
    await expect(row).toContainText('0 of 2')
    expect(await workshop.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here')

    // A colleague records work on it from their own screen: the queue follows, still without a reload.
    const colleague = await signedIn(browser, baseURL, 'ngoc@example.com')
    const [order] = await sql<{ id: string }>(`SELECT id FROM "Order" WHERE "customerId" = $1`, [customer.id])
    await colleague.goto(`/back/orders/${order!.id}`)
    await colleague.getByRole('button', { name: /One more done/ }).click()
    await colleague.getByRole('button', { name: 'Save 1 change' }).click()
    await expect(colleague.getByText('Work recorded.')).toBeVisible()
    await expect(row).toContainText('1 of 2', { timeout: 1_000 })
    await expect(row).toContainText('In progress')
    expect(await workshop.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here')

    await workshop.context().close()
    await counter.context().close()
    await colleague.context().close()
  })

  test('the queue is sorted by due date, highlights overdue orders in words, filters and pages', async ({ page, login }) => {
    await login(DEMO.backoffice)
    const customer = await makeCustomer('Quách Thị')
    const line = { description: 'In A4 màu', quantity: 20, unitPrice: 2500, taxRateBp: 800 }
    const late = await makeOrder({ customerId: customer.id, lines: [line], dueInHours: -5 })
    const soon = await makeOrder({ customerId: customer.id, lines: [line], dueInHours: 3 })
    const later = await makeOrder({ customerId: customer.id, lines: [line], dueInHours: 50 })
    await page.goto(`/back?q=${customer.word}`)
    const rows = page.getByTestId('queue-row')
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(0)).toContainText(late.number)
    await expect(rows.nth(0)).toHaveAttribute('data-overdue', 'true')
    await expect(rows.nth(0)).toContainText('Overdue')
    await expect(rows.nth(1)).toContainText(soon.number)
    await expect(rows.nth(1)).toHaveAttribute('data-overdue', 'false')
    await expect(rows.nth(2)).toContainText(later.number)

    await page.getByLabel('Due', { exact: true }).selectOption('overdue')
    await expect(page).toHaveURL(/due=overdue/)
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(late.number)
    await page.getByRole('link', { name: 'Reset filters' }).first().click()
    await expect(page).toHaveURL(/\/back$/)

    // The whole seeded queue, page by page (keyset cursors in the URL).
    await page.goto('/back?status=all')
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live')
    await page.screenshot({ path: screenshotPath('back-queue'), fullPage: true })
    await page.setViewportSize({ width: 768, height: 1000 })
    await page.screenshot({ path: screenshotPath('back-queue-768'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: screenshotPath('back-queue-390'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 720 })
    const first = await rows.first().getAttribute('data-order')
    await page.getByRole('link', { name: /Later/ }).click()
    await expect(page).toHaveURL(/after=/)
    await expect(rows.first()).not.toHaveAttribute('data-order', first!)
    await page.getByRole('link', { name: /Earlier/ }).click()
    await expect(rows.first()).toHaveAttribute('data-order', first!)
  })
})
