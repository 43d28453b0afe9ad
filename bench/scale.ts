// Scale: the screens that read big tables, measured through their real use cases (src/server/**) at 10,000 orders and
// again at 1,000,000 orders (10 lines each: 10 M order lines; 200,000 customers), on the same database.
//
// The shop takes RATE orders a day. The 10 k database is its last ~5 weeks; growing it to 1 M adds ~9 years of older,
// finished history in front of exactly the same recent rows (same order numbers, same open work, same last 30 days).
// So the question is only whether a screen's cost follows the shop's history (it must not) or its current work.
// Searches are the exception by nature: a name that 100× more customers have matches 100× more rows.
//
// Run: npm run bench:scale   (SIZES=10000,1000000 by default; BENCH_RUNS=30 timed runs per query and size)
// Uses DATABASE_URL's server when set (creates and drops its own database there; else the local one on 127.0.0.1),
// or an embedded throw-away cluster with BENCH_EMBEDDED=1. Loading 1 M orders takes several minutes on 2 cores.
// KEEP_DB=1 keeps the database; SCALE_DB=<its url> then measures it again as it is (after a fix: pending migrations
// are applied), at its one size, without a baseline — for trying fixes, not for the report.
// Budgets: each screen ≤ 1.3× slower at 1 M than at 10 k (median); search p95 ≤ 50 ms at 1 M.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { startEmbeddedPostgres } from '../scripts/lib/embedded-postgres'
import { migrate } from '../scripts/lib/migrate'
import { foldForSearch } from '../src/domain/search'
import { PrismaClient } from '../src/generated/prisma/client'
import type { Actor } from '../src/server/auth/actor'
import { loadNote, median, percentile, printTable, writeResult, type Row } from './lib/report'

const SIZES = (process.env.SIZES ?? '10000,1000000').split(',').map(Number)
const TOTAL = Math.max(...SIZES)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const LINES = Number(process.env.LINES_PER_ORDER ?? 10)
const ORDERS_PER_CUSTOMER = 5
/** Orders a day: the 10 k database then spans ~33 days, so the KPIs' 30-day window is full at both sizes. */
const RATE = 300
const NUMBER_OFFSET = 1000
/** Days the smallest size spans: everything still open lies within them, so the open work is the same at every size
 * (a shop whose uncollected orders pile up for years grows its open slices; the partial indexes follow those). */
const SMALL_DAYS = Math.floor(Math.min(...SIZES) / RATE)
const now = new Date()

pg.defaults.parseInputDatesAsUTC = true

// ---- database -------------------------------------------------------------------------------------------------

const REUSE = process.env.SCALE_DB

async function setUp(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (REUSE) return { url: REUSE, cleanup: async () => undefined }
  const name = `handoff_scale_${randomBytes(4).toString('hex')}`
  if (process.env.BENCH_EMBEDDED === '1') {
    const tmp = mkdtempSync(path.join(tmpdir(), 'handoff-scale-pg-'))
    chmodSync(tmp, 0o755)
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'data'), persistent: false, quiet: true })
    await embedded.createDatabase(name)
    return {
      url: embedded.url(name),
      cleanup: async () => {
        await embedded.stop()
        rmSync(tmp, { recursive: true, force: true })
      },
    }
  }
  const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
  server.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: server.toString() })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    cleanup: async () => {
      if (process.env.KEEP_DB === '1') return console.log(`[bench:scale] kept ${url}`)
      const c = new pg.Client({ connectionString: server.toString() })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
    },
  }
}

// ---- bulk history ------------------------------------------------------------------------------------------------

// Vietnamese names as a shop's customer list has them: family names by their real frequency (Nguyễn ~ a third).
const FAMILY = [
  ...Array<string>(38).fill('Nguyễn'),
  ...Array<string>(11).fill('Trần'),
  ...Array<string>(10).fill('Lê'),
  ...Array<string>(7).fill('Phạm'),
  ...Array<string>(5).fill('Hoàng'),
  ...Array<string>(5).fill('Huỳnh'),
  ...Array<string>(4).fill('Phan'),
  ...Array<string>(4).fill('Vũ'),
  ...Array<string>(4).fill('Võ'),
  ...Array<string>(3).fill('Đặng'),
  ...Array<string>(3).fill('Bùi'),
  ...Array<string>(2).fill('Đỗ'),
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
]
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Quốc', 'Thanh', 'Hữu', 'Đức', 'Thu', 'Gia', 'Hoài', 'Kim', 'Bảo', 'Phương', 'Xuân', 'Hồng']
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Huy', 'Khánh', 'Linh', 'Long', 'Nam', 'Nga', 'Nhung', 'Phong', 'Phúc', 'Quân', 'Quyên', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Trí', 'Tuấn', 'Uyên', 'Vy', 'Yến', 'Đạt', 'Khoa', 'Lộc', 'Mai', 'Ngân', 'Oanh', 'Tùng']

