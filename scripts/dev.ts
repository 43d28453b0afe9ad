// `npm run dev`: with DATABASE_URL set, use that database; without it, start an embedded real PostgreSQL whose data
// lives in .data/postgres (git-ignored). Then apply migrations, seed the demo shop on first run, print the demo
// logins and run `next dev`. Ctrl-C stops Next and then the database, cleanly.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres, type RunningPostgres } from './lib/embedded-postgres'
import { migrate } from './lib/migrate'

const root = path.resolve(import.meta.dirname, '..')
const dataDir = path.join(root, '.data')
const started = Date.now()
const say = (line: string) => console.log(`[handoff] ${line}`)

function localSecret(): string {
  // A stable per-checkout secret so dev sessions survive restarts; production must set NEXTAUTH_SECRET itself.
  const file = path.join(dataDir, 'auth-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}

let embedded: RunningPostgres | undefined
let stopping = false

async function main() {
  if (!process.env.DATABASE_URL) {
    say('No DATABASE_URL: starting the embedded PostgreSQL (data in .data/postgres)…')
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), persistent: true })
    await embedded.createDatabase('handoff')
    process.env.DATABASE_URL = embedded.url('handoff')
    say(`PostgreSQL is up on port ${embedded.port}.`)
  }
  process.env.NEXTAUTH_SECRET ??= localSecret()
  const port = process.env.PORT ?? '3000'
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`

  const migrated = await migrate(process.env.DATABASE_URL!)
  say(migrated === 'applied' ? 'Migrations applied.' : 'Database schema is up to date.')

  // Imported only now: the server modules read DATABASE_URL when first used.
  const { seedDemo, isSeeded } = await import('../src/server/seed/demo')
  const { DEMO_LOGINS, DEMO_PASSWORD } = await import('../src/server/seed/demo-logins')
  const { db } = await import('../src/server/db')
  const wasSeeded = await isSeeded()
  if (!wasSeeded && !process.env.HANDOFF_NO_DEMO) {
    say('First run: seeding the demo shop "In Nhanh Sài Gòn"…')
    const summary = await seedDemo()
    if (summary) say(`Seeded ${summary.staff} staff, ${summary.products} products, ${summary.customers} customers, ${summary.orders} orders, ${summary.invoices} invoices.`)
  }
  const demo = (await db().user.count({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } })) > 0
  await db().$disconnect()
  if (demo) {
    process.env.HANDOFF_DEMO = '1'
    console.log('')
    console.log(`  Handoff is starting on http://localhost:${port}`)
    console.log(`  Demo logins (password: ${DEMO_PASSWORD})`)
    for (const l of DEMO_LOGINS) console.log(`    ${l.homeRole.padEnd(13)} ${l.email}`)
    console.log('')
  }
  say(`Ready to start Next after ${((Date.now() - started) / 1000).toFixed(1)} s.`)

  const next = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'dev', '--port', port], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  })
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    say(`${signal}: stopping…`)
    next.kill('SIGTERM')
    await new Promise((resolve) => (next.exitCode !== null ? resolve(null) : next.once('exit', resolve)))
    if (embedded) {
      await embedded.stop().catch(() => undefined)
      say('Embedded PostgreSQL stopped.')
    }
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  next.on('exit', async (code) => {
    if (stopping) return
    if (embedded) await embedded.stop().catch(() => undefined)
    process.exit(code ?? 0)
  })
}

main().catch(async (error) => {
  console.error(`[handoff] Could not start: ${(error as Error).message}`)
  if (embedded) await embedded.stop().catch(() => undefined)
  process.exit(1)
})
