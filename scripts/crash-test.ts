// Crash durability: drive order intake through POST /api/v1/orders against `next start`, kill the server with SIGKILL
// in the middle of the load, start it again, and check that every order the clients saw acknowledged exists
// completely (lines, totals, audit row) and that no partial order exists. Retrying the requests that were in flight
// with their Idempotency-Key must never create a second order.
// Run: npm run test:crash   (uses the production build in $NEXT_DIST_DIR or .next, e.g. from the e2e run; builds one
// when there is none). CRASH_PORT (default 3300), CRASH_CLIENTS (8), CRASH_LOAD_MS (least time under load before the
// kill, default 4000) and CRASH_MIN_ACKED (least acknowledged orders before the kill, default 50) tune it. Prints the counts and exits non-zero on any lost, partial or duplicated order.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type RunningPostgres } from './lib/embedded-postgres'
import { seedDemoShop } from './lib/demo-shop'
import { migrate } from './lib/migrate'

const root = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.CRASH_PORT ?? 3300)
const base = `http://127.0.0.1:${port}`
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 8)
const LOAD_MS = Number(process.env.CRASH_LOAD_MS ?? 4000)
const MIN_ACKED = Number(process.env.CRASH_MIN_ACKED ?? 50)
const distDir = process.env.NEXT_DIST_DIR ?? '.next'
const next = path.join(root, 'node_modules/next/dist/bin/next')
const say = (s: string) => console.log(`[crash-test] ${s}`)

let embedded: RunningPostgres | undefined
let tmp: string | undefined
let server: ChildProcess | undefined
let dbName = ''
let adminUrl = ''

async function freshDatabase(): Promise<string> {
  dbName = `handoff_crash_${randomBytes(4).toString('hex')}`
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL)
    u.pathname = '/postgres'
    adminUrl = u.toString()
  } else {
    tmp = mkdtempSync(path.join(tmpdir(), 'handoff-crash-pg-'))
    chmodSync(tmp, 0o755)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'data'), persistent: false })
    adminUrl = embedded.url('postgres')
  }
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${dbName}"`)
  await admin.end()
  const u = new URL(adminUrl)
  u.pathname = `/${dbName}`
  return u.toString()
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, env, stdio: 'ignore' })
}

async function waitHealthy(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${base}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('server did not become healthy')
}