const uuidOf = (kind: string, n: string) => `('00000000-0000-4000-${kind}-' || lpad(to_hex(${n}), 12, '0'))::uuid`
/** A deterministic pseudo-random number in [0, 1) per integer (Knuth's multiplicative hash). */
const hash = (n: string, salt = 0) => `(((${n})::bigint * 2654435761 + ${salt}) % 4294967296)::float8 / 4294967296`
/** Customer of order g: recent orders (the smallest size) come from the first customers, older ones from anyone. */
const customerOf = (g: string, recentFrom: number, recentCustomers: number, allCustomers: number) =>
  `CASE WHEN ${g} >= ${recentFrom} THEN 1 + (${g}::bigint * 7919) % ${recentCustomers} ELSE 1 + (${g}::bigint * 104729) % ${allCustomers} END`

async function seedCustomers(client: pg.Client, from: number, to: number): Promise<void> {
  await client.query(
    `INSERT INTO "Customer" (id, name, phone, email, "searchText", "createdAt", "updatedAt")
     SELECT ${uuidOf('c000', 'c')}, n.name, n.phone, n.email,
            n.folded || ' ' || n.phone || coalesce(' ' || n.email, ''), now(), now()
     FROM generate_series($1::int, $2::int) c
     CROSS JOIN LATERAL (
       SELECT 1 + (c::bigint * 31) % array_length($3::text[], 1) AS f, 1 + (c::bigint * 17 / 3) % array_length($5::text[], 1) AS m,
              1 + (c::bigint * 13 / 7) % array_length($7::text[], 1) AS gv
     ) i
     CROSS JOIN LATERAL (
       SELECT ($3::text[])[i.f] || ' ' || ($5::text[])[i.m] || ' ' || ($7::text[])[i.gv] AS name,
              ($4::text[])[i.f] || ' ' || ($6::text[])[i.m] || ' ' || ($8::text[])[i.gv] AS folded,
              '09' || lpad(((c::bigint * 48271) % 100000000)::text, 8, '0') AS phone,
              CASE WHEN c % 3 = 0 THEN 'khach' || c || '@example.vn' END AS email
     ) n`,
    [from, to - 1, FAMILY, FAMILY.map(foldForSearch), MIDDLE, MIDDLE.map(foldForSearch), GIVEN, GIVEN.map(foldForSearch)],
  )
}

interface Refs {
  products: { ids: string[]; prices: number[]; taxes: number[]; names: string[]; skus: string[] }
  receptionists: string[]
  workshop: string[]
  recentFrom: number
  recentCustomers: number
  allCustomers: number
}

/**
 * Orders g in [from, to] of the final timeline 1..TOTAL (g = TOTAL is the newest), their lines, invoices and payments.
 * Order g was taken (TOTAL - g) / RATE days ago; what became of it depends on its age, as in a running shop: the last
 * four days are work in progress, older orders are finished and closed, except stragglers within the last SMALL_DAYS
 * (ready but not collected, invoiced but unpaid, done but not invoiced). Not generated: audit rows, fulfilment
 * events, invoice lines and allocations (no measured screen reads them).
 */
