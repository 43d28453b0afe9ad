import { defineConfig, devices } from '@playwright/test'

const port = process.env.E2E_PORT ?? '3100'

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Separate output folders let two suites run side by side (PW_OUTPUT_DIR, with E2E_PORT, NEXT_DIST_DIR, RUNTIME_FILE).
  outputDir: process.env.PW_OUTPUT_DIR ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    locale: 'en-US',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not available on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: /manager-skills\.spec\.ts/ },
    // Changing a demo person's skills ends their sessions; run it after everything else has used the demo logins.
    {
      name: 'skills',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testMatch: /manager-skills\.spec\.ts/,
      dependencies: ['chromium'],
    },
  ],
  webServer: {
    command: 'tsx --conditions=react-server scripts/e2e-server.ts',
    url: `http://127.0.0.1:${port}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { E2E_PORT: port },
  },
})
