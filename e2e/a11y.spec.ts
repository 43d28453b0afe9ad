// axe-core on every page of the app, in English and in Vietnamese: no serious or critical violation. The list of
// pages is checked against src/app, so a new page without an entry here fails the suite. Plus the intake flow with
// the keyboard alone (tab order, visible focus) and its controls found by their accessible names in both languages.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { demoIds, expectAccessible, LANGS, msg, msgRe, pageIn, type Lang } from './a11y-support'
import { DEMO, expect, sql, test } from './fixtures'

type Ids = Awaited<ReturnType<typeof demoIds>>
type Entry = {
  /** The route as src/app spells it (route groups removed), or `<file>:<route>` for 404/403 pages. */
  route: string
  /** Who looks at it (null: signed out). */
  as: string | null
  url: (ids: Ids) => string
  status?: number
  /** More checks on that page. */
  also?: (page: Page) => Promise<void>
}

/** The skills grid says each level in a number (and a pattern), not in colour alone. */
async function skillsGridHasText(page: Page) {
  const cells = page.locator('[data-testid^="cell-"][data-level]')
  expect(await cells.count()).toBeGreaterThan(20)
  const mismatched = await cells.evaluateAll((els) => els.filter((el) => el.textContent?.trim() !== el.getAttribute('data-level')).length)
  expect(mismatched, 'every skills cell shows its level as text').toBe(0)
}

const PAGES: Entry[] = [
  { route: '/', as: DEMO.reception, url: () => '/' },
  { route: '/login', as: null, url: () => '/login' },
  { route: '/account', as: DEMO.reception, url: () => '/account' },
  { route: '/front', as: DEMO.reception, url: () => '/front' },
  { route: '/front/desk', as: DEMO.reception, url: (ids) => `/front/desk?q=${ids.readyPhone}` },
  { route: '/front/orders/new', as: DEMO.reception, url: () => '/front/orders/new' },
  { route: '/front/orders/[id]', as: DEMO.reception, url: (ids) => `/front/orders/${ids.readyOrder}` },
  { route: '/front/orders/[id]/ticket', as: DEMO.reception, url: (ids) => `/front/orders/${ids.readyOrder}/ticket` },
  { route: '/front/ready', as: DEMO.reception, url: () => '/front/ready' },
  { route: '/front/drawer', as: DEMO.reception, url: () => '/front/drawer' },
  { route: '/front/drawer/sessions/[id]', as: DEMO.reception, url: (ids) => `/front/drawer/sessions/${ids.cashSession}` },
  { route: '/back', as: DEMO.backoffice, url: () => '/back' },
  { route: '/back/orders/[id]', as: DEMO.backoffice, url: (ids) => `/back/orders/${ids.openOrder}` },
  { route: '/back/billing', as: DEMO.backoffice, url: () => '/back/billing' },
  { route: '/back/invoices/[id]', as: DEMO.backoffice, url: (ids) => `/back/invoices/${ids.invoice}` },
  { route: '/back/credit-notes/[id]', as: DEMO.backoffice, url: (ids) => `/back/credit-notes/${ids.creditNote}` },
  { route: '/back/receivables', as: DEMO.backoffice, url: () => '/back/receivables' },
  { route: '/back/transfers', as: DEMO.backoffice, url: () => '/back/transfers' },
  { route: '/manager', as: DEMO.manager, url: () => '/manager', also: skillsGridHasText },
  { route: '/manager/absences', as: DEMO.manager, url: () => '/manager/absences' },
  { route: '/manager/team', as: DEMO.manager, url: () => '/manager/team' },
  { route: '/manager/catalog', as: DEMO.manager, url: () => '/manager/catalog' },
  { route: '/manager/kpis', as: DEMO.manager, url: () => '/manager/kpis' },
  { route: '/manager/settings', as: DEMO.manager, url: () => '/manager/settings' },
  { route: '/manager/api-tokens', as: DEMO.manager, url: () => '/manager/api-tokens' },
  { route: '/manager/messages', as: DEMO.manager, url: () => '/manager/messages' },
  { route: '/manager/cash', as: DEMO.manager, url: () => '/manager/cash' },
  { route: '/manager/roster', as: DEMO.manager, url: () => '/manager/roster' },
  { route: '/manager/roster/suggested', as: DEMO.manager, url: () => '/manager/roster/suggested' },
  { route: '/m/opt-out/[token]', as: null, url: () => `/m/opt-out/${crypto.randomUUID()}.not-signed` },
  { route: '/track/[token]', as: null, url: (ids) => `/track/${ids.trackingToken}` },
  { route: '/developers/api', as: null, url: () => '/developers/api' },
  { route: 'not-found:/', as: DEMO.reception, url: () => `/front/orders/${crypto.randomUUID()}`, status: 404 },
  { route: 'not-found:/track/[token]', as: null, url: () => `/track/${'x'.repeat(32)}`, status: 404 },
  // Bảo is still in training for orders (level 1): the intake is not his.
  { route: 'forbidden:/', as: DEMO.bao, url: () => '/front/orders/new', status: 403 },
]

