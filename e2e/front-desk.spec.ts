import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { customerSearchText } from '../src/domain/search'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

/** An order of our own, taken through the intake, then finished by "the workshop" (straight in the database). */
async function readyOrder(page: Page, readyMinutesAgo = 95): Promise<{ id: string; number: string; name: string }> {
  const word = Array.from(randomBytes(6), (b) => 'bcdfghklmnpqrstvxz'[b % 18]).join('')
  const name = `Đinh Văn ${word[0]!.toUpperCase()}${word.slice(1)}`
  const phone = `07${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  await sql(`INSERT INTO "Customer" (id, name, phone, "searchText", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now())`, [
    name,
    phone,
    customerSearchText({ name, phone }),
  ])
  await page.goto('/front/orders/new')
  await page.keyboard.type(`dinh van ${word}`)
  await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible()
  await page.keyboard.press('Enter')
  await page.keyboard.type('poster a1')
  await expect(page.getByRole('option', { name: /Poster A1/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('order-line')).toHaveCount(1)
  await page.keyboard.type('2')
  await page.getByLabel('Deposit taken now').fill('50000')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('order-created')).toBeVisible()
  const id = /orders\/([0-9a-f-]{36})\//.exec(page.url())![1]!
  const number = (await page.getByTestId('ticket-number').textContent())!.trim()
  await sql(`UPDATE "OrderLine" SET "qtyFulfilled" = quantity WHERE "orderId" = $1`, [id])
  await sql(
    `UPDATE "Order" SET fulfillment = 'FULFILLED', "readyAt" = now() - make_interval(mins => $2), version = version + 1 WHERE id = $1`,
    [id, readyMinutesAgo],
  )
  return { id, number, name }
}

test.describe('the desk', () => {
  test('finds an order by number, shows it waiting, invoices, takes cash with change, hands over and closes it', async ({
    page,
    login,
  }) => {
    await login(DEMO.backoffice)
    const order = await readyOrder(page)

    await page.goto('/front/desk')
    await expect(page.getByTestId('desk-ready-list').or(page.getByText('Nothing is waiting'))).toBeVisible()
    await page.keyboard.type(order.number)
    const result = page.getByTestId('desk-results-list').getByRole('link').first()
    await expect(result).toContainText(order.number)
    await expect(result).toContainText('Ready')
    await expect(result).toContainText(order.name)
    // 2 × 80,000 + 8 % = 172,800, minus the 50,000 deposit.
    await expect(result).toContainText('Left to pay ₫122,800')
    await page.screenshot({ path: screenshotPath('front-desk'), fullPage: true })
    await page.setViewportSize({ width: 768, height: 1000 })
    await page.screenshot({ path: screenshotPath('front-desk-768'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: screenshotPath('front-desk-390'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 720 })

    // ↓ from the search box into the results, Enter opens the order.
    await page.getByRole('searchbox', { name: 'Find an order' }).press('ArrowDown')
    await expect(result).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`/front/orders/${order.id}$`))

    const panel = page.getByTestId('pickup-panel')
    await expect(panel.getByTestId('left-to-pay')).toHaveText('₫122,800')
    await panel.getByRole('button', { name: /Issue the invoice/ }).click()
    await expect(page.getByTestId('pickup-invoice-notice')).toContainText('₫50,000 already paid was applied')
    await expect(panel.getByLabel('Amount paid')).toHaveValue('122800')
    // Too much is refused once, under the amount, in the reader's currency format.
    await panel.getByLabel('Amount paid').fill('146600')
    await panel.getByRole('button', { name: 'Record payment' }).click()
    await expect(panel.getByTestId('amount-error')).toHaveText('Overpayment refused: at most ₫122,800 can still be paid.')
    await expect(page.getByText(/Overpayment refused/)).toHaveCount(1)
    await expect(page.getByTestId('pickup-payment-notice')).toHaveCount(0)
    await panel.getByLabel('Amount paid').fill('122800')
    await panel.getByLabel('Cash given').fill('200000')
    await expect(panel.getByTestId('change-due')).toHaveText('Change to give: ₫77,200')
    await panel.getByRole('button', { name: 'Record payment' }).click()
    await expect(page.getByTestId('pickup-payment-notice')).toContainText('Give ₫77,200 change.')
    await expect(panel.getByTestId('left-to-pay')).toHaveText('₫0')
    await panel.getByRole('button', { name: 'Hand over to the customer' }).click()
    await expect(page.getByTestId('order-closed')).toBeVisible()
    await page.screenshot({ path: screenshotPath('front-order-closed'), fullPage: true })

    const timeline = page.getByRole('list', { name: 'Timeline' })
    for (const entry of ['Order taken', 'Deposit taken', 'Invoice issued', 'Payment recorded', 'Collected by the customer']) {
      await expect(timeline).toContainText(entry)
    }
    // Hùng hands over at the counter outside his home role: covering.
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Collected by the customer' })).toContainText('covering')
    const [row] = await sql<{ closed: boolean; handover: string }>(
      `SELECT "closedAt" IS NOT NULL AS closed, handover FROM "Order" WHERE id = $1`,
      [order.id],
    )
    expect(row).toEqual({ closed: true, handover: 'COLLECTED' })
  })

  test('a stale hand-over is refused with a clear message and the typed amount is kept', async ({ page, login }) => {
    await login(DEMO.reception)
    const order = await readyOrder(page)
    await page.goto(`/front/orders/${order.id}`)
    const panel = page.getByTestId('pickup-panel')
    // A receptionist may not invoice: the panel says so and still takes money (held until the invoice).
    await expect(panel).toContainText('not invoiced yet')
    await panel.getByLabel('Cash given').fill('150000')
    // Someone else changes the order meanwhile.
    await sql(`UPDATE "Order" SET version = version + 1 WHERE id = $1`, [order.id])
    await panel.getByRole('button', { name: 'Hand over to the customer' }).click()
    await expect(page.getByTestId('pickup-handover-notice')).toContainText('changed this meanwhile')
    await expect(panel.getByLabel('Cash given')).toHaveValue('150000')
    await page.getByRole('button', { name: 'Reload the order' }).click()
    await panel.getByRole('button', { name: 'Hand over to the customer' }).click()
    await expect(page.getByTestId('pickup-handover-notice')).toContainText('Handed over to the customer.')
    await expect(panel.getByLabel('Cash given')).toHaveValue('150000')
  })

  test('the ready list shows the longest wait first, with how long it has waited', async ({ page, login }) => {
    await login(DEMO.reception)
    // Ready for a year: longer than anything in the demo data, so it heads the list.
    const order = await readyOrder(page, 365 * 24 * 60 + 3 * 60)
    // Finished too, but not for collection now: a delivery, and a pickup on hold (waiting even longer).
    const delivery = await readyOrder(page, 366 * 24 * 60)
    await sql(`UPDATE "Order" SET mode = 'DELIVERY', "deliveryAddress" = '12 Nguyễn Huệ, Quận 1' WHERE id = $1`, [delivery.id])
    const held = await readyOrder(page, 366 * 24 * 60)
    await sql(`UPDATE "Order" SET "heldAt" = now(), "holdReason" = 'Khách chưa duyệt bản in' WHERE id = $1`, [held.id])
    await page.goto('/front/ready')
    await expect(page.getByRole('heading', { level: 1, name: 'Ready for pickup' })).toBeVisible()
    const list = page.getByTestId('ready-list').getByRole('link')
    await expect(list.filter({ hasText: order.number })).toContainText('Waiting 365 days 3 h')
    // Oldest first: nothing waited less than a year ahead of it (a retry's twin may share the top).
    await expect(list.first()).toContainText('Waiting 365 days')
    await expect(list.filter({ hasText: delivery.number })).toHaveCount(0)
    await expect(list.filter({ hasText: held.number })).toHaveCount(0)
    await expect(page.getByTestId('ready-deliveries-list').getByRole('link').filter({ hasText: delivery.number })).toBeVisible()
    await expect(page.getByTestId('ready-on-hold-list').getByRole('link').filter({ hasText: held.number })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: /Finished but on hold/ })).toBeVisible()
    await page.screenshot({ path: screenshotPath('front-ready'), fullPage: true })
  })

  test('tracking links that are malformed or unknown are a plain 404', async ({ page }) => {
    for (const token of ['nope', `${'a'.repeat(32)}`, '%27%20OR%201%3D1--']) {
      const response = await page.goto(`/track/${token}`)
      expect(response?.status()).toBe(404)
      await expect(page.getByRole('heading', { name: 'Order not found' })).toBeVisible()
      await expect(page.getByRole('link')).toHaveCount(0)
    }
  })

  test('the desk is refused to someone without a counter skill', async ({ page, login }) => {
    await login(DEMO.bao)
    const response = await page.goto('/front/desk')
    expect(response?.status()).toBe(403)
  })
})
