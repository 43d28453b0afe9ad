// `npm run dev`: with DATABASE_URL set, use that database; without it, start an embedded real PostgreSQL whose data
// lives in .data/postgres (git-ignored; HANDOFF_DATA_DIR moves .data elsewhere, e.g. for bench/cold-start.ts). Then
// apply migrations, seed the demo shop on first run, print the demo logins and run `next dev`. Ctrl-C stops Next and
// then the database, cleanly.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { embeddedUrl, freePort, startEmbeddedPostgres, type RunningPostgres } from './lib/embedded-postgres'
import { migrate } from './lib/migrate'

const root = path.resolve(import.meta.dirname, '..')
const dataDir = process.env.HANDOFF_DATA_DIR ? path.resolve(process.env.HANDOFF_DATA_DIR) : path.join(root, '.data')
const started = Date.now()
const say = (line: string) => console.log(`[handoff] ${line}`)
const seconds = (from: number) => `${((Date.now() - from) / 1000).toFixed(1)} s`

function localSecret(): string {
  // A stable per-checkout secret so dev sessions survive restarts; production must set NEXTAUTH_SECRET itself.
  const file = path.join(dataDir, 'auth-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}

/**
 * `prisma migrate deploy` spends ~10 s of a cold start booting the CLI and its Wasm schema engine to run ~1 s of SQL.
 * On a database with nothing pending or failed, apply the pending migration scripts directly, exactly as the CLI does
 * (each script whole, in one transaction, under Prisma's advisory lock) and record them in _prisma_migrations the way
 * it does (sha256 checksum of the file), so `prisma migrate deploy/status` later see them as applied. Anything
 * unusual (a failed or rolled-back migration) goes to the CLI, which knows how to report it.
 */
async function migrateDirect(url: string): Promise<'applied' | 'up-to-date' | 'use-cli'> {
  const dir = path.join(root, 'prisma/migrations')
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock(72707369)')
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`)
    const rows = (await client.query('SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"')).rows as Array<{
      migration_name: string
      finished_at: Date | null
      rolled_back_at: Date | null
    }>
    if (rows.some((r) => r.finished_at === null || r.rolled_back_at !== null)) return 'use-cli'
    const applied = new Set(rows.map((r) => r.migration_name))
    const pending = names.filter((n) => !applied.has(n))
    for (const name of pending) {
      const script = readFileSync(path.join(dir, name, 'migration.sql'))
      const startedAt = new Date()
      await client.query('BEGIN')
      try {
        await client.query(script.toString('utf8'))
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), createHash('sha256').update(script).digest('hex'), name, startedAt],
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw new Error(`migration ${name} failed: ${(error as Error).message}`)
      }
    }
    return pending.length > 0 ? 'applied' : 'up-to-date'
  } finally {
    await client.query('SELECT pg_advisory_unlock(72707369)').catch(() => undefined)
    await client.end()
  }
}

let embedded: RunningPostgres | undefined
let next: ChildProcess | undefined
let stopping = false

/** `next dev` on PORT with the environment as it is now (DATABASE_URL, NEXTAUTH_*, HANDOFF_DEMO). */
function startNext(port: string): ChildProcess {
  say(`Starting Next after ${seconds(started)}.`)
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'dev', '--port', port], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  })
  child.on('exit', async (code) => {
    if (stopping) return
    if (embedded) await embedded.stop().catch(() => undefined)
    process.exit(code ?? 0)
  })
  return child
}

async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return
  stopping = true
  say(`${signal}: stopping…`)
  if (next && next.exitCode === null) {
    const exited = new Promise((resolve) => next!.once('exit', resolve))
    next.kill('SIGTERM')
    await exited
  }
  if (embedded) {
    await embedded.stop().catch(() => undefined)
    say('Embedded PostgreSQL stopped.')
  }
  process.exit(0)
}

let bannerShown = false
/** Where the app is and the demo logins (constants: they exist once the demo seed has committed). */
async function banner(port: string) {
  if (bannerShown) return
  bannerShown = true
  const { DEMO_LOGINS, DEMO_PASSWORD } = await import('../src/server/seed/demo-logins')
  console.log('')
  console.log(`  Handoff is starting on http://localhost:${port}`)
  console.log(`  Demo logins (password: ${DEMO_PASSWORD})`)
  for (const l of DEMO_LOGINS) console.log(`    ${l.homeRole.padEnd(13)} ${l.email}`)
  console.log('')
}

async function main() {
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  // Loading the Prisma client takes a second or two: do it while PostgreSQL starts (nothing connects before use).
  const modules = Promise.all([import('../src/server/seed/demo'), import('../src/server/seed/demo-logins'), import('../src/server/db')])
  modules.catch(() => undefined)
  process.env.NEXTAUTH_SECRET ??= localSecret()
  const port = process.env.PORT ?? '3000'
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`

  const pgDir = path.join(dataDir, 'postgres')
  // A first run (no database yet): everything about the database is known in advance — its port, and that the demo
  // shop will be seeded — so Next starts at once and compiles its first page while PostgreSQL is initialised,
  // migrated and seeded (that compile is most of a cold start). Pages asked for before the database is ready fail
  // to render rather than show anything wrong; the compile alone outlasts the database's preparation.
  if (!process.env.DATABASE_URL && !existsSync(path.join(pgDir, 'PG_VERSION'))) {
    const pgPort = await freePort(54329)
    process.env.DATABASE_URL = embeddedUrl(pgPort, 'handoff')
    if (!process.env.HANDOFF_NO_DEMO) process.env.HANDOFF_DEMO = '1'
    next = startNext(port)
    // Said now, not after the seed: the login page may be served before the seed has committed (it needs no database).
    if (process.env.HANDOFF_DEMO) await banner(port)
    say(`First run: initialising the embedded PostgreSQL in ${path.relative(root, pgDir) || '.'} (port ${pgPort})…`)
    const t = Date.now()
    embedded = await startEmbeddedPostgres({ dataDir: pgDir, persistent: true, port: pgPort })
    await embedded.createDatabase('handoff')
    say(`PostgreSQL is up on port ${embedded.port} (${seconds(t)}).`)
  } else if (!process.env.DATABASE_URL) {
    say(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${path.relative(root, pgDir) || '.'})…`)
    const t = Date.now()
    embedded = await startEmbeddedPostgres({ dataDir: pgDir, persistent: true })
    await embedded.createDatabase('handoff')
    process.env.DATABASE_URL = embedded.url('handoff')
    say(`PostgreSQL is up on port ${embedded.port} (${seconds(t)}).`)
  }

  const tMigrate = Date.now()
  const direct = await migrateDirect(process.env.DATABASE_URL!)
  const migrated = direct === 'use-cli' ? await migrate(process.env.DATABASE_URL!) : direct
  say(migrated === 'applied' ? `Migrations applied (${seconds(tMigrate)}).` : 'Database schema is up to date.')

  const [{ seedDemo, isSeeded }, { DEMO_LOGINS }, { db }] = await modules
  const seed = !(await isSeeded()) && !process.env.HANDOFF_NO_DEMO
  const demo = seed || (await db().user.count({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } })) > 0
  if (demo) process.env.HANDOFF_DEMO = '1'

  // Otherwise Next boots and compiles its first page while the demo seed is written (one transaction: until it
  // commits, a page sees an empty shop, never half of one).
  next ??= startNext(port)

  if (seed) {
    say('First run: seeding the demo shop "In Nhanh Sài Gòn"…')
    const tSeed = Date.now()
    const summary = await seedDemo().catch((error: unknown) => {
      next?.kill('SIGTERM')
      throw error
    })
    if (summary)
      say(
        `Seeded ${summary.staff} staff, ${summary.products} products, ${summary.customers} customers, ${summary.orders} orders, ${summary.invoices} invoices (${seconds(tSeed)}).`,
      )
  }
  await db().$disconnect()
  if (demo) await banner(port)
  say(`Database ready after ${seconds(started)}.`)
}

main().catch(async (error) => {
  console.error(`[handoff] Could not start: ${(error as Error).message}`)
  stopping = true
  next?.kill('SIGTERM')
  if (embedded) await embedded.stop().catch(() => undefined)
  process.exit(1)
})
