import { DEMO, expect, screenshotPath, test } from './fixtures'

const AREAS = [
  { email: DEMO.reception, path: '/front', heading: "Today's orders" },
  { email: DEMO.backoffice, path: '/back', heading: 'Fulfillment queue' },
  { email: DEMO.manager, path: '/manager', heading: 'Cross-training overview' },
] as const

test.describe('sign-in through the form', () => {
  for (const area of AREAS) {
    test(`${area.email} lands on ${area.path}`, async ({ page }) => {
      await page.goto('/login')
      await page.getByLabel('Email').fill(area.email)
      await page.getByLabel('Password').fill('handoff-demo')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page).toHaveURL(new RegExp(`${area.path}$`))
      await expect(page.getByRole('heading', { level: 1, name: area.heading })).toBeVisible()
      await page.screenshot({ path: screenshotPath(`area-${area.path.slice(1)}`), fullPage: true })
    })
  }

  test('a wrong password gets the same message as an unknown email', async ({ page }) => {
    await page.goto('/login')
    await page.getByLabel('Email').fill(DEMO.reception)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const wrongPassword = await page.getByTestId('login-error').textContent()
    await page.getByLabel('Email').fill('nobody@example.com')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByTestId('login-error')).toHaveText(wrongPassword ?? '')
    await page.screenshot({ path: screenshotPath('login-error') })
  })

  // An email nobody has: it is throttled exactly like a real account, and no spec's real sign-in shares its budget.
  test('too many wrong passwords: the form says how long to wait, in English and Vietnamese, and the endpoint sends 429 with Retry-After', async ({
    page,
    context,
    baseURL,
  }) => {
    const email = 'nobody-throttled@example.com'
    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Password').fill(`wrong guess ${i}`)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByTestId('login-error')).toHaveText('Email or password is not correct.')
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
    }
    await page.getByLabel('Password').fill('handoff-demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByTestId('login-error')).toHaveText(/^Too many failed sign-ins\. Try again in \d+ seconds\.$/)
    await page.screenshot({ path: screenshotPath('login-throttled') })

    await context.addCookies([{ name: 'handoff-locale', value: 'vi', url: baseURL! }])
    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Mật khẩu').fill('handoff-demo')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await expect(page.getByTestId('login-error')).toHaveText(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/)
    await page.screenshot({ path: screenshotPath('login-throttled-vi') })

    const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }
    const response = await page.request.post('/api/auth/callback/credentials', {
      form: { email, password: 'handoff-demo', csrfToken, json: 'true' },
    })
    expect(response.status()).toBe(429)
    expect(Number(response.headers()['retry-after'])).toBeGreaterThanOrEqual(1)
  })
})

test.describe('sign-in never fails in silence', () => {
  test("when the page's scripts cannot run, the form says so and never sends the password in the address", async ({ page }) => {
    // What `next dev` did to a page opened at 127.0.0.1: it refused the page's scripts.
    await page.route('**/_next/static/**/*.js', (route) => route.abort())
    await page.goto('/login')
    await page.getByLabel('Email').fill(DEMO.reception)
    await page.getByLabel('Password').fill('handoff-demo')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()
    await expect(page.getByTestId('login-not-ready')).toBeVisible()
    await expect(page.getByTestId('login-not-ready')).toContainText('has not finished loading')
    await page.getByLabel('Password').press('Enter')
    await page.waitForLoadState()
    expect(page.url()).not.toContain('handoff-demo')
    await page.screenshot({ path: screenshotPath('login-not-ready') })
  })

  test('once the page runs, the note is gone and the button works', async ({ page }) => {
    await page.goto('/login')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
    await expect(page.getByTestId('login-not-ready')).toHaveCount(0)
  })
})

test.describe('areas follow skills', () => {
  test('a receptionist cannot open the manager area', async ({ page, login }) => {
    await login(DEMO.reception)
    const response = await page.goto('/manager')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  })

  test('the navigation shows every area a person may use', async ({ page, login }) => {
    // Hùng (back office) covers the counter at TAKE_ORDER level 2.
    await login(DEMO.backoffice)
    await page.goto('/back')
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await expect(nav.getByRole('link', { name: 'Counter' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Workshop' })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Manager' })).toHaveCount(0)
  })

  test('signed-out visitors are sent to the login page', async ({ page }) => {
    await page.goto('/back')
    await expect(page).toHaveURL(/\/login/)
  })

  test('an unknown route gets a friendly 404', async ({ page }) => {
    const response = await page.goto('/no-such-page')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  })
})

test.describe('security headers', () => {
  test('pages carry a nonce-based CSP without unsafe-eval, and the usual hardening headers', async ({ page }) => {
    const response = await page.goto('/login')
    const headers = response!.headers()
    const csp = headers['content-security-policy'] ?? ''
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['x-powered-by']).toBeUndefined()
    // The page's own scripts run under that CSP: the form works (its button is interactive after hydration).
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0)
    expect(nonce).toBeTruthy()
  })
})
