import { DEMO, expect, screenshotPath, sql, test } from './fixtures'
import { makeCustomer, makeOrder } from './back-support'

test('a cancelled order hands its deposit back from the order page, in parts, and ends refunded', async ({ page, login }) => {
  test.slow()
  await login(DEMO.backoffice)
  const customer = await makeCustomer('Trả cọc')
  const order = await makeOrder({
    customerId: customer.id,
    deposit: 50_000,
    lines: [{ description: 'Thiệp cưới', quantity: 100, unitPrice: 2_000, taxRateBp: 0 }],
  })
  await page.goto(`/back/orders/${order.id}`)
  await expect(page.getByTestId('order-number')).toHaveText(order.number)
  // Before cancelling there is nothing to hand back: the deposit waits for its invoice.
  await expect(page.getByTestId('return-form')).toHaveCount(0)

  await page.getByRole('button', { name: 'Cancel order…' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('cancel-money')).toContainText('₫50,000')
  await dialog.getByLabel('Reason').fill('Khách hủy đám cưới')
  await dialog.getByRole('button', { name: 'Cancel order' }).click()
  await expect(dialog).toHaveCount(0)

  const form = page.getByTestId('return-form')
  await expect(page.getByRole('heading', { name: 'Hand back the deposit' })).toBeVisible()
  await form.getByLabel('Amount to hand back').fill('60000')
  await form.getByRole('button', { name: 'Hand back' }).click()
  await expect(form).toContainText('At most')
  await form.getByLabel('Amount to hand back').fill('20000')
  await form.getByRole('button', { name: 'Hand back' }).click()
  await expect(form.getByRole('status')).toContainText('Deposit handed back.')
  await expect(page.getByText('Available to hand back: ₫30,000')).toBeVisible()
  await page.screenshot({ path: screenshotPath('back-deposit-return'), fullPage: true })
  await form.getByRole('button', { name: 'Fill in' }).click()
  await form.getByRole('button', { name: 'Hand back' }).click()
  // All of it is back: the form goes away and the order reads refunded.
  await expect(page.getByTestId('return-form')).toHaveCount(0)
  await expect(page.getByText('Refunded').first()).toBeVisible()

  const rows = await sql<{ amount: number; credit: string | null }>(
    `SELECT amount, "creditNoteId" AS credit FROM "Payment" WHERE "orderId" = $1 AND kind = 'REFUND' ORDER BY "receivedAt"`,
    [order.id],
  )
  expect(rows).toEqual([
    { amount: -20_000, credit: null },
    { amount: -30_000, credit: null },
  ])
  const [state] = await sql<{ payment: string }>(`SELECT payment FROM "Order" WHERE id = $1`, [order.id])
  expect(state?.payment).toBe('REFUNDED')
  await expect(page.getByText('Deposit handed back').first()).toBeVisible()
})
