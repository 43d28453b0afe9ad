// The workshop queue at scale: the exact SQL listQueue runs (src/server/fulfillment/queue-query.ts), timed on its own
// database with 10,000 and then 1,000,000 orders (plus two lines each, and customers). Orders are spread over two
// years with the last two weeks still open, as in a shop that has been running for a while; the open share stays the
// same at both sizes, so the question is only whether the queue's cost follows the table size (it must not: keyset
// pagination over the partial index "Order_open_due", no OFFSET, no COUNT(*) over the table).
//
// Run: npm run bench:queue   (= npx tsx --conditions=react-server bench/queue.ts)
// Uses DATABASE_URL's server when set (creates and drops its own database there), else a throw-away embedded cluster.
// Not part of `npm test`: it takes a few minutes and measures, it does not assert.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type RunningPostgres } from '../scripts/lib/embedded-postgres'
import { migrate } from '../scripts/lib/migrate'
import { decodeCursor, encodeCursor, overdueCountSql, queueSql, type QueueSqlFilter } from '../src/server/fulfillment/queue-query'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const PAGE = 50
const SIZES = [10_000, 1_000_000]
/** Orders due in the last OPEN_DAYS days (and the next two weeks) are still open; older ones are closed or cancelled. */
const SPAN_DAYS = 730
const OPEN_DAYS = 14
const FUTURE_DAYS = 14

// "dueAt" is timestamp without time zone holding UTC (as Prisma writes it): send dates as UTC.
pg.defaults.parseInputDatesAsUTC = true

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function setUp(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const name = `handoff_bench_${randomBytes(4).toString('hex')}`
  if (process.env.DATABASE_URL) {
    const server = withDatabase(process.env.DATABASE_URL, 'postgres')
    const admin = new pg.Client({ connectionString: server })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    return {
      url: withDatabase(process.env.DATABASE_URL, name),
      cleanup: async () => {
        const c = new pg.Client({ connectionString: server })
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await c.end()
      },
    }
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'handoff-bench-pg-'))
  chmodSync(tmp, 0o755)
  const embedded: RunningPostgres = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'data'), persistent: false, quiet: true })
  await embedded.createDatabase(name)
  return {
    url: embedded.url(name),
    cleanup: async () => {
      await embedded.stop()
      rmSync(tmp, { recursive: true, force: true })
    },
  }
}