async function seedOrders(client: pg.Client, from: number, to: number, refs: Refs): Promise<void> {
  const step = 50_000
  for (let lo = from; lo <= to; lo += step) {
    const hi = Math.min(to, lo + step - 1)
    await client.query(
      `CREATE TEMP TABLE batch AS
       SELECT g, h, h2, age, created,
              CASE WHEN h < 0.02 AND age > 0.2 THEN 'cancelled'
                   WHEN age <= 4 THEN CASE WHEN age < 1 THEN (CASE WHEN h2 < 0.7 THEN 'new' ELSE 'partly' END)
                                           WHEN age < 2 THEN (CASE WHEN h2 < 0.5 THEN 'partly' ELSE 'waiting' END)
                                           ELSE (CASE WHEN h2 < 0.45 THEN 'waiting' ELSE 'closed' END) END
                   WHEN age < ${Math.min(60, SMALL_DAYS)} AND h < 0.035 THEN 'waiting'
                   WHEN age < ${Math.min(120, SMALL_DAYS)} AND h < 0.05 THEN 'receivable'
                   WHEN age < ${Math.min(30, SMALL_DAYS)} AND h < 0.06 THEN 'unbilled'
                   ELSE 'closed' END AS state
       FROM (
         SELECT g, ${hash('g')} AS h, ${hash('g', 977)} AS h2, (${TOTAL} - g)::float8 / ${RATE} AS age,
                (now() at time zone 'utc') - ((${TOTAL} - g)::float8 / ${RATE}) * interval '1 day' - interval '5 minutes' AS created
         FROM generate_series($1::int, $2::int) g
       ) s`,
      [lo, hi],
    )
    await client.query(
      `INSERT INTO "Order" (id, number, "customerId", "dueAt", mode, "deliveryAddress", fulfillment, billing, payment, handover,
                            "handedOverAt", "handedOverById", "heldAt", "holdReason", "heldById", "cancelledAt", "cancelReason", "cancelledById",
                            "readyAt", "closedAt", "takenById", "takenCovering", "assigneeId", "idempotencyKey", version, "trackingToken",
                            subtotal, "taxTotal", total, "createdAt", "updatedAt")
       SELECT ${uuidOf('a000', 'b.g')}, ${NUMBER_OFFSET} + b.g, ${uuidOf('c000', customerOf('b.g', refs.recentFrom, refs.recentCustomers, refs.allCustomers))},
              b.created + (1 + b.g % 3) * interval '1 day',
              CASE WHEN b.g % 7 = 0 THEN 'DELIVERY' ELSE 'PICKUP' END::"DeliveryMode",
              CASE WHEN b.g % 7 = 0 THEN b.g || ' Nguyễn Thị Minh Khai, TP. Hồ Chí Minh' END,
              (CASE b.state WHEN 'new' THEN 'NOT_STARTED' WHEN 'partly' THEN 'PARTLY_FULFILLED' WHEN 'cancelled' THEN 'NOT_STARTED' ELSE 'FULFILLED' END)::"FulfillmentStatus",
              (CASE WHEN b.state IN ('closed', 'receivable') THEN 'BILLED' ELSE 'UNBILLED' END)::"BillingStatus",
              (CASE WHEN b.state = 'closed' THEN 'PAID' ELSE 'UNPAID' END)::"PaymentStatus",
              (CASE WHEN b.state IN ('closed', 'receivable', 'unbilled') THEN (CASE WHEN b.g % 7 = 0 THEN 'DELIVERED' ELSE 'COLLECTED' END) ELSE 'WAITING' END)::"Handover",
              CASE WHEN b.state IN ('closed', 'receivable', 'unbilled') THEN b.created + interval '30 hours' END,
              CASE WHEN b.state IN ('closed', 'receivable', 'unbilled') THEN ($1::uuid[])[1 + b.g % array_length($1::uuid[], 1)] END,
              CASE WHEN b.state IN ('new', 'partly') AND b.h2 > 0.97 THEN b.created END,
              CASE WHEN b.state IN ('new', 'partly') AND b.h2 > 0.97 THEN 'Chờ khách duyệt bản in thử' END,
              CASE WHEN b.state IN ('new', 'partly') AND b.h2 > 0.97 THEN ($2::uuid[])[1] END,
              CASE WHEN b.state = 'cancelled' THEN b.created + interval '1 hour' END,
              CASE WHEN b.state = 'cancelled' THEN 'Khách đổi ý' END,
              CASE WHEN b.state = 'cancelled' THEN ($1::uuid[])[1] END,
              CASE WHEN b.state IN ('waiting', 'closed', 'receivable', 'unbilled') THEN least(b.created + interval '20 hours', (now() at time zone 'utc') - interval '1 minute') END,
              CASE WHEN b.state = 'closed' THEN b.created + interval '30 hours' END,
              CASE WHEN b.g % 10 = 0 THEN ($2::uuid[])[1] ELSE ($1::uuid[])[1 + b.g % array_length($1::uuid[], 1)] END,
              b.g % 10 = 0,
              CASE WHEN b.state IN ('new', 'cancelled') THEN NULL ELSE ($2::uuid[])[1 + b.g % array_length($2::uuid[], 1)] END,
              'scale-' || b.g, 1, md5('t' || b.g) || md5('k' || b.g),
              t.net, t.tax, t.net + t.tax, b.created, b.created
       FROM batch b
       CROSS JOIN LATERAL (
         SELECT sum(q * ($3::int[])[pi])::int AS net, sum(round(q::bigint * ($3::int[])[pi] * ($4::int[])[pi] / 10000.0))::int AS tax
         FROM generate_series(0, ${LINES - 1}) p
         CROSS JOIN LATERAL (SELECT 1 + (b.g * 7 + p) % array_length($3::int[], 1) AS pi, 1 + (b.g + p) % 5 AS q) x
       ) t`,
      [refs.receptionists, refs.workshop, refs.products.prices, refs.products.taxes],
    )
    await client.query(
      `INSERT INTO "OrderLine" (id, "orderId", position, "productId", sku, description, quantity, "unitPrice", "taxRateBp", "qtyFulfilled", "qtyInvoiced")
       SELECT ${uuidOf('b000', `b.g::bigint * ${LINES} + p`)}, ${uuidOf('a000', 'b.g')}, p, ($1::uuid[])[x.pi], ($4::text[])[x.pi], ($5::text[])[x.pi], x.q,
              ($2::int[])[x.pi], ($3::int[])[x.pi],
              CASE b.state WHEN 'new' THEN 0 WHEN 'cancelled' THEN 0 WHEN 'partly' THEN (CASE WHEN p % 2 = 0 THEN x.q ELSE 0 END) ELSE x.q END,
              CASE WHEN b.state IN ('closed', 'receivable') THEN x.q ELSE 0 END
       FROM batch b
       CROSS JOIN generate_series(0, ${LINES - 1}) p
       CROSS JOIN LATERAL (SELECT 1 + (b.g * 7 + p) % array_length($2::int[], 1) AS pi, 1 + (b.g + p) % 5 AS q) x`,
      [refs.products.ids, refs.products.prices, refs.products.taxes, refs.products.skus, refs.products.names],
    )
    // One invoice per billed order (numbered per year as the app does), one payment per paid order.
    await client.query(
      `INSERT INTO "Invoice" (id, year, seq, number, "orderId", "customerId", currency, subtotal, "taxTotal", total, "issuedAt", "dueAt", "issuedById", seller, buyer)
       SELECT ${uuidOf('d000', 'b.g')}, extract(year FROM o."handedOverAt")::int, ${NUMBER_OFFSET} + b.g,
              'HD-' || extract(year FROM o."handedOverAt")::int || '-' || lpad((${NUMBER_OFFSET} + b.g)::text, 7, '0'), o.id, o."customerId", 'VND',
              o.subtotal, o."taxTotal", o.total, o."handedOverAt", o."handedOverAt" + interval '14 days', ($1::uuid[])[1],
              '{"name":"In Nhanh Sài Gòn"}'::jsonb, jsonb_build_object('name', 'Khách')
       FROM batch b JOIN "Order" o ON o.id = ${uuidOf('a000', 'b.g')}
       WHERE b.state IN ('closed', 'receivable')`,
      [refs.workshop],
    )
    await client.query(
      `INSERT INTO "Payment" (id, "orderId", "customerId", "invoiceId", kind, method, amount, "receivedById", "receivedAt")
       SELECT ${uuidOf('e000', 'b.g')}, o.id, o."customerId", ${uuidOf('d000', 'b.g')}, 'PAYMENT', (CASE WHEN b.g % 2 = 0 THEN 'CASH' ELSE 'TRANSFER' END)::"PaymentMethod",
              o.total, o."handedOverById", o."handedOverAt"
       FROM batch b JOIN "Order" o ON o.id = ${uuidOf('a000', 'b.g')}
       WHERE b.state = 'closed'`,
    )
    await client.query('DROP TABLE batch')
  }
  await client.query(`SELECT setval(pg_get_serial_sequence('"Order"', 'number'), (SELECT max(number) FROM "Order"))`)
}

