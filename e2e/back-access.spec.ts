import { DEMO, expect, test } from './fixtures'

// Every back-office screen and route checks the person's skills itself; hidden buttons are only a courtesy.
test.describe('back-office access', () => {
  test('a receptionist certified only for payments sees the queue but cannot record work or invoice', async ({ page, login }) => {
    await login(DEMO.reception)
    await page.goto('/back')
    await expect(page.getByRole('heading', { name: 'Fulfillment queue' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Billing' })).toHaveCount(0)
    expect((await page.goto('/back/billing'))?.status()).toBe(403)
    await page.goto('/back')
    await page.getByTestId('queue-row').first().getByRole('link').click()
    await expect(page.getByText('fulfilment is not among your skills')).toBeVisible()
    await expect(page.getByTestId('fulfillment-form').getByRole('button', { name: 'Save', exact: true })).toBeDisabled()
    await expect(page.getByRole('button', { name: 'Cancel order…' })).toHaveCount(0)
  })

  test('a print operator recorded at INVOICE 0 may fulfil but not invoice, see receivables or export', async ({ page, login, request }) => {
    await login(DEMO.bao)
    await page.goto('/back')
    await expect(page.getByRole('heading', { name: 'Fulfillment queue' })).toBeVisible()
    expect((await page.goto('/back/billing'))?.status()).toBe(403)
    expect((await page.goto('/back/receivables'))?.status()).toBe(403)
    const csv = await page.request.get('/api/back/export?kind=invoices&from=2026-01-01&to=2026-01-31')
    expect(csv.status()).toBe(403)
    expect(await csv.text()).not.toContain('number,')
    // Signed out: nothing.
    expect((await request.get('/api/back/export?kind=invoices&from=2026-01-01&to=2026-01-31')).status()).toBe(401)
    expect((await request.get('/api/live/orders')).status()).toBe(401)
  })

  test('someone without any back-office skill is refused the area (the live stream, which names no data, also feeds the ready list)', async ({
    page,
    login,
  }) => {
    await login('minhanh@example.com')
    expect((await page.goto('/back'))?.status()).toBe(403)
  })

  test('unknown and malformed document ids are a plain 404', async ({ page, login }) => {
    await login(DEMO.backoffice)
    for (const path of [
      '/back/orders/not-a-uuid',
      `/back/orders/${crypto.randomUUID()}`,
      `/back/invoices/${crypto.randomUUID()}`,
      '/back/credit-notes/1',
    ]) {
      expect((await page.goto(path))?.status()).toBe(404)
    }
  })
})
