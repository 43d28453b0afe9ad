// Issue 14: the counter with the keyboard. Key presses are counted from the counter's home page to the printed ticket
// (typed text aside), and what is unfinished, too long, too large or written in the browser's language is shown.
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { customerSearchText } from '../src/domain/search'
import { DEMO, expect, loginAs, screenshotPath, sql, test } from './fixtures'

async function makeCustomer(): Promise<{ name: string; phone: string }> {
  const word = Array.from(randomBytes(6), (b) => 'bcdfghklmnpqrstvxz'[b % 18]).join('')
  const name = `Phan Thị ${word}`
  const phone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  await sql(`INSERT INTO "Customer" (id, name, phone, "searchText", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now())`, [
    name,
    phone,
    customerSearchText({ name, phone }),
  ])
  return { name, phone }
}

/** A new order for a customer of our own, found by part of the phone number, and "Poster A1" added with Enter. */
async function startOrder(page: Page, login: (email: string) => Promise<void>) {
  const customer = await makeCustomer()
  await login(DEMO.reception)
  await page.goto('/front/orders/new')
  await page.keyboard.type(customer.phone.slice(-6))
  await expect(page.getByRole('option', { name: new RegExp(customer.name) })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('combobox', { name: 'Add a product' })).toBeFocused()
  await page.keyboard.type('poster a1')
  await page.keyboard.press('Enter')
  return customer
}

test('a 3-line order with a due date and a cash deposit takes at most 25 key presses from the home page to the printed ticket', async ({
  page,
  login,
}) => {
  const customer = await makeCustomer()
  await login(DEMO.reception)
  await page.addInitScript(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void ((window as unknown as { printed: number }).printed += 1)
  })
  let presses = 0
  const press = async (key: string) => {
    presses += 1
    await page.keyboard.press(key)
  }
  const type = (text: string) => page.keyboard.type(text)

  await page.goto('/front')
  await expect(page.getByTestId('new-order')).toContainText('Alt')
  await press('Alt+O')
  const customerSearch = page.getByRole('combobox', { name: 'Find the customer' })
  await expect(customerSearch).toBeFocused()
  await type(customer.phone.slice(-5))
  await expect(page.getByRole('option', { name: new RegExp(customer.name) })).toBeVisible()
  await press('Enter')
  for (const [query, quantity] of [
    ['to roi a5', '2'],
    ['poster a1', '3'],
    ['ep plastic a4', '10'],
  ] as const) {
    // No waiting for a list: the catalog is in the page.
    await type(query)
    await press('Enter')
    await type(quantity)
    await press('Enter')
  }
  await expect(page.getByTestId('order-line')).toHaveCount(3)
  await press('Alt+W')
  await type('+2 17')
  await expect(page.getByTestId('due-shown')).toContainText('5:00')
  await press('Alt+M')
  await type('50000')
  await expect(page.getByTestId('left-after-deposit')).toContainText('₫652,000')
  await page.screenshot({ path: screenshotPath('front-intake-keys'), fullPage: true })
  await press('Control+Enter')
  await expect(page.getByTestId('order-created')).toBeVisible()
  await expect(page.getByTestId('print-ticket')).toBeFocused()
  await press('Enter')
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  expect(presses, 'key presses from /front to the printed ticket').toBeLessThanOrEqual(25)
  console.log(`intake key presses: ${presses}`)

  // What was taken: 3 lines, due in two days at 17:00 (business time), the deposit in cash.
  const orderId = /orders\/([0-9a-f-]{36})\//.exec(page.url())![1]!
  const [order] = await sql<{ lines: number; due: string; expected: string }>(
    `SELECT (SELECT count(*)::int FROM "OrderLine" l WHERE l."orderId" = o.id) AS lines,
            to_char((o."dueAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') AS due,
            to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 2, 'YYYY-MM-DD') || ' 17:00' AS expected
     FROM "Order" o WHERE o.id = $1`,
    [orderId],
  )
  expect(order!.lines).toBe(3)
  expect(order!.due).toBe(order!.expected)
  await expect(page.getByTestId('ticket-left-to-pay')).toHaveText('₫652,000')

  // "Next order" is where the focus is after printing: Enter starts the next one.
  await expect(page.getByTestId('next-order')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(customerSearch).toBeFocused()
})