const BULK_TABLES = ['Order', 'OrderLine', 'Customer', 'Invoice', 'Payment']

/** Secondary indexes are dropped during a bulk load and rebuilt after it from their own definitions (much faster
 * than maintaining them row by row); primary keys stay. */
async function withoutSecondaryIndexes(client: pg.Client, load: () => Promise<void>): Promise<void> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [BULK_TABLES],
  )
  for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`)
  await client.query(`SET session_replication_role = replica`)
  try {
    await load()
  } finally {
    await client.query(`SET session_replication_role = DEFAULT`)
    for (const r of rows) await client.query(r.indexdef)
  }
}

// ---- measuring ------------------------------------------------------------------------------------------------

interface Captured {
  query: string
  params: unknown[]
  ms: number
}

interface Measure {
  id: string
  label: string
  group: 'queue' | 'search' | 'desk' | 'kpis' | 'counter'
  p50: number
  p95: number
  /** Database time per call (sum of the query durations Prisma reported). */
  dbMs: number
  /** Server-side execution time per call: the sum of EXPLAIN ANALYZE's "Execution Time" over its queries. */
  execMs: number
  queries: number
  rows: number
  plans: string[]
}

const captured: Captured[] = []
let capturing = false

async function explain(client: pg.Client, q: Captured): Promise<string> {
  try {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, q.params)
    return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')
  } catch (error) {
    return `(EXPLAIN failed: ${(error as Error).message})\n${q.query}`
  }
}

async function measure(client: pg.Client, id: string, label: string, group: Measure['group'], fn: () => Promise<unknown>): Promise<Measure> {
  let rows = 0
  const count = (r: unknown) => (Array.isArray(r) ? r.length : r && typeof r === 'object' && 'rows' in r && Array.isArray((r as { rows: unknown[] }).rows) ? (r as { rows: unknown[] }).rows.length : 1)
  for (let i = 0; i < 3; i++) rows = count(await fn())
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  captured.length = 0
  capturing = true
  await fn()
  capturing = false
  const queries = [...captured]
  // Every query of the call EXPLAINed; the plans kept are the two with the longest server-side execution.
  const explained: Array<{ plan: string; exec: number }> = []
  for (const q of queries) {
    const plan = await explain(client, q)
    explained.push({ plan, exec: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0) })
  }
  const plans = explained
    .sort((a, b) => b.exec - a.exec)
    .slice(0, 2)
    .map((e) => e.plan)
  const execMs = explained.reduce((sum, e) => sum + e.exec, 0)
  return { id, label, group, p50: median(times), p95: percentile(times, 95), dbMs: queries.reduce((s, q) => s + q.ms, 0), execMs, queries: queries.length, rows, plans }
}

// ---- run ------------------------------------------------------------------------------------------------------------

const started = performance.now()
const { url, cleanup } = await setUp()
const client = new pg.Client({ connectionString: url })
try {
  console.log(`[bench:scale] ${loadNote()}; migrating ${REUSE ? 'the existing' : 'a new'} database`)
  await migrate(url, { force: !REUSE })
  process.env.DATABASE_URL = url
  // The use cases call db(); give them a client that reports each query (SQL, parameters, duration) for the plans.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: 'event', level: 'query' }] })
  prisma.$on('query', (e) => {
    if (capturing) captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[], ms: e.duration })
  })
  ;(globalThis as unknown as { handoffPrisma?: PrismaClient }).handoffPrisma = prisma

  const { seedDemo } = await import('../src/server/seed/demo')
  const { listQueue } = await import('../src/server/fulfillment/list-queue')
  const { searchOrders } = await import('../src/server/orders/search-orders')
  const { searchCustomers } = await import('../src/server/customers/search-customers')
  const { listReadyOrders } = await import('../src/server/orders/list-ready-orders')
  const { listTodaysOrders } = await import('../src/server/orders/list-todays-orders')
  const { getKpis } = await import('../src/server/kpis/get-kpis')
  const { queueFilterSchema } = await import('../src/lib/schemas/fulfillment')

  // The demo shop gives settings, staff with their skills, the catalogue and a month of realistic orders.
  if (!REUSE) await seedDemo(now)
  await client.connect()
  await client.query(`SET maintenance_work_mem = '512MB'`)
  await client.query(`SET synchronous_commit = off`)
  const staff = (await client.query<{ id: string; email: string; homeRole: string }>(`SELECT id, email, "homeRole" FROM "User"`)).rows
  const products = (await client.query<{ id: string; unitPrice: number; taxRateBp: number; name: string; sku: string }>(`SELECT id, "unitPrice", "taxRateBp", name, sku FROM "Product" ORDER BY sku`)).rows
  const smallest = Math.min(...SIZES)
  const refs: Refs = {
    products: { ids: products.map((p) => p.id), prices: products.map((p) => p.unitPrice), taxes: products.map((p) => p.taxRateBp), names: products.map((p) => p.name), skus: products.map((p) => p.sku) },
    receptionists: staff.filter((s) => s.homeRole === 'RECEPTIONIST').map((s) => s.id),
    workshop: staff.filter((s) => s.homeRole === 'BACK_OFFICE').map((s) => s.id),
    recentFrom: TOTAL - smallest + 1,
    recentCustomers: Math.ceil(smallest / ORDERS_PER_CUSTOMER),
    allCustomers: Math.ceil(TOTAL / ORDERS_PER_CUSTOMER),
  }
  // As loadActor (src/server/auth/actor.ts) builds it; that module pulls in next-auth, which needs Next around it.
  const actor = async (email: string): Promise<Actor> => {
    const u = await prisma.user.findUniqueOrThrow({ where: { email }, include: { skills: true } })
    return { id: u.id, name: u.name, email: u.email, homeRole: u.homeRole, skills: Object.fromEntries(u.skills.map((k) => [k.task, k.level])), locale: null, sessionVersion: u.sessionVersion }
  }
  const reception = await actor('reception@example.com')
  const backoffice = await actor('backoffice@example.com')
  const manager = await actor('manager@example.com')

  // Query strings are the same at both sizes; the numbers and the phone belong to the recent orders (present at both).
  const recentNumber = NUMBER_OFFSET + TOTAL - 1234
  const oldNumber = NUMBER_OFFSET + Math.floor(TOTAL / 3)
  const recentCustomer = (await client.query<{ name: string; phone: string }>(`SELECT name, phone FROM "Customer" WHERE id = ${uuidOf('c000', '42')}`)).rows

  const reports: Array<{ size: number; customers: number; lines: number; open: number; seedSeconds: number; results: Measure[] }> = []
  let loadedFrom = TOTAL + 1
  let customersLoaded = 1
  for (const size of REUSE ? [TOTAL] : [...SIZES].sort((a, b) => a - b)) {
    const t0 = performance.now()
    const wantCustomers = Math.ceil(size / ORDERS_PER_CUSTOMER)
    const from = TOTAL - size + 1
    if (!REUSE) {
      await withoutSecondaryIndexes(client, async () => {
        await seedCustomers(client, customersLoaded, wantCustomers + 1)
        await seedOrders(client, from, loadedFrom - 1, refs)
      })
      customersLoaded = wantCustomers + 1
      loadedFrom = from
    }
    await client.query('VACUUM ANALYZE')
    const seedSeconds = (performance.now() - t0) / 1000
    const counts = (
      await client.query<{ orders: number; lines: number; customers: number; open: number }>(
        `SELECT (SELECT count(*) FROM "Order")::int AS orders, (SELECT count(*) FROM "OrderLine")::int AS lines,
                (SELECT count(*) FROM "Customer")::int AS customers,
                (SELECT count(*) FROM "Order" WHERE "closedAt" IS NULL AND "cancelledAt" IS NULL)::int AS open`,
      )
    ).rows[0]!
    console.log(`[bench:scale] loaded ${counts.orders.toLocaleString('en')} orders, ${counts.lines.toLocaleString('en')} lines, ${counts.customers.toLocaleString('en')} customers (${counts.open} open) in ${seedSeconds.toFixed(0)} s; ${loadNote()}`)
    if (!recentCustomer[0]) recentCustomer.push(...(await client.query<{ name: string; phone: string }>(`SELECT name, phone FROM "Customer" WHERE id = ${uuidOf('c000', '42')}`)).rows)
    const person = recentCustomer[0]!
    const queue = (over: Record<string, unknown>) => listQueue(backoffice, queueFilterSchema.parse(over), now)
    const results: Measure[] = []
    const m = async (id: string, label: string, group: Measure['group'], fn: () => Promise<unknown>) => {
      const r = await measure(client, id, label, group, fn)
      console.log(`  ${label.padEnd(48)} p50 ${r.p50.toFixed(2).padStart(8)} ms  p95 ${r.p95.toFixed(2).padStart(8)} ms  server ${r.execMs.toFixed(2).padStart(8)} ms in ${r.queries} queries  rows ${r.rows}`)
      results.push(r)
    }
    await m('queue.first', 'queue: first page (to do)', 'queue', () => queue({}))
    await m('queue.all', 'queue: first page (all open)', 'queue', () => queue({ status: 'all' }))
    await m('queue.overdue', 'queue: overdue', 'queue', () => queue({ due: 'overdue' }))
    await m('queue.search', 'queue: search "nguyen"', 'queue', () => queue({ q: 'nguyen' }))
    await m('search.number.recent', `desk search: number DH-${String(recentNumber).padStart(6, '0')}`, 'search', () => searchOrders(reception, { q: `DH-${String(recentNumber).padStart(6, '0')}` }, now))
    await m('search.number.plain', `desk search: plain number ${oldNumber}`, 'search', () => searchOrders(reception, { q: String(oldNumber) }, now))
    await m('search.name.common', 'desk search: name "nguyen"', 'search', () => searchOrders(reception, { q: 'nguyen' }, now))
    await m('search.name.full', `desk search: full name "${foldForSearch(person.name)}"`, 'search', () => searchOrders(reception, { q: foldForSearch(person.name) }, now))
    await m('search.name.diacritics', `desk search: "${person.name}"`, 'search', () => searchOrders(reception, { q: person.name }, now))
    await m('search.phone.full', `desk search: phone ${person.phone}`, 'search', () => searchOrders(reception, { q: person.phone }, now))
    await m('search.phone.partial', `desk search: phone end "${person.phone.slice(-5)}"`, 'search', () => searchOrders(reception, { q: person.phone.slice(-5) }, now))
    await m('customers.name.common', 'customer picker: "nguyen"', 'search', () => searchCustomers(reception, { q: 'nguyen' }))
    await m('customers.name.full', `customer picker: "${foldForSearch(person.name)}"`, 'search', () => searchCustomers(reception, { q: foldForSearch(person.name) }))
    await m('customers.phone', `customer picker: phone ${person.phone}`, 'search', () => searchCustomers(reception, { q: person.phone }))
    await m('desk.ready', 'desk: ready for pickup', 'desk', () => listReadyOrders(reception, now))
    await m('counter.today', "counter: today's orders", 'counter', () => listTodaysOrders(reception, now))
    await m('kpis', 'manager: KPIs page', 'kpis', () => getKpis(manager, now))
    reports.push({ size, customers: counts.customers, lines: counts.lines, open: counts.open, seedSeconds, results })
  }

  const [small, large] = [reports[0]!, reports[reports.length - 1]!]
  const rows: Row[] = []
  if (reports.length === 1) {
    for (const b of large.results) rows.push({ metric: `${b.label} (p50 / p95)`, value: b.p50, unit: 'ms', note: `p95 ${b.p95.toFixed(1)} ms` })
  }
  for (const a of reports.length > 1 ? small.results : []) {
    const b = large.results.find((r) => r.id === a.id)!
    const ratio = b.p50 / a.p50
    const isSearch = a.group === 'search'
    rows.push({
      metric: `${a.label} (p50)`,
      value: b.p50,
      unit: 'ms',
      baseline: { label: `${small.size.toLocaleString('en')} orders`, value: a.p50 },
      ratio,
      budget: '≤ 1.3×',
      pass: ratio <= 1.3,
    })
    rows.push({ metric: `${a.label} (server-side execution)`, value: b.execMs, unit: 'ms', baseline: { label: `${small.size.toLocaleString('en')} orders`, value: a.execMs }, ratio: b.execMs / Math.max(0.01, a.execMs) })
    if (isSearch) rows.push({ metric: `${a.label} (p95)`, value: b.p95, unit: 'ms', baseline: { label: `${small.size.toLocaleString('en')} orders`, value: a.p95 }, ratio: b.p95 / a.p95, budget: '≤ 50 ms', pass: b.p95 <= 50 })
  }
  printTable(`Scale: ${large.size.toLocaleString('en')} vs ${small.size.toLocaleString('en')} orders, ${RUNS} runs each (measured = at ${large.size.toLocaleString('en')})`, rows)
  for (const r of large.results) {
    console.log(`\n--- EXPLAIN (ANALYZE, BUFFERS) at ${large.size.toLocaleString('en')} orders — ${r.label} (slowest ${r.plans.length} of ${r.queries} queries)`)
    for (const p of r.plans) console.log(`${p}\n`)
  }
  writeResult('scale', { sizes: SIZES, runs: RUNS, linesPerOrder: LINES, ratePerDay: RATE, rows, reports })
  console.log(`[bench:scale] done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  await prisma.$disconnect()
} finally {
  await client.end().catch(() => undefined)
  await cleanup()
}
