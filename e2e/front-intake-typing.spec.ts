// Issue 14, "nothing typed is ever lost": a receptionist types a 3-line order at 5–8 keys a second while the server is
// slow (every product lookup answers after 0.8 s) on a slow machine (CPU throttled 4×). Every run must end with the
// 3 lines and their quantities, and nothing left over in the product search. 20 runs on one loaded page (the form is
// emptied between runs), so the test stays inside CI's budget.
import { randomBytes } from 'node:crypto'
import { customerSearchText } from '../src/domain/search'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

const RUNS = 20
/** Milliseconds between keys: 5 to 8 keys a second, at random like a person (a fixed beat would test one timing). */
const keyDelay = () => 125 + Math.floor(Math.random() * 75)
const SEQUENCE = 'to roi a5\n2\nposter a1\n3\nep plastic a4\n10\n'
/**
 * Run 1 types the sequence as written; later runs change the case of some letters (the search ignores case), so no
 * answer remembered from an earlier run can stand in for a slow lookup: every run meets the slow path.
 */
function typedIn(sequence: string, run: number): string {
  if (run === 1) return sequence
  return [...sequence].map((c, i) => ((i * 31 + run * 17) % 23 < 4 ? c.toUpperCase() : c)).join('')
}

const EXPECTED = [
  { name: 'Tờ rơi A5', quantity: '2' },
  { name: 'Poster A1', quantity: '3' },
  { name: 'Ép plastic A4', quantity: '10' },
]

test('typing a 3-line order fast on a slow server and a slow machine keeps every line, 20 times out of 20', async ({ page, login }) => {
  test.setTimeout(420_000)
  const word = Array.from(randomBytes(6), (b) => 'bcdfghklmnpqrstvxz'[b % 18]).join('')
  const name = `Hồ Thị ${word}`
  const phone = `03${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  await sql(`INSERT INTO "Customer" (id, name, phone, "searchText", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now())`, [
    name,
    phone,
    customerSearchText({ name, phone }),
  ])
  await login(DEMO.reception)
  // A busy server or a slow network: every product lookup (search or catalog) answers after 0.8 s.
  await page.route('**/front/lookup/products**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800))
    await route.continue()
  })
  await page.goto('/front/orders/new')
  await page.keyboard.type(phone.slice(-6))
  await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('selected-customer')).toContainText(name)
  const search = page.getByRole('combobox', { name: 'Add a product' })
  await expect(search).toBeFocused()

  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const lines = page.getByTestId('order-line')
  const failures: string[] = []
  for (let run = 1; run <= RUNS; run++) {
    await search.focus()
    // Keys at a person's pace measured from the start, not after each key's acknowledgement (which the throttled page
    // slows down): the next key goes when it is due, however long the page took over the last one.
    let due = Date.now()
    for (const [i, key] of [...typedIn(SEQUENCE, run)].entries()) {
      // Mid-typing, once: the first line added, its quantity typed, the second product being typed.
      if (run === 1 && i === 17) await page.screenshot({ path: screenshotPath('front-intake-typing-midway'), fullPage: true })
      await page.keyboard.press(key === '\n' ? 'Enter' : key)
      due += keyDelay()
      const wait = due - Date.now()
      if (wait > 0) await page.waitForTimeout(wait)
    }
    // What the receptionist sees once the screen has caught up: the lines, their quantities, an empty product search.
    await expect(search).toBeFocused()
    await expect(lines)
      .toHaveCount(3, { timeout: 3_000 })
      .catch(() => {})
    const got = await lines.evaluateAll((rows) =>
      rows.map((row) => ({
        name: row.querySelector('p')?.textContent ?? '',
        quantity: (row.querySelector('input[inputmode="numeric"]') as HTMLInputElement | null)?.value ?? '',
      })),
    )
    const left = await search.inputValue()
    const ok =
      got.length === 3 && EXPECTED.every((e, i) => got[i]?.name.startsWith(e.name) && got[i]?.quantity === e.quantity) && left === ''
    if (!ok) failures.push(`run ${run}: ${JSON.stringify(got)} search="${left}"`)
    if (run === 1) await page.screenshot({ path: screenshotPath('front-intake-typing'), fullPage: true })
    // Empty the form for the next run: remove the lines, clear the search.
    while ((await lines.count()) > 0)
      await lines
        .first()
        .getByRole('button', { name: /^Remove line/ })
        .click()
    await search.fill('')
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  expect(failures, `${failures.length} of ${RUNS} runs lost typing`).toEqual([])
})
