// A `login(email)` fixture that creates the session without clicking through the form (the form itself is tested
// once in auth.spec.ts): it signs a next-auth JWT with the server's secret for the person's current session version.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { encode } from 'next-auth/jwt'
import pg from 'pg'

export type Runtime = { databaseUrl: string; secret: string; baseURL: string; sepayKey: string }

export function runtime(): Runtime {
  return JSON.parse(readFileSync(process.env.RUNTIME_FILE ?? path.join(import.meta.dirname, '.runtime.json'), 'utf8')) as Runtime
}

export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: runtime().databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}

export const DEMO = {
  manager: 'manager@example.com',
  reception: 'reception@example.com',
  backoffice: 'backoffice@example.com',
  /** Back office, TAKE_ORDER level 1 (in training): may not use the intake. */
  bao: 'bao@example.com',
} as const

export async function loginAs(page: Page, email: string): Promise<void> {
  const rows = await sql<{ id: string; sessionVersion: number }>('SELECT id, "sessionVersion" FROM "User" WHERE email = $1', [email])
  const user = rows[0]
  if (!user) throw new Error(`no such user ${email}`)
  const { secret, baseURL } = runtime()
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, sub: user.id }, secret, maxAge: 3600 })
  await page.context().addCookies([{ name: 'next-auth.session-token', value: token, url: baseURL, httpOnly: true, sameSite: 'Lax' }])
}

export const test = base.extend<{ login: (email: string) => Promise<void> }>({
  login: async ({ page }, use) => {
    await use((email) => loginAs(page, email))
  },
})

export { expect } from '@playwright/test'

export function screenshotPath(name: string): string {
  return path.join(import.meta.dirname, '.screenshots', `${name}.png`)
}