test('creating an order with text left in the product search or a quantity never confirmed asks first', async ({ page, login }) => {
  const customer = await startOrder(page, login)
  const quantity = page.getByRole('textbox', { name: 'Quantity, line 1' })
  await expect(quantity).toBeFocused()
  // The quantity field has the focus it got, untouched: not confirmed.
  await page.keyboard.press('Control+Enter')
  const dialog = page.getByTestId('intake-confirm')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('The quantity of line 1 (Poster A1) was never confirmed.')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(quantity).toBeFocused()
  await page.keyboard.type('4')
  await page.keyboard.press('Enter')
  // Typed, never added.
  await page.keyboard.type('ep plastic a4')
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toContainText('“ep plastic a4” is still in the product search: it was not added.')
  await page.screenshot({ path: screenshotPath('front-intake-confirm'), fullPage: true })
  await page.getByRole('button', { name: /Back to the order/ }).click()
  await expect(page.getByRole('combobox', { name: 'Add a product' })).toBeFocused()
  expect(await sql(`SELECT 1 FROM "Order" o JOIN "Customer" c ON c.id = o."customerId" WHERE c.phone = $1`, [customer.phone])).toHaveLength(
    0,
  )
  // Asked again, and this time created as it is: one line of 4.
  await page.keyboard.press('Control+Enter')
  await page.getByRole('button', { name: /Create anyway/ }).click()
  await expect(page.getByTestId('order-created')).toBeVisible()
  await expect(page.locator('#ticket')).toContainText('×4')
})

test('a pasted note over the limit is kept whole and refused with the limit named; a too large deposit says so', async ({
  page,
  login,
}) => {
  await startOrder(page, login)
  await page.keyboard.press('Enter')

  const notes = page.getByLabel('Order notes')
  await notes.fill('n'.repeat(1_700))
  await expect(page.getByTestId('text-limit')).toHaveText('1,700 of 2,000 characters')
  await notes.fill('n'.repeat(10_000))
  await expect(notes).toHaveValue('n'.repeat(10_000))
  await expect(page.getByTestId('text-limit')).toHaveText('10,000 characters: at most 2,000. Shorten it by 8,000; nothing has been cut.')
  await expect(notes).toHaveAttribute('aria-invalid', 'true')

  // 5,000,000,000 ₫: too large, and no "left to pay" of minus five billion beside it.
  const deposit = page.getByLabel('Deposit taken now')
  await deposit.fill('5,000,000,000')
  await expect(page.getByTestId('deposit-error')).toHaveText('Too large: at most ₫2,000,000,000.')
  await expect(page.getByTestId('left-after-deposit')).toHaveCount(0)
  await page.screenshot({ path: screenshotPath('front-intake-limits'), fullPage: true })
  await deposit.fill('5,000,000')
  await expect(page.getByTestId('deposit-error')).toHaveText('The deposit cannot be more than the order total.')
  await expect(page.getByTestId('left-after-deposit')).toHaveCount(0)
  await deposit.fill('')

  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('intake-error')).toBeVisible()
  await expect(page).toHaveURL(/\/front\/orders\/new/)
  await notes.fill('n'.repeat(2_000))
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('order-created')).toBeVisible()
  await expect(page.locator('#ticket')).toContainText('n'.repeat(2_000))
})

test('the due date is written in the app’s language, whatever the browser’s', async ({ browser, baseURL }) => {
  // An English Chrome, the app in Vietnamese.
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' })
  await context.addCookies([{ name: 'handoff-locale', value: 'vi', url: baseURL! }])
  const page = await context.newPage()
  await loginAs(page, DEMO.reception)
  await page.goto('/front/orders/new')
  await page.getByLabel('Hẹn nhanh').fill('+2 17')
  const [row] = await sql<{ day: number; month: number; year: number }>(
    `SELECT extract(day FROM d)::int AS day, extract(month FROM d)::int AS month, extract(year FROM d)::int AS year
     FROM (SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 2 AS d) x`,
  )
  const shown = page.getByTestId('due-shown')
  // "Hẹn Thứ Hai, 7 tháng 12, 2026 lúc 17:00": the day before the month, in Vietnamese words.
  await expect(shown).toContainText(`${row!.day} tháng ${row!.month}`)
  await expect(shown).toContainText(String(row!.year))
  await expect(shown).toContainText('17:00')
  await expect(shown).toContainText('Thứ')
  await page.screenshot({ path: screenshotPath('front-intake-due-vi'), fullPage: true })
  await context.close()
})