async function main() {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    say(`no production build in ${distDir}: building one`)
    const build = spawnSync(process.execPath, [next, 'build'], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
    })
    if (build.status !== 0) throw new Error('next build failed')
  }
  const url = await freshDatabase()
  process.env.DATABASE_URL = url
  await migrate(url, { force: true })
  const shop = await seedDemoShop('crash test')

  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
    API_RATE_BURST: '100000',
    API_RATE_PER_SECOND: '100000',
  }
  server = startServer(env)
  await waitHealthy()
  say('server up; starting load')

  const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10)
  type Sent = { key: string; i: number; lines: number; orderId?: string; acknowledged: boolean }
  const sent: Sent[] = []
  let stop = false
  const body = (i: number) => ({
    customerId: shop.customerIds[i % shop.customerIds.length]!,
    lines: [0, 1, 2].map((k) => ({ productId: shop.productIds[(i + k) % shop.productIds.length]!, quantity: 1 + ((i + k) % 5) })),
    dueDate: tomorrow,
    dueTime: '17:00',
    mode: 'PICKUP',
  })
  let counter = 0
  const post = (key: string, i: number) =>
    fetch(`${base}/api/v1/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${shop.token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body(i)),
    })
  const client = async () => {
    while (!stop) {
      const i = counter++
      const entry: Sent = { key: randomUUID(), i, lines: 3, acknowledged: false }
      sent.push(entry)
      try {
        const res = await post(entry.key, i)
        if (res.status === 201 || res.status === 200) {
          entry.orderId = ((await res.json()) as { id: string }).id
          entry.acknowledged = true
        }
      } catch {
        /* connection died with the server: in flight, not acknowledged */
      }
    }
  }
  // Warm up: the first requests of a fresh `next start` load the route and open the pool; the load starts after one
  // order went through, so the kill lands in the middle of steady intake.
  const warm: Sent = { key: randomUUID(), i: counter++, lines: 3, acknowledged: false }
  sent.push(warm)
  const first = await post(warm.key, warm.i)
  if (first.status !== 201) throw new Error(`warm-up order answered ${first.status}: ${(await first.text()).slice(0, 300)}`)
  warm.orderId = ((await first.json()) as { id: string }).id
  warm.acknowledged = true
  const clients = Array.from({ length: CLIENTS }, client)
  const loadStarted = Date.now()
  // At least LOAD_MS of load and at least MIN_ACKED acknowledged orders (a slow machine gets longer), at most 60 s.
  while (
    Date.now() - loadStarted < LOAD_MS ||
    (sent.filter((s) => s.acknowledged).length < MIN_ACKED && Date.now() - loadStarted < 60_000)
  ) {
    await new Promise((r) => setTimeout(r, 100))
  }
  const ackedBeforeKill = sent.filter((s) => s.acknowledged).length
  // No new requests from here on: those already sent are in flight when the server dies.
  stop = true
  server.kill('SIGKILL')
  const loadSeconds = (Date.now() - loadStarted) / 1000
  say(
    `SIGKILL after ${loadSeconds.toFixed(1)} s: ${ackedBeforeKill} orders acknowledged (${(ackedBeforeKill / loadSeconds).toFixed(0)}/s), ${sent.length - ackedBeforeKill} requests in flight`,
  )
  await Promise.all(clients)

  server = startServer(env)
  await waitHealthy()
  say('server restarted; checking')

  const client2 = new pg.Client({ connectionString: url })
  await client2.connect()
  const failures: string[] = []
  /** Every order of the run (or the given ones) that is not whole: 3 lines, totals matching its lines, one audit row. */
  const incomplete = async (ids?: string[]) =>
    (
      await client2.query(
        `SELECT o.id, o.subtotal, o."taxTotal", o.total,
                (SELECT count(*) FROM "OrderLine" l WHERE l."orderId" = o.id)::int AS lines,
                (SELECT coalesce(sum(l.quantity * l."unitPrice"), 0) FROM "OrderLine" l WHERE l."orderId" = o.id)::bigint AS net,
                (SELECT count(*) FROM "AuditEvent" a WHERE a."orderId" = o.id AND a.action = 'order.created')::int AS audits
           FROM "Order" o
          WHERE o."idempotencyKey" LIKE 'api-%' AND ($1::uuid[] IS NULL OR o.id = ANY($1::uuid[]))`,
        [ids ?? null],
      )
    ).rows.filter((o) => o.lines !== 3 || Number(o.net) !== o.subtotal || o.subtotal + o.taxTotal !== o.total || o.audits !== 1)

  const acked = sent.filter((s) => s.acknowledged)
  const found = await client2.query(`SELECT id FROM "Order" WHERE id = ANY($1::uuid[])`, [acked.map((s) => s.orderId)])
  const missing = acked.length - (found.rowCount ?? 0)
  if (missing > 0) failures.push(`${missing} acknowledged orders are missing after the crash`)
  for (const o of await incomplete(acked.map((s) => s.orderId!)))
    failures.push(`acknowledged order ${o.id} is incomplete: ${JSON.stringify(o)}`)
  const afterCrash = (await client2.query(`SELECT count(*)::int AS n FROM "Order" WHERE "idempotencyKey" LIKE 'api-%'`)).rows[0].n as number
  for (const o of await incomplete()) failures.push(`partial order after the crash: ${JSON.stringify(o)}`)
  const orphans = await client2.query(
    `SELECT count(*)::int AS n FROM "OrderLine" l WHERE NOT EXISTS (SELECT 1 FROM "Order" o WHERE o.id = l."orderId")`,
  )
  if (orphans.rows[0].n > 0) failures.push(`${orphans.rows[0].n} order lines without an order`)
  say(
    `after restart: ${acked.length} acknowledged orders all present: ${missing === 0}; ${afterCrash} orders in the database (${afterCrash - acked.length} committed but never acknowledged)`,
  )

  // Retry everything that was not acknowledged, with its key and its body, as a client would: each key yields
  // exactly one order, the one that may already exist.
  const inFlight = sent.filter((s) => !s.acknowledged)
  let replayed = 0
  for (const s of inFlight) {
    const res = await post(s.key, s.i)
    if (![200, 201].includes(res.status)) failures.push(`retry of ${s.key} answered ${res.status}: ${(await res.text()).slice(0, 200)}`)
    else if (res.headers.get('idempotent-replayed') === 'true') replayed++
  }
  const perKey = await client2.query(
    `SELECT count(*)::int AS n FROM "Order" WHERE "idempotencyKey" LIKE 'api-%' GROUP BY "idempotencyKey" HAVING count(*) > 1`,
  )
  if (perKey.rowCount) failures.push(`${perKey.rowCount} idempotency keys created two orders`)
  const total = (await client2.query(`SELECT count(*)::int AS n FROM "Order" WHERE "idempotencyKey" LIKE 'api-%'`)).rows[0].n as number
  if (total !== sent.length) failures.push(`${sent.length} keys sent but ${total} orders exist`)
  for (const o of await incomplete()) failures.push(`partial order after the retries: ${JSON.stringify(o)}`)
  await client2.end()

  say(
    `${sent.length} keys: ${acked.length} acknowledged before the kill, ${inFlight.length} retried after the restart (${replayed} answered from the stored response); ${total} orders, ${failures.length} problems`,
  )
  for (const f of failures.slice(0, 20)) say(`FAIL ${f}`)
  if (failures.length > 0 || acked.length === 0) process.exitCode = 1
  else say('PASS: every acknowledged order survived the crash whole; no partial or duplicate orders; every retry converged on one order')
}

async function cleanup() {
  server?.kill('SIGKILL')
  if (adminUrl && dbName) {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect().catch(() => undefined)
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
    await admin.end().catch(() => undefined)
  }
  await embedded?.stop().catch(() => undefined)
  if (tmp) rmSync(tmp, { recursive: true, force: true })
}

main()
  .catch((error) => {
    console.error(`[crash-test] ${(error as Error).message}`)
    process.exitCode = 1
  })
  .finally(async () => {
    await cleanup()
    // Leave no pool or timer holding the process open, and make the verdict the exit code.
    process.exit(process.exitCode ?? 0)
  })
