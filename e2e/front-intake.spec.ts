import { randomBytes } from 'node:crypto'
import { customerSearchText } from '../src/domain/search'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

/** A customer of our own (specs share one database): a made-up word makes the name unique and searchable. */
async function makeCustomer(): Promise<{ id: string; name: string; word: string; phone: string }> {
  const word = Array.from(randomBytes(6), (b) => 'bcdfghklmnpqrstvxz'[b % 18]).join('')
  const name = `Lâm Thị ${word[0]!.toUpperCase()}${word.slice(1)}`
  const phone = `08${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const rows = await sql<{ id: string }>(
    `INSERT INTO "Customer" (id, name, phone, "searchText", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [name, phone, customerSearchText({ name, phone })],
  )
  return { id: rows[0]!.id, name, word, phone }
}

test.describe('order intake at the counter', () => {
  test('a receptionist takes a 3-line order with the keyboard only, prints the ticket, and the customer tracks it', async ({
    page,
    login,
    browser,
  }) => {
    const customer = await makeCustomer()
    await login(DEMO.reception)
    await page.goto('/front/orders/new')
    await expect(page.getByRole('heading', { level: 1, name: 'New order' })).toBeVisible()
    await expect(page.getByTestId('shortcuts')).toContainText('create order')
    const k = page.keyboard

    // The customer search has the focus on arrival; no diacritics needed ("lam thi" finds "Lâm Thị").
    await k.type(`lam thi ${customer.word}`)
    await expect(page.getByRole('option', { name: new RegExp(customer.name) })).toBeVisible()
    await k.press('ArrowDown')
    await k.press('ArrowUp')
    await k.press('Enter')
    await expect(page.getByTestId('selected-customer')).toContainText(customer.name)

    // Product search has the focus now: type, Enter adds the line, the quantity is focused, Enter goes back.
    for (const [query, quantity, name] of [
      ['a4 mau', '50', 'In A4 màu'],
      ['poster a1', '2', 'Poster A1'],
      ['dong gay lo xo', '3', 'Đóng gáy lò xo'],
    ] as const) {
      await k.type(query)
      await expect(page.getByRole('option', { name: new RegExp(name) }).first()).toBeVisible()
      await k.press('Enter')
      await expect(page.getByTestId('order-line').last()).toContainText(name)
      await k.type(quantity)
      await k.press('Enter')
    }
    await expect(page.getByTestId('order-line')).toHaveCount(3)
    // 50 × 2,500 + 2 × 80,000 + 3 × 15,000 net, 8 % VAT each: 356,400.
    await expect(page.getByTestId('intake-total')).toHaveText('₫356,400')
    await page.screenshot({ path: screenshotPath('front-intake'), fullPage: true })
    await page.setViewportSize({ width: 768, height: 1000 })
    await page.screenshot({ path: screenshotPath('front-intake-768'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: screenshotPath('front-intake-390'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 720 })

    await k.press('Control+Enter')
    await expect(page).toHaveURL(/\/front\/orders\/[0-9a-f-]{36}\/ticket\?new=1$/)
    const orderId = /orders\/([0-9a-f-]{36})\//.exec(page.url())![1]!
    await expect(page.getByTestId('order-created')).toBeVisible()

    // The server computed the same amounts from the catalog and took the order as home-role work.
    const [order] = await sql<{ total: number; takenCovering: boolean; lines: number }>(
      `SELECT o.total, o."takenCovering", (SELECT count(*)::int FROM "OrderLine" l WHERE l."orderId" = o.id) AS lines FROM "Order" o WHERE o.id = $1`,
      [orderId],
    )
    expect(order).toEqual({ total: 356_400, takenCovering: false, lines: 3 })

    // The ticket: number, customer, lines, total, a QR code and the tracking link; printable without the app's chrome.
    const ticket = page.locator('#ticket')
    await expect(ticket).toContainText(customer.name)
    await expect(ticket).toContainText('Đóng gáy lò xo')
    await expect(ticket).toContainText('₫356,400')
    await expect(page.getByTestId('ticket-qr').locator('svg')).toBeVisible()
    await expect(page.getByTestId('print-ticket')).toBeFocused()
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden()
    await expect(page.getByTestId('print-ticket')).toBeHidden()
    await expect(ticket).toBeVisible()
    await page.screenshot({ path: screenshotPath('front-ticket-print'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    await page.screenshot({ path: screenshotPath('front-ticket'), fullPage: true })

    // A customer's phone, not signed in: the tracking link from the ticket.
    const link = await page.getByTestId('tracking-link').locator('a').getAttribute('href')
    expect(link).toMatch(/\/track\/[A-Za-z0-9_-]{32,}$/)
    const customerContext = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } })
    const phone = await customerContext.newPage()
    const response = await phone.goto(link!)
    expect(response?.status()).toBe(200)
    const number = (await page.getByTestId('ticket-number').textContent())!.trim()
    await expect(phone.getByTestId('track-number')).toHaveText(number)
    await expect(phone.getByTestId('track-status')).toHaveText('We have your order')
    await expect(phone.getByRole('listitem').filter({ hasText: 'Received' }).first()).toHaveAttribute('aria-current', 'step')
    await expect(phone.getByTestId('track-balance')).toHaveText('₫356,400')
    await expect(phone.locator('body')).not.toContainText(customer.name)
    await expect(phone.locator('body')).not.toContainText(customer.phone)
    await expect(phone.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    await expect(phone.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer')
    await phone.screenshot({ path: screenshotPath('front-tracking-390'), fullPage: true })
    await customerContext.close()
  })

  test('a back-office worker certified at TAKE_ORDER 2 takes an order, and the timeline marks it as covering', async ({ page, login }) => {
    const customer = await makeCustomer()
    await login(DEMO.backoffice)
    await page.goto('/front/orders/new')
    await page.getByRole('combobox', { name: 'Find the customer' }).fill(customer.phone)
    await page.getByRole('option', { name: new RegExp(customer.name) }).click()
    await page.getByRole('combobox', { name: 'Add a product' }).fill('PHO-A4')
    await page.getByRole('option', { name: /Photocopy A4/ }).click()
    await page.getByRole('textbox', { name: 'Quantity, line 1' }).fill('120')
    await page.getByRole('button', { name: /Create order/ }).click()
    await expect(page.getByTestId('order-created')).toBeVisible()
    await page.getByRole('link', { name: 'Open the order' }).click()
    const created = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Order taken' })
    await expect(created).toContainText('Lê Văn Hùng')
    await expect(created).toContainText('covering')
  })

  test('a back-office trainee at TAKE_ORDER 1 gets 403, not the form', async ({ page, login }) => {
    await login(DEMO.bao)
    const response = await page.goto('/front/orders/new')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Find the customer' })).toHaveCount(0)
  })

  test('a new customer is added without leaving the order, and a likely duplicate is pointed out', async ({ page, login }) => {
    const existing = await makeCustomer()
    await login(DEMO.reception)
    await page.goto('/front/orders/new')
    await expect(page.getByRole('combobox', { name: 'Find the customer' })).toBeFocused()
    await page.keyboard.press('Alt+N')
    await expect(page.getByLabel('Name')).toBeFocused()
    await page.keyboard.type('Trần Văn Mới')
    await page.getByLabel('Phone').fill(existing.phone.replace(/^(\d{4})(\d{3})/, '$1 $2 '))
    await expect(page.getByTestId('duplicate-hint')).toContainText(existing.name)
    await expect(page.getByTestId('duplicate-hint')).toContainText('same phone')
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByLabel('Email').press('Enter')
    await expect(page.getByText('Not a valid email address.')).toBeVisible()
    await page.getByTestId('duplicate-hint').getByRole('button', { name: 'Use this customer' }).click()
    await expect(page.getByTestId('selected-customer')).toContainText(existing.name)
    await expect(page.getByRole('combobox', { name: 'Add a product' })).toBeFocused()
  })
})
