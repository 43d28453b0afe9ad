import { DEMO, expect, test } from './fixtures'

test.describe('sessions', () => {
  test('signing out ends the session: the old cookie no longer opens anything', async ({ page, browser, baseURL }) => {
    await page.goto('/login')
    await page.getByLabel('Email').fill(DEMO.reception)
    await page.getByLabel('Password').fill('handoff-demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/front$/)
    const cookies = await page.context().cookies()
    const session = cookies.find((c) => c.name.endsWith('next-auth.session-token'))
    expect(session?.httpOnly).toBe(true)
    expect(session?.sameSite).toBe('Lax')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/login/)

    const stolen = await browser.newContext({ baseURL })
    await stolen.addCookies(cookies)
    const other = await stolen.newPage()
    await other.goto('/front')
    await expect(other).toHaveURL(/\/login/)
    await stolen.close()
  })
})

test.describe('the proxy is not the security boundary', () => {
  test('a forged x-middleware-subrequest header does not open a staff page', async ({ request }) => {
    const response = await request.get('/manager', {
      headers: { 'x-middleware-subrequest': 'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy' },
      maxRedirects: 0,
    })
    expect([302, 303, 307, 308]).toContain(response.status())
    expect(response.headers()['location']).toMatch(/\/login/)
    expect(await response.text()).not.toContain('Team and skills')
  })

  test('server actions refuse cross-origin posts', async ({ page, login, playwright, baseURL }) => {
    // Two replays that may each wait for the server's refusal: more than a minute on a loaded machine.
    test.slow()
    // Minh Anh, so that switching her language does not disturb the specs that sign in as Hà.
    await login('minhanh@example.com')
    await page.goto('/front')
    // Capture a real server action call (the language switch), then replay it from another origin.
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
      page.getByRole('combobox').selectOption('vi'),
    ])
    const headers = { ...(await request.allHeaders()) }
    const storageState = await page.context().storageState()
    // Leave the page before replaying, so no refresh or live stream of it is still open when the test ends.
    await page.goto('about:blank')
    const api = await playwright.request.newContext({ baseURL, storageState })
    for (const origin of ['https://evil.example', 'null']) {
      const replay = await api.post(request.url(), { headers: { ...headers, origin }, data: request.postData() ?? '', maxRedirects: 0, timeout: 15_000 })
      expect(replay.status(), `Origin ${origin}`).toBeGreaterThanOrEqual(400)
    }
    await api.dispose()
  })
})

test.describe('headers on every response', () => {
  test('pages, redirects, API answers and errors all carry the hardening headers (HSTS: production build)', async ({ request }) => {
    const paths = ['/login', '/manager', '/does-not-exist', '/api/v1/health', '/api/v1/openapi.json', '/api/v1/orders', '/api/back/queue']
    for (const path of paths) {
      const response = await request.get(path, { maxRedirects: 0 })
      const headers = response.headers()
      expect(headers['x-content-type-options'], path).toBe('nosniff')
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
      expect(headers['strict-transport-security'], path).toMatch(/max-age=\d{7,}/)
      expect(headers['x-powered-by'], path).toBeUndefined()
      // Framing is refused twice over: X-Frame-Options everywhere, and the CSP's frame-ancestors on everything with
      // content (the proxy's redirect to the login page has none to frame).
      expect(headers['x-frame-options'], path).toBe('DENY')
      if (response.status() < 300 || response.status() >= 400) expect(headers['content-security-policy'] ?? '', path).toContain("frame-ancestors 'none'")
      expect(headers['content-security-policy'] ?? '', path).not.toContain('unsafe-eval')
    }
  })

  test('API answers are never cached and never stack traces', async ({ request }) => {
    const response = await request.post('/api/v1/orders', { headers: { authorization: 'Bearer hof_' + 'x'.repeat(43), 'content-type': 'application/json' }, data: '{"broken": ' })
    expect(response.status()).toBe(401)
    expect(response.headers()['cache-control']).toContain('no-store')
    expect(await response.text()).not.toMatch(/\n\s+at |node_modules|prisma/i)
  })
})
