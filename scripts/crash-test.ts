// Crash durability: drive order intake through POST /api/v1/orders against `next start`, kill the server with SIGKILL
// in the middle of the load, start it again, and check that every order the clients saw acknowledged exists
// completely (lines, totals, audit row) and that no partial order exists. Retrying the requests that were in flight
// with their Idempotency-Key must never create a second order.
// Run: npm run test:crash   (needs a production build: `npm run build` or a previous e2e run)
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type RunningPostgres } from './lib/embedded-postgres'
import { migrate } from './lib/migrate'

const root = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.CRASH_PORT ?? 3300)
const base = `http://127.0.0.1:${port}`
const CLIENTS = 8
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
  return spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, env, stdio: 'ignore' })
}

async function waitHealthy(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${base}/api/v1/health`).then((r) => r.ok).catch(() => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('server did not become healthy')
}

async function main() {
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('no production build: run `npm run build` first')
  const url = await freshDatabase()
  process.env.DATABASE_URL = url
  await migrate(url, { force: true })
  const { seedDemo } = await import('../src/server/seed/demo')
  const { db } = await import('../src/server/db')
  const { newTokenSecret } = await import('../src/server/api-tokens/token-secret')
  await seedDemo()
  const prisma = db()
  const reception = await prisma.user.findUniqueOrThrow({ where: { email: 'reception@example.com' } })
  const secret = newTokenSecret()
  await prisma.apiToken.create({ data: { userId: reception.id, name: 'crash test', tokenHash: secret.hash, prefix: secret.prefix } })
  const customers = await prisma.customer.findMany({ take: 20, select: { id: true } })
  const products = await prisma.product.findMany({ where: { active: true }, take: 10, select: { id: true } })
  await prisma.$disconnect()

  const env = { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: '1', API_RATE_BURST: '100000', API_RATE_PER_SECOND: '100000' }
  server = startServer(env)
  await waitHealthy()
  say('server up; starting load')

  const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10)
  type Sent = { key: string; lines: number; orderId?: string; acknowledged: boolean }
  const sent: Sent[] = []
  let stop = false
  const body = (i: number) => ({
    customerId: customers[i % customers.length]!.id,
    lines: [0, 1, 2].map((k) => ({ productId: products[(i + k) % products.length]!.id, quantity: 1 + ((i + k) % 5) })),
    dueDate: tomorrow,
    dueTime: '17:00',
    mode: 'PICKUP',
  })
  const post = (key: string, i: number) =>
    fetch(`${base}/api/v1/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret.token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body(i)),
    })
  let counter = 0
  const client = async () => {
    while (!stop) {
      const i = counter++
      const entry: Sent = { key: randomUUID(), lines: 3, acknowledged: false }
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
  const clients = Array.from({ length: CLIENTS }, client)
  await new Promise((r) => setTimeout(r, 3000))
  say(`SIGKILL after ${sent.filter((s) => s.acknowledged).length} acknowledged orders`)
  server.kill('SIGKILL')
  await new Promise((r) => setTimeout(r, 500))
  stop = true
  await Promise.all(clients)

  server = startServer(env)
  await waitHealthy()
  say('server restarted; checking')

  const client2 = new pg.Client({ connectionString: url })
  await client2.connect()
  const failures: string[] = []
  const acked = sent.filter((s) => s.acknowledged)
  for (const s of acked) {
    const rows = await client2.query(
      `SELECT o.id, o.total, o.subtotal, o."taxTotal",
              (SELECT count(*) FROM "OrderLine" l WHERE l."orderId" = o.id)::int AS lines,
              (SELECT coalesce(sum(l.quantity * l."unitPrice"), 0) FROM "OrderLine" l WHERE l."orderId" = o.id)::bigint AS net,
              (SELECT count(*) FROM "AuditEvent" a WHERE a."orderId" = o.id AND a.action = 'order.created')::int AS audits
         FROM "Order" o WHERE o.id = $1`,
      [s.orderId],
    )
    const o = rows.rows[0]
    if (!o) failures.push(`acknowledged order ${s.orderId} is missing`)
    else if (o.lines !== s.lines || Number(o.net) !== o.subtotal || o.audits !== 1) failures.push(`order ${s.orderId} is incomplete: ${JSON.stringify(o)}`)
  }
  const partial = await client2.query(`SELECT o.id FROM "Order" o WHERE NOT EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o.id)`)
  if (partial.rowCount) failures.push(`${partial.rowCount} orders without lines`)

  // Retry everything that was in flight: each key yields at most one order.
  const inFlight = sent.filter((s) => !s.acknowledged)
  for (const [i, s] of inFlight.entries()) {
    const res = await post(s.key, i)
    if (![200, 201].includes(res.status)) failures.push(`retry of ${s.key} answered ${res.status}`)
  }
  const perKey = await client2.query(`SELECT count(*)::int AS n FROM "Order" WHERE "idempotencyKey" LIKE 'api-%' GROUP BY "idempotencyKey" HAVING count(*) > 1`)
  if (perKey.rowCount) failures.push('an idempotency key created two orders')
  await client2.end()

  say(`${acked.length} acknowledged, ${inFlight.length} in flight and retried, ${failures.length} problems`)
  for (const f of failures.slice(0, 20)) say(`FAIL ${f}`)
  if (failures.length > 0 || acked.length === 0) process.exitCode = 1
  else say('every acknowledged order survived the crash intact; no partial orders')
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
  .finally(cleanup)
