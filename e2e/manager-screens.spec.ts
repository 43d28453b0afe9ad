// Every manager screen renders for the manager at desktop, tablet and phone widths without script errors, passes an
// automated accessibility check, and is refused to people whose skills do not cover it.
import AxeBuilder from '@axe-core/playwright'
import { DEMO, expect, screenshotPath, test } from './fixtures'

const SCREENS = [
  { path: '/manager', name: 'overview', heading: 'Cross-training overview' },
  { path: '/manager/roster', name: 'roster', heading: 'Roster' },
  { path: '/manager/roster/suggested', name: 'roster-suggested', heading: 'Suggested roster' },
  { path: '/manager/absences', name: 'absences', heading: 'Absences and handover' },
  { path: '/manager/team', name: 'team', heading: 'Team' },
  { path: '/manager/catalog', name: 'catalog', heading: 'Catalog' },
  { path: '/manager/kpis', name: 'kpis', heading: 'KPIs' },
  { path: '/manager/settings', name: 'settings', heading: 'Business settings' },
  { path: '/account', name: 'account', heading: 'My account' },
] as const

const WIDTHS = [1280, 768, 390] as const

for (const screen of SCREENS) {
  test(`${screen.path} renders at every width, accessibly`, async ({ page, login }) => {
    // Three widths, full-page screenshots and an axe run over a long page take a while on two cores.
    test.setTimeout(180_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      // Failed requests are judged below by URL (the browser's own favicon request is not ours to judge).
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text())
    })
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`)
    })
    await login(DEMO.manager)
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      const response = await page.goto(screen.path)
      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible()
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: screenshotPath(`manager-${screen.name}-${width}`), fullPage: true })
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(screen.path)
    await page.waitForLoadState('networkidle')
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(
      serious.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([])
    expect(errors).toEqual([])
  })
}

test('the overview panels and charts, close up', async ({ page, login }) => {
  await login(DEMO.manager)
  for (const width of [1280, 768] as const) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('/manager')
    await page.getByTestId('skills-matrix').screenshot({ path: screenshotPath(`manager-matrix-${width}`) })
    await page.getByTestId('cover-now').screenshot({ path: screenshotPath(`manager-cover-panel-${width}`) })
    await page.getByTestId('cover-index').screenshot({ path: screenshotPath(`manager-cover-index-${width}`) })
    await page.goto('/manager/kpis')
    await expect(page.getByTestId('kpi-orders').locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible()
    await page.getByTestId('kpi-orders').screenshot({ path: screenshotPath(`manager-kpi-orders-${width}`) })
    await page.getByTestId('kpi-stages').screenshot({ path: screenshotPath(`manager-kpi-stages-${width}`) })
  }
  // Every chart has a summary as its accessible name and its numbers in a table.
  for (const id of ['orders', 'stages', 'late', 'waiting', 'receivables']) {
    const figure = page.getByTestId(`kpi-${id}`)
    await expect(figure.locator('div[role="img"]')).toHaveAttribute('aria-label', /\w+/)
    await figure.getByText('Show the data').click()
    await expect(figure.getByRole('table')).toBeVisible()
  }
})

test.describe('only managers reach the manager area', () => {
  for (const email of [DEMO.reception, DEMO.backoffice, DEMO.bao]) {
    test(`${email} is refused the team screens`, async ({ page, login }) => {
      await login(email)
      for (const path of ['/manager', '/manager/absences', '/manager/team', '/manager/kpis', '/manager/settings']) {
        expect((await page.goto(path))?.status(), path).toBe(403)
      }
    })
  }

  test('a receptionist certified for the catalog gets the catalog only', async ({ page, login }) => {
    // Hà: RECEPTIONIST with MANAGE_CATALOG 2.
    await login(DEMO.reception)
    expect((await page.goto('/manager/catalog'))?.status()).toBe(200)
    const sections = page.locator('header').getByRole('link')
    await expect(sections.filter({ hasText: 'Catalog' })).toBeVisible()
    await expect(sections.filter({ hasText: 'KPIs' })).toHaveCount(0)
    expect((await page.goto('/manager/team'))?.status()).toBe(403)
  })

  test('everyone reaches their own account page', async ({ page, login }) => {
    await login(DEMO.bao)
    expect((await page.goto('/account'))?.status()).toBe(200)
    await expect(page.getByRole('button', { name: 'Start lunch now' })).toBeVisible()
  })
})