/** Orders number `from`+1 .. `to`, two lines each, due evenly over the span ending FUTURE_DAYS from now. */
async function seedOrders(client: pg.Client, from: number, to: number, customers: number, staffIds: string[]): Promise<void> {
  // Bulk load: no per-row NOTIFY (nobody listens here) and no per-row trigger work.
  await client.query(`SET session_replication_role = replica`)
  const step = 100_000
  for (let start = from; start < to; start += step) {
    const end = Math.min(to, start + step)
    await client.query(
      `INSERT INTO "Order" (id, number, "customerId", "dueAt", "takenById", "assigneeId", "idempotencyKey", "trackingToken",
                            fulfillment, billing, payment, handover, "handedOverAt", "readyAt", "closedAt", "cancelledAt", "cancelReason",
                            subtotal, "taxTotal", total, "createdAt", "updatedAt")
       SELECT md5('order' || g)::uuid, g,
              md5('customer' || (g % $3))::uuid,
              d.due,
              $4::uuid,
              CASE WHEN g % 3 = 0 THEN NULL ELSE ($5::uuid[])[1 + g % array_length($5::uuid[], 1)] END,
              'bench-' || g, md5('t' || g) || md5('k' || g),
              (CASE WHEN d.open AND g % 4 = 0 THEN 'PARTLY_FULFILLED' WHEN d.open AND g % 4 = 1 THEN 'NOT_STARTED' ELSE 'FULFILLED' END)::"FulfillmentStatus",
              (CASE WHEN d.open THEN 'UNBILLED' ELSE 'BILLED' END)::"BillingStatus",
              (CASE WHEN d.open THEN 'UNPAID' ELSE 'PAID' END)::"PaymentStatus",
              (CASE WHEN d.open THEN 'WAITING' ELSE 'COLLECTED' END)::"Handover",
              CASE WHEN d.open THEN NULL ELSE d.due END,
              CASE WHEN d.open AND g % 4 > 1 THEN d.due - interval '1 hour' WHEN d.open THEN NULL ELSE d.due - interval '1 hour' END,
              CASE WHEN d.open OR g % 50 = 0 THEN NULL ELSE d.due END,
              CASE WHEN NOT d.open AND g % 50 = 0 THEN d.due ELSE NULL END,
              CASE WHEN NOT d.open AND g % 50 = 0 THEN 'bench' ELSE NULL END,
              200000, 16000, 216000, d.due - interval '1 day', d.due - interval '1 day'
       FROM generate_series($1::int + 1, $2::int) g
       CROSS JOIN LATERAL (
         SELECT (now() at time zone 'utc') + make_interval(days => ${FUTURE_DAYS}) - ((($6::int - g)::float8 / $6::int) * ${SPAN_DAYS}) * interval '1 day' AS due
       ) t
       CROSS JOIN LATERAL (SELECT t.due, t.due > (now() at time zone 'utc') - interval '${OPEN_DAYS} days' AS open) d`,
      [start, end, customers, staffIds[0], staffIds, to],
    )
    await client.query(
      `INSERT INTO "OrderLine" (id, "orderId", position, description, quantity, "unitPrice", "taxRateBp", "qtyFulfilled", "qtyInvoiced")
       SELECT md5('line' || g || '-' || p)::uuid, md5('order' || g)::uuid, p, 'In A4 màu', 40, 2500, 800,
              CASE o.fulfillment WHEN 'FULFILLED' THEN 40 WHEN 'PARTLY_FULFILLED' THEN 20 * p ELSE 0 END,
              CASE WHEN o."closedAt" IS NOT NULL THEN 40 ELSE 0 END
       FROM generate_series($1::int + 1, $2::int) g
       JOIN "Order" o ON o.id = md5('order' || g)::uuid
       CROSS JOIN generate_series(0, 1) p`,
      [start, end],
    )
  }
  await client.query(`SET session_replication_role = DEFAULT`)
  // Keep the autoincrement in step for any later insert.
  await client.query(`SELECT setval(pg_get_serial_sequence('"Order"', 'number'), $1)`, [to])
}

async function seedCustomers(client: pg.Client, from: number, to: number): Promise<void> {
  await client.query(
    `INSERT INTO "Customer" (id, name, phone, "searchText", "createdAt", "updatedAt")
     SELECT md5('customer' || g)::uuid, 'Khách ' || g, '09' || lpad(g::text, 8, '0'), 'khach ' || g || ' 09' || lpad(g::text, 8, '0'), now(), now()
     FROM generate_series($1::int, $2::int - 1) g`,
    [from, to],
  )
}

interface Measure {
  label: string
  medianMs: number
  medianExecMs: number
  rows: number
  plan: string
}

async function measure(client: pg.Client, label: string, filter: QueueSqlFilter): Promise<Measure> {
  const q = queueSql(filter)
  const text = q.text
  const values = q.values as unknown[]
  // Warm up (plans and caches), then time the query as the app sends it, and EXPLAIN ANALYZE for server-side time.
  let rows = 0
  for (let i = 0; i < 3; i++) rows = (await client.query(text, values)).rowCount ?? 0
  const wall: number[] = []
  const exec: number[] = []
  let plan = ''
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await client.query(text, values)
    wall.push(performance.now() - t0)
    const explained = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)
    const lines = explained.rows.map((r: Record<string, string>) => r['QUERY PLAN']!)
    exec.push(Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1] ?? Number.NaN))
    plan = lines.join('\n')
  }
  return { label, medianMs: median(wall), medianExecMs: median(exec), rows, plan }
}

