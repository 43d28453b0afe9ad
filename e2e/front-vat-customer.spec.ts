// A company customer who wants a VAT invoice, added at the counter with the keyboard (issue 19, docs/decisions/026),
// in both languages: the toggle reveals tax code, legal name and address; a wrong check digit is refused on its field
// before anything is saved; once fixed, the customer is stored with the details the e-invoice will carry.
import { randomBytes } from 'node:crypto'
import { LANGS, msg, pageIn } from './a11y-support'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

/** A valid 10-digit MST (check digit rule in src/domain/tax-code.ts) and the same code with its last digit wrong. */
const GOOD_MST = '0100233488'
const BAD_MST = '0100233480'

for (const lang of LANGS) {
  test(`a receptionist adds a company customer with VAT invoice details (${lang})`, async ({ browser }) => {
    test.setTimeout(120_000)
    const c = (key: string) => msg(lang, `common.invoiceDetails.${key}`)
    const word = Array.from(randomBytes(6), (b) => 'bcdfghklmnpqrstvxz'[b % 18]).join('')
    const contact = `Phạm Văn ${word[0]!.toUpperCase()}${word.slice(1)}`
    const company = `Công ty TNHH In Ấn ${word.toUpperCase()}`
    const { page, context } = await pageIn(browser, lang, DEMO.reception)
    await page.goto('/front/orders/new')
    const k = page.keyboard
    await expect(page.getByRole('combobox', { name: msg(lang, 'front.intake.customer.searchLabel') })).toBeFocused()
    await k.press('Alt+N')
    await expect(page.getByLabel(msg(lang, 'front.intake.customer.name'), { exact: true })).toBeFocused()
    await k.type(contact, { delay: 20 })

    // The details stay out of the way until asked for: off by default, no tax code field.
    const toggle = page.getByRole('checkbox', { name: c('wanted') })
    await expect(toggle).not.toBeChecked()
    await expect(page.getByLabel(c('taxCode'))).toHaveCount(0)
    for (let i = 0; i < 6 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await k.press('Tab')
    await expect(toggle).toBeFocused()
    await k.press('Space')
    await expect(toggle).toBeChecked()
    // Turning it on does not move the focus; Tab goes on to the tax code.
    await expect(toggle).toBeFocused()
    await k.press('Tab')
    await expect(page.getByLabel(c('taxCode'))).toBeFocused()
    await k.type(BAD_MST.replace(/^(\d{4})(\d{3})/, '$1.$2.'), { delay: 20 })
    await k.press('Tab')
    await expect(page.getByLabel(c('legalName'))).toBeFocused()
    // Checked when the tax code is left, while the customer is still at the counter.
    await expect(page.getByText(msg(lang, 'validation.taxCode.checkDigit')).first()).toBeVisible()
    await k.type(company, { delay: 10 })
    await k.press('Tab')
    await k.type('12 Lê Lợi, Quận 1, TP. Hồ Chí Minh', { delay: 10 })
    await page.screenshot({ path: screenshotPath(`front-vat-customer-${lang}`), fullPage: true })

    // Enter refuses to save while the tax code is wrong: nothing is written.
    await k.press('Enter')
    await expect(page.getByText(msg(lang, 'validation.taxCode.checkDigit')).first()).toBeVisible()
    expect(await sql(`SELECT 1 FROM "Customer" WHERE name = $1`, [contact])).toHaveLength(0)

    // Fixed: saved with the details, normalised as they will be printed.
    const taxCode = page.getByLabel(c('taxCode'))
    await taxCode.focus()
    await k.press('ControlOrMeta+A')
    await k.type(GOOD_MST, { delay: 20 })
    await k.press('Enter')
    await expect(page.getByTestId('selected-customer')).toContainText(contact)
    const [stored] = await sql<{ taxCode: string; legalName: string; invoiceAddress: string }>(
      `SELECT "taxCode", "legalName", "invoiceAddress" FROM "Customer" WHERE name = $1`,
      [contact],
    )
    expect(stored).toEqual({ taxCode: GOOD_MST, legalName: company, invoiceAddress: '12 Lê Lợi, Quận 1, TP. Hồ Chí Minh' })
    await page.screenshot({ path: screenshotPath(`front-vat-customer-saved-${lang}`), fullPage: true })
    await context.close()
  })
}
