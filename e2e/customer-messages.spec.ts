// Issue 18 in the browser: the manager sets up Zalo, the counter records a customer's consent, the workshop marks the
// order done, and its timeline says "Customer notified by Zalo" (sent by the app's own outbox worker to the Zalo
// stub that scripts/e2e-server.ts runs); a message Zalo refused shows as failed in the manager's list and is sent
// again from there.
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

async function openOrderOf(phone: string) {
  // An open order of a demo customer, not on hold, not yet fully done; its customer gets the phone number.
  const [order] = await sql<{ id: string; customerId: string; number: number }>(
    `SELECT o.id, o."customerId", o.number FROM "Order" o
      WHERE o.fulfillment <> 'FULFILLED' AND o."cancelledAt" IS NULL AND o."heldAt" IS NULL AND o.handover = 'WAITING'
        AND NOT EXISTS (SELECT 1 FROM "Order" p WHERE p."customerId" = o."customerId" AND p.id <> o.id)
        AND NOT EXISTS (SELECT 1 FROM "CustomerMessage" m WHERE m."orderId" = o.id)
      ORDER BY o.number LIMIT 1`,
  )
  if (!order) throw new Error('no open order in the demo data')
  await sql(`UPDATE "Customer" SET phone = $2 WHERE id = $1`, [order.customerId, phone])
  return order
}

test.describe.configure({ mode: 'serial' })

test('marking an order done tells the customer by Zalo; a refused message is retried from the list', async ({ page, login }) => {
  // Three roles, two orders, the outbox worker and both languages: minutes on a busy machine.
  test.setTimeout(180_000)
  // The manager sets up Zalo ZNS: the OA token (write-only) and the template for "ready".
  await login(DEMO.manager)
  await page.goto('/manager/settings')
  const form = page.getByTestId('message-settings-form')
  await form.getByLabel('OA access token').fill('e2e-zalo-oa-token')
  await form.getByLabel('Template id: Ready for pickup / out for delivery').fill('231456')
  await form.getByRole('button', { name: 'Save message settings' }).click()
  await expect(form.getByText('Message settings saved.')).toBeVisible()
  await expect(form.getByText('Saved. Leave empty to keep it; it is never shown again.').first()).toBeVisible()
  await expect(form.getByTestId('message-preview')).toContainText('đã sẵn sàng, mời quý khách đến nhận')
  await form.getByLabel('Language').selectOption('en')
  await expect(form.getByTestId('message-preview')).toContainText('is ready for pickup')
  await form.screenshot({ path: screenshotPath('messages-settings-en') })
  // "Order received" is one of the events like the others: on by default, with its text in both languages.
  await expect(form.getByRole('checkbox', { name: 'Order received' })).toBeChecked()
  await form.getByLabel('Event', { exact: true }).selectOption('ORDER_RECEIVED')
  await expect(form.getByTestId('message-preview')).toContainText('has received your order')
  await expect(form.getByTestId('message-preview')).toContainText('/track/')
  await form.screenshot({ path: screenshotPath('messages-settings-order-received-en') })
  await form.getByLabel('Language').selectOption('vi')
  await expect(form.getByTestId('message-preview')).toContainText('đã nhận đơn hàng')

  for (const [phone, label] of [
    ['0912000111', 'ok'],
    ['0900000001', 'refused'],
  ] as const) {
    const order = await openOrderOf(phone)
    // The counter records the customer's consent and Zalo as their channel.
    await login(DEMO.reception)
    await page.goto(`/front/orders/${order.id}`)
    const panel = page.getByRole('region', { name: 'Messages to the customer' })
    await panel.getByLabel('The customer agrees to receive messages about their orders').check()
    await panel.getByLabel('Preferred channel').selectOption('ZALO')
    await panel.getByRole('button', { name: 'Save' }).click()
    await expect(panel.getByText('Saved.')).toBeVisible()
    if (label === 'ok') await panel.screenshot({ path: screenshotPath('messages-consent-en') })

    // The workshop finishes the order.
    await login(DEMO.backoffice)
    await page.goto(`/back/orders/${order.id}`)
    await page.getByRole('button', { name: 'Mark everything done' }).click()
    await expect(page.getByText('Work recorded.')).toBeVisible()
    const expected = label === 'ok' ? 'Customer notified by Zalo' : 'Message by Zalo could not be sent'
    await expect(async () => {
      await page.reload()
      await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(expected, { timeout: 1_000 })
    }).toPass({ timeout: 30_000 })
    if (label === 'ok') await page.getByRole('list', { name: 'Timeline' }).screenshot({ path: screenshotPath('messages-timeline-en') })
  }

  // The manager's list shows the refused one as failed, and sends it again.
  await login(DEMO.manager)
  await page.goto('/manager/messages')
  const failed = page.locator('[data-testid="message-row"][data-status="FAILED"]')
  await expect(failed).toHaveCount(1)
  await expect(failed).toContainText('-124')
  await expect(page.locator('[data-testid="message-row"][data-status="SENT"]').first()).toContainText('Zalo')
  await page.screenshot({ path: screenshotPath('messages-list-en'), fullPage: true })
  await failed.getByRole('button', { name: 'Send again' }).click()
  await expect(page.getByText(/will be sent again/)).toBeVisible()
  await expect(async () => {
    await page.reload()
    await expect(page.locator('[data-testid="message-row"][data-status="SENT"]')).toHaveCount(2, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await expect(page.locator('[data-testid="message-row"][data-status="FAILED"]')).toHaveCount(0)

  // The same screens in Vietnamese.
  await page.context().addCookies([{ name: 'handoff-locale', value: 'vi', url: page.url() }])
  await page.goto('/manager/messages')
  await expect(page.getByRole('heading', { name: 'Tin nhắn cho khách' })).toBeVisible()
  await page.screenshot({ path: screenshotPath('messages-list-vi'), fullPage: true })
  await page.goto('/manager/settings')
  await page.getByTestId('message-settings-form').screenshot({ path: screenshotPath('messages-settings-vi') })
})
