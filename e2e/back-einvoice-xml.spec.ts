import { readFile } from 'node:fs/promises'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'
import { makeCustomer, makeOrder } from './back-support'

// The e-invoice XML for a provider that takes files (docs/decisions/024): the invoice page's link downloads the file.
test('invoice page: Download XML gives the invoice in the tax authority format', async ({ page, login }) => {
  const [before] = await sql<{ invoiceSymbol: string }>(`SELECT "invoiceSymbol" FROM "BusinessSettings" WHERE id = 1`)
  await sql(`UPDATE "BusinessSettings" SET "invoiceSymbol" = 'C26TAA' WHERE id = 1`)
  try {
    await login(DEMO.backoffice)
    const customer = await makeCustomer('Công ty')
    const order = await makeOrder({
      customerId: customer.id,
      lines: [
        { description: 'Tờ rơi A5 & A6', quantity: 10, unitPrice: 25_000, taxRateBp: 800, qtyFulfilled: 10 },
        { description: 'Poster A2', quantity: 2, unitPrice: 50_000, taxRateBp: 1000, qtyFulfilled: 2 },
      ],
    })
    await page.goto(`/back/orders/${order.id}`)
    await page.getByTestId('order-billing').getByRole('button', { name: 'Invoice' }).click()
    await page.getByRole('dialog', { name: 'Issue this invoice?' }).getByRole('button', { name: 'Issue invoice' }).click()
    await page.getByTestId('issued-invoices').getByRole('link').click()
    const sheet = page.getByTestId('invoice-document')
    await expect(sheet).toContainText('₫380,000')
    const number = (await page.getByTestId('document-number').textContent())!.trim()
    // The number under the symbol is the invoice's yearly sequence ("HĐ-2026-000123" -> 123).
    const seq = String(Number(/-(\d+)$/.exec(number)![1]))

    const link = page.getByRole('link', { name: 'Download XML' })
    await expect(link).toBeVisible()
    await page.screenshot({ path: screenshotPath('back-invoice-xml-link'), fullPage: true })
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toBe(`C26TAA-${seq}.xml`)
    const xml = await readFile((await download.path())!, 'utf8')
    expect(xml).toContain('<?xml version="1.0" encoding="UTF-8"?>')
    expect(xml).toContain(`<SHDon>${seq}</SHDon>`)
    expect(xml).toContain(`<DLieu>${number}</DLieu>`)
    expect(xml).toContain('<THHDVu>Tờ rơi A5 &amp; A6</THHDVu>')
    expect(xml).toContain('<TgTTTBSo>380000</TgTTTBSo>')
    expect(xml).toContain('<TgTTTBChu>Ba trăm tám mươi nghìn đồng</TgTTTBChu>')

    // A credit note is an adjusting invoice that names this one.
    const credit = page.getByTestId('credit-form')
    await credit.getByLabel('Quantity to credit: Poster A2').fill('1')
    await credit.getByLabel('Reason (printed on the credit note)').fill('Poster bị trầy')
    await credit.getByRole('button', { name: 'Issue credit note' }).click()
    await credit.getByRole('status').getByRole('link').click()
    await expect(page.getByTestId('credit-note-document')).toContainText('Poster bị trầy')
    const [adjusting] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download XML' }).click()])
    expect(adjusting.suggestedFilename()).toMatch(/^C26TAA-\d+\.xml$/)
    const adjustingXml = await readFile((await adjusting.path())!, 'utf8')
    expect(adjustingXml).toContain(`<SHDCLQuan>${seq}</SHDCLQuan>`)
    expect(adjustingXml).toContain('<GChu>Poster bị trầy</GChu>')
    expect(adjustingXml).toContain('<TgTTTBSo>-55000</TgTTTBSo>')
    await page.screenshot({ path: screenshotPath('back-credit-note-xml-link'), fullPage: true })
  } finally {
    await sql(`UPDATE "BusinessSettings" SET "invoiceSymbol" = $1 WHERE id = 1`, [before!.invoiceSymbol])
  }
})
