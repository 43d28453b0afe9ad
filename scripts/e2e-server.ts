// The app as Playwright sees it: a fresh database (a new one on DATABASE_URL's server, or a throw-away embedded
// cluster), migrated and seeded with the demo shop, and a production build served by `next start`.
// Writes e2e/.runtime.json (or $RUNTIME_FILE) so tests and benchmarks can reach the same database and sign people in.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startSInvoiceStub } from '../tests/support/sinvoice-stub'
import { startZaloStub } from '../tests/support/zalo-stub'
import { startEmbeddedPostgres, type RunningPostgres } from './lib/embedded-postgres'
import { migrate } from './lib/migrate'

const root = path.resolve(import.meta.dirname, '..')
/** The Zalo OA access token the stub accepts; the spec types it into the message settings. */
const E2E_ZALO_TOKEN = 'e2e-zalo-oa-token'
const port = process.env.E2E_PORT ?? '3100'
let embedded: RunningPostgres | undefined
let tmp: string | undefined
let dropDatabase: (() => Promise<void>) | undefined

async function database(): Promise<string> {
  const name = `handoff_e2e_${randomBytes(4).toString('hex')}`
  if (process.env.DATABASE_URL) {
    const server = new URL(process.env.DATABASE_URL)
    server.pathname = '/postgres'
    const admin = new pg.Client({ connectionString: server.toString() })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: server.toString() })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
    }
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${name}`
    return url.toString()
  }
  tmp = mkdtempSync(path.join(tmpdir(), 'handoff-e2e-pg-'))
  chmodSync(tmp, 0o755)
  embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'data'), persistent: false })
  await embedded.createDatabase(name)
  return embedded.url(name)
}

async function main() {
  const url = await database()
  process.env.DATABASE_URL = url
  await migrate(url, { force: true })
  const { seedDemo } = await import('../src/server/seed/demo')
  const { db } = await import('../src/server/db')
  await seedDemo()
  await db().$disconnect()
  // Zalo's ZNS API as e2e/customer-messages.spec.ts expects it: the app's in-process outbox worker sends to this stub
  // (HANDOFF_ZALO_API_URL); 0900000001 is refused once with -124 (a wrong token, fixed before the manager's retry).
  const zalo = await startZaloStub({ accessToken: E2E_ZALO_TOKEN })
  zalo.refuseOnce.set('84900000001', -124)
  // Viettel SInvoice as e2e/einvoice.spec.ts expects it: the manager types the stub's credentials into the e-invoice
  // settings, and the worker issues invoices to it (HANDOFF_VIETTEL_API_URL).
  // Its first two invoices (the spec's, one per language) are created but answered only after the client gave up
  // (HANDOFF_EINVOICE_TIMEOUT_MS): the invoice shows "waiting" for a few seconds, then the retry finds it (ADR 023).
  const sinvoice = await startSInvoiceStub()
  sinvoice.mishaps.push('createThenHang', 'createThenHang')
  const secret = randomBytes(32).toString('base64url')
  // The SePay webhook's key: e2e/transfers.spec.ts posts bank notifications signed with it.
  const sepayKey = randomBytes(24).toString('hex')
  writeFileSync(
    process.env.RUNTIME_FILE ?? path.join(root, 'e2e/.runtime.json'),
    JSON.stringify({ databaseUrl: url, secret, sepayKey, baseURL: `http://127.0.0.1:${port}` }),
  )
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    HANDOFF_DEMO: '1',
    HANDOFF_SEPAY_WEBHOOK_KEY: sepayKey,
    NEXT_TELEMETRY_DISABLED: '1',
    HANDOFF_ZALO_API_URL: zalo.url,
    HANDOFF_VIETTEL_API_URL: sinvoice.url,
    HANDOFF_EINVOICE_TIMEOUT_MS: '5000',
    HANDOFF_OUTBOX_POLL_SECONDS: '0.5',
    HANDOFF_OUTBOX_RETRY_DELAY_SECONDS: '1',
  }
  const next = path.join(root, 'node_modules/next/dist/bin/next')
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const build = spawnSync(process.execPath, [next, 'build'], { cwd: root, env, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('next build failed')
  }
  const server = spawn(process.execPath, [next, 'start', '--port', port, '--hostname', '127.0.0.1'], { cwd: root, env, stdio: 'inherit' })
  const stop = async () => {
    server.kill('SIGTERM')
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)))
    await dropDatabase?.().catch(() => undefined)
    await embedded?.stop().catch(() => undefined)
    if (tmp) rmSync(tmp, { recursive: true, force: true })
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  server.on('exit', (code) => {
    if (code !== null && code !== 0) process.exit(code)
  })
}

main().catch(async (error) => {
  console.error(`[e2e-server] ${(error as Error).message}`)
  await dropDatabase?.().catch(() => undefined)
  await embedded?.stop().catch(() => undefined)
  process.exit(1)
})
