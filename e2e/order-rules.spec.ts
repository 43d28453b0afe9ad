import { DEMO, expect, screenshotPath, sql, test } from './fixtures'
import { makeCustomer, makeOrder } from './back-support'

// "Overdue" and "why is this blocked" come from the domain through the order's data (decision 008): a late order on
// hold is overdue on the workshop's order page and at the desk and says why no work can be recorded; once it is
// ready it is no longer overdue anywhere.
test.describe('overdue and blocked, one definition each', () => {
  test('a late order on hold: overdue, work blocked with the reason; ready: no longer overdue', async ({ page, login }) => {
    await login(DEMO.backoffice)
    const customer = await makeCustomer('Nhà sách')
    const order = await makeOrder({
      customerId: customer.id,
      lines: [{ description: 'Sổ tay A5', quantity: 2, unitPrice: 40_000, taxRateBp: 1000 }],
      dueInHours: -5,
    })
    await sql(`UPDATE "Order" SET "heldAt" = now(), "holdReason" = 'Chờ khách duyệt mẫu', version = version + 1 WHERE id = $1`, [order.id])

    await page.goto(`/back/orders/${order.id}`)
    const article = page.getByRole('article')
    await expect(article).toContainText('Overdue')
    await expect(article).toContainText('The order is on hold: release it to record work.')
    await page.screenshot({ path: screenshotPath('back-order-overdue-held'), fullPage: true })

    await page.goto(`/front/desk?q=${customer.word}`)
    const results = page.getByTestId('desk-results-list')
    await expect(results).toContainText(order.number)
    await expect(results).toContainText('(late)')

    // Finished (and released): not overdue any more, on either screen.
    await sql(`UPDATE "OrderLine" SET "qtyFulfilled" = quantity WHERE "orderId" = $1`, [order.id])
    await sql(
      `UPDATE "Order" SET "heldAt" = NULL, "holdReason" = NULL, fulfillment = 'FULFILLED', "readyAt" = now(), version = version + 1 WHERE id = $1`,
      [order.id],
    )
    await page.goto(`/back/orders/${order.id}`)
    await expect(article.getByText('Ready', { exact: true }).first()).toBeVisible()
    await expect(article).not.toContainText('Overdue')
    await page.goto(`/front/desk?q=${customer.word}`)
    await expect(results).toContainText(order.number)
    await expect(results).not.toContainText('(late)')
  })
})
