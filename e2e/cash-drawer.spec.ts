// A full day of a cash drawer (issue 17, decision 017): Lan opens "Quầy 2" with a float, takes cash at a pickup into
// it, takes cash out for paper, counts it note by note and closes it; the Z report prints on 80 mm and A4 (the PDF read
// back with pdftotext); the manager sees the difference per person and day and downloads it as CSV. Screenshots of
// each screen in English and Vietnamese. Lan is signed in by no other spec, and Quầy 2 is used by no other spec.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { msg, pageIn, type Lang } from './a11y-support'
import { makeCustomer, makeOrder } from './back-support'
import { DEMO, expect, screenshotPath, test } from './fixtures'

const LAN = 'lan@example.com'
const MM = 96 / 25.4
const PT = (mm: number) => (mm * 72) / 25.4
// pdftotext splits words where letters are spaced: compare without white space.
const norm = (s: string) => s.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, '')

/** The Z report as printed: page width from the print CSS, and the words that must be on it. */
async function printZReport(page: Page, name: string, widthMm: number, words: string[]) {
  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: Math.floor((widthMm === 80 ? 80 : 186) * MM), height: 1100 })
  expect(await page.locator('button:visible, select:visible, input:visible').count(), 'no controls on paper').toBe(0)
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
  const file = screenshotPath(name).replace(/\.png$/, '.pdf')
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  const info = execFileSync('pdfinfo', [file]).toString()
  const [, w] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? []
  expect(Math.abs(Number(w) - PT(widthMm)), `${name}: ${widthMm} mm wide`).toBeLessThan(2)
  if (widthMm === 80) expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1]), 'a receipt is one long page').toBe(1)
  const text = norm(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'))
  for (const word of words) expect(text, `${name} PDF has "${word}"`).toContain(norm(word))
  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('a day of a cash drawer: opened, used, counted, closed, its Z report printed and the difference seen', async ({ browser }) => {
  test.slow()
  const customer = await makeCustomer('Lý Thị')
  const order = await makeOrder({
    customerId: customer.id,
    lines: [{ description: 'Bìa màu A4', quantity: 2, unitPrice: 60_000, taxRateBp: 0, qtyFulfilled: 2 }],
  })
  const { context, page } = await pageIn(browser, 'en', LAN)
  const drawer = page.getByTestId('drawer-Quầy 2')

  // Morning: open Quầy 2 with a counted float of 500,000 ₫.
  await page.goto('/front/drawer')
  await expect(page.getByRole('heading', { level: 1, name: 'Cash drawers' })).toBeVisible()
  await drawer.getByLabel('Float').fill('500000')
  await drawer.getByRole('button', { name: 'Open this drawer' }).click()
  await expect(drawer.getByTestId('expected-now')).toHaveText('₫500,000')
  await page.screenshot({ path: screenshotPath('cash-drawer-en'), fullPage: true })

  // A pickup paid in cash goes into her drawer (she opened it: chosen by default), change given from 200,000 ₫.
  await page.goto(`/front/orders/${order.id}`)
  const panel = page.getByTestId('pickup-panel')
  await expect(panel.getByTestId('drawer-choice').locator('option:checked')).toHaveText('Quầy 2 (yours)')
  await panel.getByLabel('Amount paid').fill('120000')
  await panel.getByLabel('Cash given').fill('200000')
  await panel.getByRole('button', { name: 'Record payment' }).click()
  await expect(page.getByTestId('pickup-payment-notice')).toContainText('Give ₫80,000 change.')

  // Cash out for paper.
  await page.goto('/front/drawer')
  await expect(drawer.getByTestId('expected-now')).toHaveText('₫620,000')
  await drawer.getByLabel('Cash out').check()
  await drawer.getByLabel('Amount').fill('35000')
  await drawer.getByLabel('Reason').fill('Bought paper')
  await drawer.getByRole('button', { name: 'Record', exact: true }).click()
  await expect(drawer.getByRole('status')).toHaveText('Recorded: Cash out ₫35,000.')
  await expect(drawer.getByTestId('expected-now')).toHaveText('₫585,000')

  // Evening: count by note (580,000 ₫: 5,000 short, within the 20,000 ₫ threshold, so no note is needed) and close.
  await drawer.getByRole('button', { name: 'Count and close' }).click()
  const dialog = page.getByRole('dialog')
  for (const [note, pieces] of [
    ['500000', '1'],
    ['50000', '1'],
    ['20000', '1'],
    ['10000', '1'],
  ] as const)
    await dialog.getByTestId(`count-${note}`).fill(pieces)
  await expect(dialog.getByTestId('counted-total')).toHaveText('₫580,000')
  await expect(dialog.getByTestId('count-difference')).toHaveText('-₫5,000 short')
  await page.screenshot({ path: screenshotPath('cash-close-dialog-en') })
  await dialog.getByRole('button', { name: 'Close the drawer' }).click()

  // The Z report: what was expected, counted and the difference; printed on 80 mm and A4.
  await expect(page.getByTestId('drawer-closed')).toBeVisible()
  await expect(page.getByTestId('z-expected')).toHaveText('₫585,000')
  await expect(page.getByTestId('z-counted')).toHaveText('₫580,000')
  await expect(page.getByTestId('z-difference')).toHaveText('-₫5,000')
  const words = ['Z report · Quầy 2', 'Võ Thị Lan', 'Bought paper', 'Expected cash', '585,000', '580,000', '-₫5,000', 'In Nhanh Sài Gòn']
  await page.screenshot({ path: screenshotPath('cash-z-report-en'), fullPage: true })
  await printZReport(page, 'cash-z-report-80mm-en', 80, words)
  await page.getByRole('link', { name: 'A4' }).click()
  await expect(page.locator('#z-report')).toHaveAttribute('data-format', 'a4')
  await printZReport(page, 'cash-z-report-a4-en', 210, words)
  const zUrl = page.url()
  await context.close()

  // The same screens in Vietnamese.
  const vi = await pageIn(browser, 'vi', LAN)
  await vi.page.goto(zUrl.replace('format=a4', 'format=receipt'))
  await expect(vi.page.getByTestId('z-difference')).toHaveText(/-5\.000\s?₫/)
  await vi.page.screenshot({ path: screenshotPath('cash-z-report-vi'), fullPage: true })
  await printZReport(vi.page, 'cash-z-report-80mm-vi', 80, [msg('vi', 'cash.report.expected'), 'Báo cáo Z · Quầy 2', 'Võ Thị Lan'])
  await vi.page.goto('/front/drawer')
  await expect(vi.page.getByTestId('drawer-Quầy 2')).toContainText(msg('vi', 'cash.closed'))
  await vi.page.screenshot({ path: screenshotPath('cash-drawer-vi'), fullPage: true })
  await vi.context.close()

  // The manager: Lan's difference today, the CSV, in both languages.
  for (const lang of ['en', 'vi'] as const satisfies readonly Lang[]) {
    const m = await pageIn(browser, lang, DEMO.manager)
    await m.page.goto('/manager/cash')
    const row = m.page.getByTestId('difference-row').filter({ hasText: 'Võ Thị Lan' })
    await expect(row).toContainText(lang === 'en' ? '-₫5,000' : /-5\.000\s?₫/)
    await m.page.screenshot({ path: screenshotPath(`cash-manager-${lang}`), fullPage: true })
    if (lang === 'en') {
      const csv = await m.page.request.get((await m.page.getByTestId('cash-csv').getAttribute('href'))!)
      expect(csv.status()).toBe(200)
      expect(await csv.text()).toMatch(/Quầy 2,Võ Thị Lan,.*,500000,585000,580000,-5000,/)
    }
    await m.context.close()
  }
})
