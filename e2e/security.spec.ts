import { DEMO, expect, screenshotPath, test } from './fixtures'

test.describe('sessions', () => {
  test('signing out ends the session: the old cookie no longer opens anything', async ({ page, browser, baseURL }) => {
    // Lan, whom no other spec signs in as: signing out ends all of a person's sessions, and Hà's are in use by specs
    // running beside this one.
    await page.goto('/login')
    await page.getByLabel('Email').fill('lan@example.com')
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
    // Close the page before replaying, so no refresh or live stream of it is still open when the test ends (navigating
    // it to about:blank could wait on the language switch's own refresh under load).
    await page.close()
    const api = await playwright.request.newContext({ baseURL, storageState })
    const own = new URL(baseURL!)
    // A foreign site, an opaque origin, and this very host under the other scheme (https for this http deployment):
    // each refused by the proxy with 403 in the API's error format, before Next's action handler (which answered
    // 500 to the first two and ran the action for the third).
    for (const origin of ['https://evil.example', 'null', `https://${own.host}`]) {
      const replay = await api.post(request.url(), {
        headers: { ...headers, origin },
        data: request.postData() ?? '',
        maxRedirects: 0,
        timeout: 15_000,
      })
      expect(replay.status(), `Origin ${origin}`).toBe(403)
      expect(await replay.json(), `Origin ${origin}`).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } })
      expect(replay.headers()['x-content-type-options'], `Origin ${origin}`).toBe('nosniff')
    }
    // The same request from the app's own origin still runs the action.
    const same = await api.post(request.url(), {
      headers: { ...headers, origin: own.origin },
      data: request.postData() ?? '',
      maxRedirects: 0,
      timeout: 15_000,
    })
    expect(same.status()).toBe(200)
    await api.dispose()
  })
})

test.describe('requests the app cannot route', () => {
  const HARDENED = (headers: Record<string, string>, label: string) => {
    expect(headers['x-content-type-options'], label).toBe('nosniff')
    expect(headers['x-frame-options'], label).toBe('DENY')
    expect(headers['strict-transport-security'], label).toMatch(/max-age=\d{7,}/)
    expect(headers['content-security-policy'] ?? '', label).toContain("frame-ancestors 'none'")
  }

  test('addresses that are not valid percent-encoding are 400 with the usual headers, signed in or not', async ({
    request,
    page,
    login,
  }) => {
    const api = await request.get('/api/v1/orders/%FF', { headers: { authorization: 'Bearer hof_' + 'x'.repeat(43) } })
    expect(api.status()).toBe(400)
    expect(await api.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } })
    HARDENED(api.headers(), '/api/v1/orders/%FF')
    expect(api.headers()['cache-control']).toContain('no-store')
    for (const path of ['/track/%FF', '/track/%', '/back/orders/%FF', '/api/v1/orders/%']) {
      const response = await request.get(path, { maxRedirects: 0 })
      expect(response.status(), path).toBe(400)
      HARDENED(response.headers(), path)
    }
    // A router prefetch skips the proxy's page work, but not this check.
    const prefetch = await request.get('/track/%FF', { headers: { 'next-router-prefetch': '1', rsc: '1' }, maxRedirects: 0 })
    expect(prefetch.status()).toBe(400)
    // Signed in, the page itself would be reached: still 400, not Next's bare 500.
    await login(DEMO.backoffice)
    const signedIn = await page.request.get('/back/orders/%FF', { maxRedirects: 0 })
    expect(signedIn.status()).toBe(400)
    HARDENED(signedIn.headers(), 'signed in /back/orders/%FF')
  })

  test('a NUL in the back-office search shows the queue', async ({ page, login }) => {
    await login(DEMO.backoffice)
    const response = await page.goto('/back?q=%00')
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.screenshot({ path: screenshotPath('security-back-nul-search'), fullPage: false })
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
      if (response.status() < 300 || response.status() >= 400)
        expect(headers['content-security-policy'] ?? '', path).toContain("frame-ancestors 'none'")
      expect(headers['content-security-policy'] ?? '', path).not.toContain('unsafe-eval')
    }
  })

  test('API answers are never cached and never stack traces', async ({ request }) => {
    const response = await request.post('/api/v1/orders', {
      headers: { authorization: 'Bearer hof_' + 'x'.repeat(43), 'content-type': 'application/json' },
      data: '{"broken": ',
    })
    expect(response.status()).toBe(401)
    expect(response.headers()['cache-control']).toContain('no-store')
    expect(await response.text()).not.toMatch(/\n\s+at |node_modules|prisma/i)
  })
})