/** Pages (and 404/403 screens) as the file system has them. error.tsx cannot be reached on purpose, so it is left out. */
function discoveredRoutes(): string[] {
  const appDir = path.join(import.meta.dirname, '../src/app')
  const routeOf = (dir: string) =>
    `/${dir
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .join('/')}`
  return readdirSync(appDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ['page.tsx', 'not-found.tsx', 'forbidden.tsx'].includes(e.name))
    .map((e) => {
      const route = routeOf(path.relative(appDir, e.parentPath)).replace(/\/$/, '') || '/'
      return e.name === 'page.tsx' ? route : `${e.name.replace('.tsx', '')}:${route}`
    })
    .sort()
}

test('every page of the app has an accessibility entry', () => {
  expect(PAGES.map((p) => p.route).sort()).toEqual(discoveredRoutes())
})

async function visit(page: Page, entry: Entry, ids: Ids) {
  const response = await page.goto(entry.url(ids))
  expect(response?.status(), entry.route).toBe(entry.status ?? 200)
  await expect(page.locator('h1').first()).toBeVisible()
}

const WHO: Array<{ name: string; as: string | null }> = [
  { name: 'signed out', as: null },
  { name: 'reception', as: DEMO.reception },
  { name: 'back office', as: DEMO.backoffice },
  { name: 'manager', as: DEMO.manager },
  { name: 'in training', as: DEMO.bao },
]

for (const lang of LANGS) {
  test.describe(`axe, ${lang}`, () => {
    for (const who of WHO) {
      test(`every page for ${who.name} has no serious or critical violation`, async ({ browser }, testInfo) => {
        // Several pages per test (one sign-in each): allow several seconds per page on a busy machine.
        test.setTimeout(240_000)
        const entries = PAGES.filter((p) => p.as === who.as)
        const ids = await demoIds()
        const { context, page } = await pageIn(browser, lang, who.as)
        for (const entry of entries) {
          await test.step(entry.route, async () => {
            await visit(page, entry, ids)
            await expect(page.locator('html')).toHaveAttribute('lang', lang)
            await expectAccessible(page, `${lang} ${entry.route}`, testInfo)
            await entry.also?.(page)
          })
        }
        await context.close()
      })
    }
  })
}

test.describe('the staff setting decides the language, else the browser', () => {
  // Tài is not used by other specs; his language is put back at the end.
  const TAI = 'tai@example.com'
  test.afterAll(async () => {
    await sql(`UPDATE "User" SET locale = NULL WHERE email = $1`, [TAI])
  })

  test('setting beats browser; no setting follows the browser; the tracking page follows the browser', async ({ browser }) => {
    const ids = await demoIds()
    for (const [setting, browserLang, expected] of [
      ['en', 'vi', 'en'],
      ['vi', 'en', 'vi'],
      [null, 'vi', 'vi'],
      [null, 'en', 'en'],
    ] as const) {
      await sql(`UPDATE "User" SET locale = $2 WHERE email = $1`, [TAI, setting])
      const { context, page } = await pageIn(browser, browserLang, TAI)
      await page.goto('/back')
      await expect(page.locator('html'), `setting ${setting}, browser ${browserLang}`).toHaveAttribute('lang', expected)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(msg(expected, 'back.queue.title'))
      await context.close()
    }
    for (const lang of LANGS) {
      const { context, page } = await pageIn(browser, lang, null)
      await page.goto(`/track/${ids.trackingToken}`)
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      await context.close()
    }
  })
})

// ---------------------------------------------------------------------------------------------------------------
// The intake with the keyboard and a screen reader's names