async function runAt(client: pg.Client, size: number): Promise<{ size: number; open: number; results: Measure[] }> {
  await client.query('VACUUM ANALYZE')
  const { rows: openRows } = await client.query(`SELECT count(*)::int AS n FROM "Order" WHERE "closedAt" IS NULL AND "cancelledAt" IS NULL`)
  const open = openRows[0].n as number
  // A deep page: the cursor halfway through the open orders (as if someone clicked "Later" many times).
  const { rows: mid } = await client.query(
    `SELECT "dueAt", id FROM "Order" WHERE "closedAt" IS NULL AND "cancelledAt" IS NULL AND fulfillment <> 'FULFILLED' ORDER BY "dueAt", id OFFSET $1 LIMIT 1`,
    [Math.floor(open / 4)],
  )
  const cursor = decodeCursor(encodeCursor({ dueAt: mid[0].dueAt as Date, id: mid[0].id as string }))!
  const now = new Date()
  const results = [
    await measure(client, 'first page (to do)', { status: 'todo', take: PAGE + 1 }),
    await measure(client, 'deep keyset page (to do)', { status: 'todo', take: PAGE + 1, after: cursor }),
    await measure(client, 'first page (all open)', { status: 'all', take: PAGE + 1 }),
    await measure(client, 'overdue only', { status: 'todo', dueTo: now, take: PAGE + 1 }),
  ]
  // The bounded overdue count shown above the queue.
  const count = overdueCountSql(now, 1000)
  const t: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await client.query(count.text, count.values as unknown[])
    t.push(performance.now() - t0)
  }
  results.push({ label: 'overdue count (capped at 1000)', medianMs: median(t), medianExecMs: Number.NaN, rows: 1, plan: '' })
  return { size, open, results }
}

const started = performance.now()
const { url, cleanup } = await setUp()
const client = new pg.Client({ connectionString: url })
try {
  console.log(`[bench:queue] migrating ${url.replace(/:[^:@/]*@/, ':***@')}`)
  await migrate(url, { force: true })
  await client.connect()
  const staff = await client.query(
    `INSERT INTO "User" (id, name, email, "passwordHash", "homeRole", "updatedAt")
     SELECT gen_random_uuid(), 'Thợ ' || g, 'tho' || g || '@bench.example', 'x', 'BACK_OFFICE', now() FROM generate_series(1, 6) g RETURNING id`,
  )
  const staffIds = staff.rows.map((r: { id: string }) => r.id)
  const reports: Array<Awaited<ReturnType<typeof runAt>>> = []
  let orders = 0
  let customers = 0
  for (const size of SIZES) {
    const t0 = performance.now()
    const wantCustomers = Math.max(1000, size / 20)
    await seedCustomers(client, customers, wantCustomers)
    customers = wantCustomers
    // Orders are renumbered over the whole span at each size so the open share stays the same: start afresh.
    await client.query(`SET session_replication_role = replica`)
    await client.query(`DELETE FROM "OrderLine"`)
    await client.query(`DELETE FROM "Order"`)
    await seedOrders(client, 0, size, customers, staffIds)
    orders = size
    console.log(`[bench:queue] seeded ${orders.toLocaleString('en')} orders (${(orders * 2).toLocaleString('en')} lines, ${customers.toLocaleString('en')} customers) in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    reports.push(await runAt(client, size))
  }

  console.log(`\nQueue query, median of ${RUNS} runs (wall = round trip from Node; exec = EXPLAIN ANALYZE execution time)\n`)
  const [small, large] = reports
  console.log(`| query | ${small!.size.toLocaleString('en')} orders (${small!.open.toLocaleString('en')} open) | ${large!.size.toLocaleString('en')} orders (${large!.open.toLocaleString('en')} open) | ratio |`)
  console.log('|---|---|---|---|')
  for (const [i, a] of small!.results.entries()) {
    const b = large!.results[i]!
    const cell = (m: Measure) => (Number.isNaN(m.medianExecMs) ? `${m.medianMs.toFixed(2)} ms wall` : `${m.medianMs.toFixed(2)} ms wall / ${m.medianExecMs.toFixed(3)} ms exec`)
    const ratio = Number.isNaN(a.medianExecMs) ? b.medianMs / a.medianMs : b.medianExecMs / a.medianExecMs
    console.log(`| ${a.label} | ${cell(a)} | ${cell(b)} | ${ratio.toFixed(2)}× |`)
  }
  for (const m of large!.results.filter((r) => r.plan)) {
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) at ${large!.size.toLocaleString('en')} orders — ${m.label}:\n${m.plan}`)
  }
  console.log(`\n[bench:queue] done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
} finally {
  await client.end().catch(() => undefined)
  await cleanup()
}
