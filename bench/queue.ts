// The workshop queue at scale: the exact SQL listQueue runs (src/server/fulfillment/queue-query.ts), timed on its own
// database with 10,000 and then 1,000,000 orders (plus two lines each, and customers). Orders are spread over two
// years with the last two weeks still open, as in a shop that has been running for a while; the open share stays the
// same at both sizes, so the question is only whether the queue's cost follows the table size (it must not: keyset
// pagination over the partial index "Order_open_due", no OFFSET, no COUNT(*) over the table).
//
// Run: npm run bench:queue   (= npx tsx --conditions=react-server bench/queue.ts; SIZES=10000,1000000 by default)
// Uses DATABASE_URL's server when set (creates and drops its own database there), else a throw-away embedded cluster.
// Not part of `npm test`: it takes a few minutes and measures, it does not assert.
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type RunningPostgres } from '../scripts/lib/embedded-postgres'
import { migrate } from '../scripts/lib/migrate'
import { buildOrder, insertOrders, type BuiltOrder } from '../src/server/orders/order-rows'
import { decodeCursor, encodeCursor, overdueCountSql, queueSql, type QueueSqlFilter } from '../src/server/fulfillment/queue-query'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const PAGE = 50
/** Two sizes, small then large (SIZES=2000,20000 for a quick run of the harness itself). */
const SIZES = (process.env.SIZES ?? '10000,1000000').split(',').map(Number)
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

/** Orders number `from`+1 .. `to`, two lines each, due evenly over the span ending FUTURE_DAYS from now: built by the
 * shared order factory (statuses derived from the lines and the money), written in batches. */
async function seedOrders(client: pg.Client, from: number, to: number, customers: number, staffIds: string[]): Promise<void> {
  // Bulk load: no per-row NOTIFY (nobody listens here) and no per-row trigger work.
  await client.query(`SET session_replication_role = replica`)
  const query = (text: string, values: unknown[]) => client.query(text, values)
  const nowMs = Date.now()
  const hour = 3_600_000
  const step = 20_000
  for (let start = from; start < to; start += step) {
    const end = Math.min(to, start + step)
    const batch: BuiltOrder[] = []
    for (let g = start + 1; g <= end; g++) {
      const due = new Date(nowMs + FUTURE_DAYS * 86_400_000 - ((to - g) / to) * SPAN_DAYS * 86_400_000)
      const open = due.getTime() > nowMs - OPEN_DAYS * 86_400_000
      const cancelled = !open && g % 50 === 0
      // Open: a quarter not started, a quarter half done, half ready. Older: done, invoiced and paid (or cancelled).
      const fulfilled = (p: number) => (open && g % 4 === 0 ? 20 * p : open && g % 4 === 1 ? 0 : 40)
      const invoiced = !open && !cancelled
      batch.push(
        buildOrder({
          number: g,
          customerId: md5Uuid(`customer${g % customers}`),
          dueAt: due,
          takenById: staffIds[0]!,
          assigneeId: g % 3 === 0 ? null : staffIds[g % staffIds.length]!,
          idempotencyKey: `bench-${g}`,
          createdAt: new Date(due.getTime() - 86_400_000),
          lines: [0, 1].map((p) => ({
            description: 'In A4 màu',
            quantity: 40,
            unitPrice: 2500,
            taxRateBp: 800,
            qtyFulfilled: fulfilled(p),
            qtyInvoiced: invoiced ? 40 : 0,
          })),
          readyAt: open && g % 4 <= 1 ? null : new Date(due.getTime() - hour),
          handover: open ? null : { kind: 'COLLECTED', at: due },
          cancelled: cancelled ? { at: due, reason: 'bench' } : null,
          closedIfDoneAt: due,
          money: open ? undefined : { invoicedNet: 'total', invoiced: true, paid: 'total' },
        }),
      )
    }
    await insertOrders(query, batch)
  }
  await client.query(`SET session_replication_role = DEFAULT`)
  // Keep the autoincrement in step for any later insert.
  await client.query(`SELECT setval(pg_get_serial_sequence('"Order"', 'number'), $1)`, [to])
}

/** md5(text)::uuid as PostgreSQL computes it (the customers' ids below). */
function md5Uuid(text: string): string {
  return createHash('md5').update(text).digest('hex')
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
    console.log(
      `[bench:queue] seeded ${orders.toLocaleString('en')} orders (${(orders * 2).toLocaleString('en')} lines, ${customers.toLocaleString('en')} customers) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
    reports.push(await runAt(client, size))
  }

  console.log(`\nQueue query, median of ${RUNS} runs (wall = round trip from Node; exec = EXPLAIN ANALYZE execution time)\n`)
  const [small, large] = reports
  console.log(
    `| query | ${small!.size.toLocaleString('en')} orders (${small!.open.toLocaleString('en')} open) | ${large!.size.toLocaleString('en')} orders (${large!.open.toLocaleString('en')} open) | ratio |`,
  )
  console.log('|---|---|---|---|')
  for (const [i, a] of small!.results.entries()) {
    const b = large!.results[i]!
    const cell = (m: Measure) =>
      Number.isNaN(m.medianExecMs)
        ? `${m.medianMs.toFixed(2)} ms wall`
        : `${m.medianMs.toFixed(2)} ms wall / ${m.medianExecMs.toFixed(3)} ms exec`
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
