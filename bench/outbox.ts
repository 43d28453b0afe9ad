// The outbox under load (issue 18): 10,000 "order ready" events decided in their transactions, then delivered by the
// outbox worker to a real local SMTP server (smtp-server), each exactly once. Measures how long deciding them took and
// the worker's delivery throughput; checks the SMTP server received 10,000 mails with 10,000 distinct Message-IDs.
//
// Run: npm run bench:outbox   (EVENTS=10000 by default; CONCURRENCY=50 entries at once; WORKERS=1 in this process)
// Uses DATABASE_URL's server when set (creates and drops its own database there), else a throw-away embedded cluster.
// Not part of `npm test`: it measures, and takes a minute or more.
import { randomBytes, randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type RunningPostgres } from '../scripts/lib/embedded-postgres'
import { migrate } from '../scripts/lib/migrate'
import { startSmtp } from '../tests/support/smtp'

const EVENTS = Number(process.env.EVENTS ?? 10_000)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50)
const WORKERS = Number(process.env.WORKERS ?? 1)
/** Events decided per transaction (1 = each in its own, as in the app; more only to prepare a big run faster). */
const PER_TRANSACTION = Number(process.env.PER_TRANSACTION ?? 1)

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

async function main() {
  let embedded: RunningPostgres | undefined
  let tmp: string | undefined
  let serverUrl: string
  if (process.env.DATABASE_URL) serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres')
  else {
    tmp = mkdtempSync(path.join(tmpdir(), 'handoff-bench-outbox-'))
    chmodSync(tmp, 0o755)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'data'), persistent: false })
    serverUrl = embedded.url('postgres')
  }
  const name = `handoff_bench_outbox_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  const url = withDatabase(serverUrl, name)
  try {
    await migrate(url, { force: true })
    Object.assign(process.env, {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: 'https://shop.bench.example',
      HANDOFF_OUTBOX_POLL_SECONDS: '0.5',
      DB_POOL_SIZE: String(Math.min(40, CONCURRENCY + 5)),
    })
    await run()
  } finally {
    const { db } = await import('../src/server/db')
    await db()
      .$disconnect()
      .catch(() => undefined)
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
    if (embedded) await embedded.stop()
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  }
}

async function run() {
  const { db, sql } = await import('../src/server/db')
  const { buildOrder, insertOrders } = await import('../src/server/orders/order-rows')
  const { createStaffRow } = await import('../src/server/seed/factories')
  const { decideCustomerMessage } = await import('../src/server/messages/decide')
  const { startOutboxWorker } = await import('../src/server/outbox/worker')
  const smtp = await startSmtp()
  await db().businessSettings.create({ data: { id: 1, name: 'In Nhanh Bench', openingHours: {} } })
  await db().messageSettings.update({
    where: { id: 1 },
    data: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecurity: 'none', smtpFrom: 'shop@bench.example' },
  })
  const staff = await createStaffRow({ email: 'bench@bench.example', name: 'Bench', homeRole: 'BACK_OFFICE', passwordHash: 'x' })
  // The orders, already done (the event's business change is not what is measured), and their consenting customers.
  const orders: string[] = []
  for (let start = 0; start < EVENTS; start += 1000) {
    const customers = Array.from({ length: Math.min(1000, EVENTS - start) }, (_, i) => ({
      id: randomUUID(),
      name: `Khách ${start + i}`,
      email: `k${start + i}@bench.example`,
      searchText: `k${start + i}`,
      messageConsent: true,
      language: (start + i) % 2 ? 'en' : 'vi',
    }))
    await db().customer.createMany({ data: customers })
    const built = customers.map((c) =>
      buildOrder({
        customerId: c.id,
        dueAt: new Date(),
        takenById: staff.id,
        lines: [{ description: 'In tài liệu', quantity: 1, unitPrice: 10_000, taxRateBp: 800, qtyFulfilled: 1 }],
      }),
    )
    await insertOrders(sql, built)
    orders.push(...built.map((b) => b.order.id))
  }
  console.log(`[bench] ${orders.length} orders and customers ready; deciding ${EVENTS} "ready" messages…`)
  const tDecide = Date.now()
  for (let i = 0; i < orders.length; i += PER_TRANSACTION) {
    await db().$transaction(async (tx) => {
      for (const orderId of orders.slice(i, i + PER_TRANSACTION)) await decideCustomerMessage(tx, { event: 'ORDER_READY', orderId })
    })
  }
  const decideMs = Date.now() - tDecide
  console.log(`[bench] decided in ${(decideMs / 1000).toFixed(1)} s; starting ${WORKERS} worker(s), ${CONCURRENCY} at once…`)
  const tSend = Date.now()
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, () => startOutboxWorker({ schedule: false, concurrency: CONCURRENCY, pollSeconds: 0.5 })),
  )
  let sent = 0
  while (sent < EVENTS) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    sent = await db().outboxEntry.count({ where: { status: 'SENT' } })
    const stuck = await db().outboxEntry.count({ where: { status: { in: ['FAILED', 'DEAD'] } } })
    if (stuck > 0) throw new Error(`${stuck} entries failed`)
  }
  const sendMs = Date.now() - tSend
  await Promise.all(workers.map((w) => w.stop()))
  await smtp.stop()
  const ids = new Set(smtp.mails.map((m) => m.messageId))
  const result = {
    events: EVENTS,
    concurrency: CONCURRENCY,
    workers: WORKERS,
    decideSeconds: +(decideMs / 1000).toFixed(1),
    decidePerSecond: Math.round(EVENTS / (decideMs / 1000)),
    deliverSeconds: +(sendMs / 1000).toFixed(1),
    deliveredPerSecond: Math.round(EVENTS / (sendMs / 1000)),
    mailsReceived: smtp.mails.length,
    distinctMessageIds: ids.size,
    at: new Date().toISOString(),
  }
  console.log(JSON.stringify(result, null, 2))
  mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true })
  writeFileSync(path.join(import.meta.dirname, 'results', 'outbox.json'), JSON.stringify(result, null, 2))
  if (smtp.mails.length !== EVENTS || ids.size !== EVENTS)
    throw new Error(`expected ${EVENTS} mails once each, got ${smtp.mails.length} (${ids.size} distinct)`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] ${(error as Error).message}`)
    process.exit(1)
  },
)
