import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@': path.resolve(import.meta.dirname, 'src'),
  // `server-only` throws outside React's server graph; tests call server code directly.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          setupFiles: ['tests/support/fail-on-console-error.ts'],
          // Property tests run hundreds of cases: on a busy 2-core CI machine the default 5 s is too tight.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/fail-on-console-error.ts', 'tests/support/per-file-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: files run in parallel, each in its own cloned database.
          maxWorkers: 2,
          // The outbox's crash and lease tests wait on real timers: on a loaded CI machine one retry, as Playwright has.
          retry: process.env.CI ? 1 : 0,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
