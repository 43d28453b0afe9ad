// E-invoices end to end (issue 19, ADR 023 and 025), in both languages: the manager sets the shop up for Viettel
// SInvoice on the settings screen (the e2e server runs a local stand-in at HANDOFF_VIETTEL_API_URL, and answers its
// first invoices late so "waiting" can be seen), tests the connection; the workshop invoices a finished order, sees
// the e-invoice waiting, then issued with the provider's number and lookup code, and prints it: the PDF carries the
// lookup code and the amount in words.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { amountInWordsVnd } from '../src/domain/amount-in-words'
import { LANGS, msg, pageIn } from './a11y-support'
import { makeCustomer, makeOrder } from './back-support'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

/** What the local SInvoice stand-in (tests/support/sinvoice-stub.ts) accepts. */
const STUB = { username: 'handoff-test', password: 'sinvoice-secret' }
const norm = (s: string) => s.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, '')
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test.describe.configure({ mode: 'serial' })

for (const lang of LANGS) {
  test(`the manager sets e-invoices up, the workshop issues and prints one (${lang})`, async ({ browser }) => {
    test.setTimeout(150_000)
    const m = (key: string) => msg(lang, `manager.einvoice.${key}`)

    // The manager: seller, template, symbol, provider and its credentials; a wrong tax code is refused on its field.
    const manager = await pageIn(browser, lang, DEMO.manager)
    await manager.page.goto('/manager/settings')
    const form = manager.page.getByTestId('einvoice-settings-form')
    await expect(form.getByRole('heading', { name: m('title') })).toBeVisible()
    await form.getByLabel(m('taxId'), { exact: true }).fill('0100109107')
    await form.getByLabel(m('legalName'), { exact: true }).fill('Công ty TNHH In Nhanh Sài Gòn')
    await form.getByLabel(m('address'), { exact: true }).fill('123 Nguyễn Thị Minh Khai, Phường Bến Thành, TP. Hồ Chí Minh')
    await form.getByLabel(m('invoiceTemplate'), { exact: true }).selectOption('1')
    await form.getByLabel(m('invoiceSymbol'), { exact: true }).fill('c26taa')
    await form.getByLabel(m('provider'), { exact: true }).selectOption('VIETTEL')
    await form.getByLabel(m('username'), { exact: true }).fill(STUB.username)
    await form.getByLabel(m('secret'), { exact: true }).fill(STUB.password)
    await form.getByRole('button', { name: m('save') }).click()
    await expect(form.getByText(m('errors.taxCode.checkDigit'))).toBeVisible()
    await form.getByLabel(m('taxId'), { exact: true }).fill('0100109106-506')
    await form.getByRole('button', { name: m('save') }).click()
    await expect(form.getByText(m('saved'))).toBeVisible()
    // Write-only: the password field is empty again and says one is saved; the symbol is shown as stored.
    await expect(form.getByLabel(m('secret'), { exact: true })).toHaveValue('')
    await expect(form.getByText(m('secretSaved'))).toBeVisible()
    await expect(form.getByLabel(m('invoiceSymbol'), { exact: true })).toHaveValue('C26TAA')
    await form.getByRole('button', { name: m('test') }).click()
    await expect(form.getByText(m('testOk'))).toBeVisible()
    await form.screenshot({ path: screenshotPath(`einvoice-settings-${lang}`) })
    await manager.context.close()

    // The workshop invoices a finished order: 2 x 50,000 at 8 % = 108,000.
    const { context, page } = await pageIn(browser, lang, DEMO.backoffice)
    const customer = await makeCustomer('Công ty TNHH')
    const order = await makeOrder({
      customerId: customer.id,
      lines: [{ description: 'Danh thiếp (hộp 100)', quantity: 2, unitPrice: 50_000, taxRateBp: 800, qtyFulfilled: 2 }],
    })
    await page.goto(`/back/orders/${order.id}`)
    const invoiceButton = new RegExp(`^(${escape(msg(lang, 'back.invoice.issueShort'))}|${escape(msg(lang, 'back.invoice.issue'))})$`)
    await page.getByTestId('order-billing').getByRole('button', { name: invoiceButton }).click()
    const confirm = page.getByRole('dialog', { name: msg(lang, 'back.invoice.confirmTitle') })
    await confirm.getByRole('button', { name: msg(lang, 'back.invoice.confirm') }).click()
    await expect(page.getByTestId('issued-invoices')).toContainText(msg(lang, 'back.invoice.issued'))
    const [invoice] = await sql<{ id: string; total: number }>(`SELECT id, total FROM "Invoice" WHERE "orderId" = $1`, [order.id])
    expect(invoice!.total).toBe(108_000)

    // Waiting while the provider takes its time, then issued with its number and lookup code, without a reload.
    await page.goto(`/back/invoices/${invoice!.id}`)
    const status = page.getByTestId('einvoice-status')
    await expect(status).toHaveText(msg(lang, 'back.document.einvoice.status.WAITING'))
    await page.screenshot({ path: screenshotPath(`einvoice-waiting-${lang}`), fullPage: true })
    await expect(status).toHaveText(msg(lang, 'back.document.einvoice.status.ISSUED'), { timeout: 45_000 })
    const [issued] = await sql<{ providerNumber: string; lookupCode: string }>(
      `SELECT "providerNumber", "lookupCode" FROM "EInvoice" WHERE "invoiceId" = $1`,
      [invoice!.id],
    )
    expect(issued!.providerNumber).toMatch(/^C26TAA\d+$/)
    expect(issued!.lookupCode).toMatch(/^RC\d+$/)
    const block = page.getByTestId('einvoice')
    await expect(block).toContainText(issued!.providerNumber)
    await expect(page.getByTestId('einvoice-lookup')).toContainText(issued!.lookupCode)
    const words = amountInWordsVnd(108_000)
    await expect(block).toContainText(words)
    await page.screenshot({ path: screenshotPath(`einvoice-issued-${lang}`), fullPage: true })

    // On paper: the lookup code and the amount in words.
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    const file = screenshotPath(`einvoice-print-${lang}`).replace(/\.png$/, '.pdf')
    writeFileSync(file, pdf)
    const text = norm(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'))
    expect(text).toContain(norm(issued!.lookupCode))
    expect(text).toContain(norm(issued!.providerNumber))
    expect(text).toContain(norm(words))
    await context.close()
  })
}