function intakeNames(lang: Lang) {
  return {
    title: msg(lang, 'front.intake.title'),
    customerSearch: msgRe(lang, 'front.intake.customer.searchLabel'),
    productSearch: msgRe(lang, 'front.intake.products.searchLabel'),
    dueDate: msg(lang, 'front.intake.due.date'),
    deposit: msg(lang, 'front.intake.deposit.amount'),
    submit: msgRe(lang, 'front.intake.submit'),
    nav: msg(lang, 'common.nav.mainNavigation'),
    skip: msg(lang, 'common.nav.skipToContent'),
  }
}

/** What has the focus, and whether it shows: an outline (or a box-shadow ring) must be drawn. */
async function focusInfo(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    const s = getComputedStyle(el)
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
    const ring = s.boxShadow !== 'none' && s.boxShadow !== ''
    return {
      tag: el.tagName.toLowerCase(),
      name: (
        el.getAttribute('aria-label') ??
        (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
        el.closest('label')?.textContent ??
        el.textContent ??
        ''
      )
        .trim()
        .slice(0, 40),
      focusVisible: el.matches(':focus-visible'),
      visible: outline || ring,
      top: el.getBoundingClientRect().top + window.scrollY,
    }
  })
}

for (const lang of LANGS) {
  test(`intake with the keyboard and by accessible names (${lang})`, async ({ browser }, testInfo) => {
    const n = intakeNames(lang)
    const { context, page } = await pageIn(browser, lang, DEMO.reception)

    // The skip link is the first stop on a staff page, and it shows when focused.
    await page.goto('/front')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: n.skip })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    expect((await focusInfo(page))?.visible, 'the skip link shows its focus').toBe(true)

    await page.goto('/front/orders/new')
    await expect(page.getByRole('heading', { level: 1, name: n.title })).toBeVisible()

    // Names a screen reader announces.
    await expect(page.getByRole('navigation', { name: n.nav })).toBeVisible()
    const customerSearch = page.getByRole('combobox', { name: n.customerSearch })
    await expect(customerSearch).toBeFocused()
    await expect(page.getByRole('combobox', { name: n.productSearch })).toBeVisible()
    await expect(page.getByLabel(n.dueDate, { exact: true })).toBeVisible()
    await expect(page.getByLabel(n.deposit)).toBeVisible()
    await expect(page.getByRole('button', { name: n.submit })).toBeVisible()

    // Alt+N: a new customer inline, its fields labelled, Esc back to the search.
    await page.keyboard.press('Alt+KeyN')
    const newName = page.getByLabel(msg(lang, 'front.intake.customer.name'), { exact: true })
    await expect(newName).toBeFocused()
    await expect(page.getByLabel(msg(lang, 'front.intake.customer.phone'), { exact: true })).toBeVisible()
    await expectAccessible(page, `${lang} intake, new customer form`, testInfo)
    await page.keyboard.press('Escape')
    await expect(customerSearch).toBeFocused()

    // Tab through the form: every stop is visibly focused, and the stops follow the reading order of the form.
    await customerSearch.focus()
    const stops: NonNullable<Awaited<ReturnType<typeof focusInfo>>>[] = []
    // (Date and time fields take one stop per part: day, month, year, hours, minutes…)
    for (let i = 0; i < 30; i++) {
      const info = await focusInfo(page)
      if (!info) break
      stops.push(info)
      if (info.tag === 'button' && n.submit.test(info.name)) break
      await page.keyboard.press('Tab')
    }
    await testInfo.attach(`tab stops ${lang}`, { body: JSON.stringify(stops, null, 2), contentType: 'application/json' })
    // Every stop draws a ring (the :focus-visible outline; date and time fields focus a part inside them, so they are
    // :focus rather than :focus-visible and carry the same outline explicitly).
    for (const s of stops) expect(s.visible, `${s.tag} "${s.name}" shows its focus`).toBe(true)
    expect(stops.filter((s) => s.focusVisible).length, 'keyboard focus counts as :focus-visible').toBeGreaterThan(stops.length / 2)
    const names = stops.map((s) => s.name)
    console.log(`tab stops (${lang}): ${names.join(' → ')}`)
    const indexOf = (re: RegExp) => names.findIndex((x) => re.test(x))
    const order = [n.customerSearch, n.productSearch, new RegExp(n.dueDate), new RegExp(n.deposit), n.submit].map(indexOf)
    expect(
      order.every((i) => i >= 0),
      `tab stops: ${names.join(' → ')}`,
    ).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    await context.close()
  })
}
