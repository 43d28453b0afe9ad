// Scale: the screens that read big tables, measured through their real use cases (src/server/**) at 10,000 orders and
// again at 1,000,000 orders (10 lines each: 10 M order lines; 200,000 customers), on the same database.
//
// The shop takes RATE orders a day. The 10 k database is its last ~5 weeks; growing it to 1 M adds ~9 years of older,
// finished history in front of exactly the same recent rows (same order numbers, same open work, same last 30 days).
// So the question is only whether a screen's cost follows the shop's history (it must not) or its current work.
// Searches are the exception by nature: a name that 100× more customers have matches 100× more rows.
//
// The database is copied at each smaller size before it grows (CREATE DATABASE … TEMPLATE), and the sizes are then
// measured in turns, run by run (10 k, 1 M, 1 M, 10 k, …), so that a neighbour's load on this shared machine weighs
// on both sides of a ratio alike rather than on whichever size happened to be measured during it.
//
// Run: npm run bench:scale   (SIZES=10000,1000000 by default; BENCH_RUNS=30 timed runs per query and size)
// Uses DATABASE_URL's server when set (creates and drops its own databases there; else the local one on 127.0.0.1),
// or an embedded throw-away cluster with BENCH_EMBEDDED=1. Loading 1 M orders takes ~5 minutes on 2 cores, so:
//   KEEP_DB=1   keeps the databases (one per size) and prints the SCALE_DB=… line that measures them again;
//   SCALE_DB=<url>[,<url>…]   measures kept databases as they are, without loading (pending migrations are applied
//               first, then VACUUM ANALYZE): with both sizes' urls, the same ratios as a full run. Each database
//               remembers the clock it was loaded at (table "_bench_scale"), and the screens are asked at that
//               moment, so "today's orders" and the KPIs' 30 days are the same days however much later it runs;
//   SCREENS=search.name,kpis   only the screens whose id starts with one of these (ids: see `screens` below).
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
import { GIVEN_NAMES } from '../src/server/seed/names'
import { PrismaClient } from '../src/generated/prisma/client'
import { buildOrder, insertOrders, type BuiltOrder } from '../src/server/orders/order-rows'
import type { Actor } from '../src/server/auth/actor'
import { loadNote, median, percentile, printTable, writeResult, type Row } from './lib/report'

pg.defaults.parseInputDatesAsUTC = true

const REUSE = (process.env.SCALE_DB ?? '').split(',').filter(Boolean)
const SCREENS = (process.env.SCREENS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const LINES = Number(process.env.LINES_PER_ORDER ?? 10)
const ORDERS_PER_CUSTOMER = 5
/** Orders a day: the 10 k database then spans ~33 days, so the KPIs' 30-day window is full at both sizes. */
const RATE = 300
const NUMBER_OFFSET = 1000

/** What a loaded database remembers about its load, so that it can be measured again later as it was. */
interface Loaded {
  /** The clock the rows were generated against: every screen is asked at this moment. */
  now: Date
  /** The size of the timeline the rows belong to (order g of 1..total; recent orders are the same at every size). */
  total: number
  /** Orders loaded in this database. */
  size: number
}

async function readLoaded(url: string): Promise<Loaded> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const { rows } = await c.query<{ now: Date; total: number; size: number }>(`SELECT now, total, size FROM "_bench_scale"`)
    if (!rows[0]) throw new Error('empty')
    return rows[0]
  } catch (error) {
    throw new Error(`SCALE_DB ${url}: not a database kept by this benchmark (${(error as Error).message})`)
  } finally {
    await c.end()
  }
}

const reused = await Promise.all(REUSE.map(readLoaded))
if (reused.some((r) => r.total !== reused[0]!.total || r.now.getTime() !== reused[0]!.now.getTime()))
  throw new Error('SCALE_DB: these databases were not loaded by the same run')
const SIZES = reused.length > 0 ? reused.map((r) => r.size) : (process.env.SIZES ?? '10000,1000000').split(',').map(Number)
const TOTAL = reused[0]?.total ?? Math.max(...SIZES)
/** Days the smallest size spans: everything still open lies within them, so the open work is the same at every size
 * (a shop whose uncollected orders pile up for years grows its open slices; the partial indexes follow those). */
const SMALL_DAYS = Math.floor(Math.min(...SIZES) / RATE)
const now = reused[0]?.now ?? new Date()

// ---- database -------------------------------------------------------------------------------------------------

interface Setup {
  /** The database the rows are loaded into (it ends at the largest size). */
  url: string
  /** A copy of the loaded database as it is now, under a name for this size (no session may be connected to it). */
  copy: (size: number) => Promise<string>
  cleanup: () => Promise<void>
}

async function setUp(): Promise<Setup> {
  const name = `handoff_scale_${randomBytes(4).toString('hex')}`
  const copies: string[] = []
  let server: string
  let url: string
  let stop: () => Promise<void> = async () => undefined
  if (process.env.BENCH_EMBEDDED === '1') {
    const tmp = mkdtempSync(path.join(tmpdir(), 'handoff-scale-pg-'))
    chmodSync(tmp, 0o755)
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'data'), persistent: false, quiet: true })
    await embedded.createDatabase(name)
    server = embedded.url('postgres')
    url = embedded.url(name)
    stop = async () => {
      await embedded.stop()
      rmSync(tmp, { recursive: true, force: true })
    }
  } else {
    const at = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
    at.pathname = '/postgres'
    server = at.toString()
    const admin = new pg.Client({ connectionString: server })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    at.pathname = `/${name}`
    url = at.toString()
  }
  const adminQuery = async (sql: string) => {
    const c = new pg.Client({ connectionString: server })
    await c.connect()
    try {
      await c.query(sql)
    } finally {
      await c.end()
    }
  }
  return {
    url,
    copy: async (size) => {
      const copyName = `${name}_${size}`
      await adminQuery(`CREATE DATABASE "${copyName}" TEMPLATE "${name}"`)
      copies.push(copyName)
      const at = new URL(url)
      at.pathname = `/${copyName}`
      return at.toString()
    },
    cleanup: async () => {
      if (process.env.KEEP_DB === '1') return
      if (process.env.BENCH_EMBEDDED !== '1')
        for (const db of [name, ...copies]) await adminQuery(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)
      await stop()
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
const GIVEN = [...GIVEN_NAMES, 'Khoa', 'Lộc', 'Mai', 'Ngân', 'Oanh', 'Tùng']

const uuidOf = (kind: string, n: string) => `('00000000-0000-4000-${kind}-' || lpad(to_hex(${n}), 12, '0'))::uuid`
/** A deterministic pseudo-random number in [0, 1) per integer (Knuth's multiplicative hash). */
const hash = (n: number, salt = 0) => ((n * 2654435761 + salt) % 4294967296) / 4294967296
/** uuidOf in JavaScript: the same id for the same kind and number. */
const idOf = (kind: string, n: number) => `00000000-0000-4000-${kind}-${n.toString(16).padStart(12, '0')}`
/** Customer of order g: recent orders (the smallest size) come from the first customers, older ones from anyone. */
const customerOf = (g: number, refs: Refs) =>
  g >= refs.recentFrom ? 1 + ((g * 7919) % refs.recentCustomers) : 1 + ((g * 104729) % refs.allCustomers)

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
  const query = (text: string, values: unknown[]) => client.query(text, values)
  const { products, receptionists, workshop } = refs
  const nowMs = now.getTime()
  const hour = 3_600_000
  const step = 10_000
  for (let lo = from; lo <= to; lo += step) {
    const hi = Math.min(to, lo + step - 1)
    const batch: BuiltOrder[] = []
    for (let g = lo; g <= hi; g++) {
      const h = hash(g)
      const h2 = hash(g, 977)
      const age = (TOTAL - g) / RATE
      const state =
        h < 0.02 && age > 0.2
          ? 'cancelled'
          : age <= 4
            ? age < 1
              ? h2 < 0.7
                ? 'new'
                : 'partly'
              : age < 2
                ? h2 < 0.5
                  ? 'partly'
                  : 'waiting'
                : h2 < 0.45
                  ? 'waiting'
                  : 'closed'
            : age < Math.min(60, SMALL_DAYS) && h < 0.035
              ? 'waiting'
              : age < Math.min(120, SMALL_DAYS) && h < 0.05
                ? 'receivable'
                : age < Math.min(30, SMALL_DAYS) && h < 0.06
                  ? 'unbilled'
                  : 'closed'
      const created = nowMs - age * 86_400_000 - 5 * 60_000
      const handedOver = state === 'closed' || state === 'receivable' || state === 'unbilled'
      const invoiced = state === 'closed' || state === 'receivable'
      const held = (state === 'new' || state === 'partly') && h2 > 0.97
      const delivery = g % 7 === 0
      const lines = Array.from({ length: LINES }, (_, p) => {
        const pi = (g * 7 + p) % products.ids.length
        const q = 1 + ((g + p) % 5)
        const qtyFulfilled = state === 'new' || state === 'cancelled' ? 0 : state === 'partly' ? (p % 2 === 0 ? q : 0) : q
        return {
          id: idOf('b000', g * LINES + p),
          productId: products.ids[pi]!,
          sku: products.skus[pi]!,
          description: products.names[pi]!,
          quantity: q,
          unitPrice: products.prices[pi]!,
          taxRateBp: products.taxes[pi]!,
          qtyFulfilled,
          qtyInvoiced: invoiced ? q : 0,
        }
      })
      // Invoiced orders owe their total and closed ones paid it (their invoice and payment rows are written below).
      const built = buildOrder({
        id: idOf('a000', g),
        number: NUMBER_OFFSET + g,
        customerId: idOf('c000', customerOf(g, refs)),
        dueAt: new Date(created + (1 + (g % 3)) * 86_400_000),
        mode: delivery ? 'DELIVERY' : 'PICKUP',
        deliveryAddress: delivery ? `${g} Nguyễn Thị Minh Khai, TP. Hồ Chí Minh` : null,
        handover: handedOver
          ? {
              kind: delivery ? 'DELIVERED' : 'COLLECTED',
              at: new Date(created + 30 * hour),
              byId: receptionists[g % receptionists.length]!,
            }
          : null,
        held: held ? { at: new Date(created), reason: 'Chờ khách duyệt bản in thử', byId: workshop[0]! } : null,
        cancelled: state === 'cancelled' ? { at: new Date(created + hour), reason: 'Khách đổi ý', byId: receptionists[0]! } : null,
        readyAt: state === 'waiting' || handedOver ? new Date(Math.min(created + 20 * hour, nowMs - 60_000)) : null,
        closedIfDoneAt: new Date(created + 30 * hour),
        takenById: g % 10 === 0 ? workshop[0]! : receptionists[g % receptionists.length]!,
        takenCovering: g % 10 === 0,
        assigneeId: state === 'new' || state === 'cancelled' ? null : workshop[g % workshop.length]!,
        idempotencyKey: `scale-${g}`,
        createdAt: new Date(created),
        lines,
        money: invoiced ? { invoicedNet: 'total', invoiced: true, paid: state === 'closed' ? 'total' : 0 } : undefined,
      })
      batch.push(built)
    }
    await insertOrders(query, batch)
    // One invoice per billed order (numbered per year as the app does), one payment per paid order.
    const range = [NUMBER_OFFSET + lo, NUMBER_OFFSET + hi]
    await client.query(
      `INSERT INTO "Invoice" (id, year, seq, number, "orderId", "customerId", currency, subtotal, "taxTotal", total, "issuedAt", "dueAt", "issuedById", seller, buyer)
       SELECT ${uuidOf('d000', `o.number - ${NUMBER_OFFSET}`)}, extract(year FROM o."handedOverAt")::int, o.number,
              'HD-' || extract(year FROM o."handedOverAt")::int || '-' || lpad(o.number::text, 7, '0'), o.id, o."customerId", 'VND',
              o.subtotal, o."taxTotal", o.total, o."handedOverAt", o."handedOverAt" + interval '14 days', ($1::uuid[])[1],
              '{"name":"In Nhanh Sài Gòn"}'::jsonb, jsonb_build_object('name', 'Khách')
       FROM "Order" o WHERE o.number BETWEEN $2 AND $3 AND o.billing = 'BILLED'`,
      [workshop, ...range],
    )
    await client.query(
      `INSERT INTO "Payment" (id, "orderId", "customerId", "invoiceId", kind, method, amount, "receivedById", "receivedAt")
       SELECT ${uuidOf('e000', `o.number - ${NUMBER_OFFSET}`)}, o.id, o."customerId", ${uuidOf('d000', `o.number - ${NUMBER_OFFSET}`)}, 'PAYMENT',
              (CASE WHEN o.number % 2 = 0 THEN 'CASH' ELSE 'TRANSFER' END)::"PaymentMethod", o.total, o."handedOverById", o."handedOverAt"
       FROM "Order" o WHERE o.number BETWEEN $1 AND $2 AND o.payment = 'PAID'`,
      range,
    )
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

/** One database to measure: its own Prisma client and pool, and the people and rows the screens ask about. */
interface Target {
  size: number
  url: string
  client: pg.Client
  prisma: PrismaClient
  pool: pg.Pool
  reception: Actor
  backoffice: Actor
  manager: Actor
  counts: { orders: number; lines: number; customers: number; open: number }
  seedSeconds: number
}

interface Screen {
  id: string
  label: string
  group: 'queue' | 'search' | 'desk' | 'kpis' | 'counter'
  run: (t: Target) => Promise<unknown>
}

interface Measure {
  id: string
  label: string
  group: Screen['group']
  p50: number
  p95: number
  /** Database time per call (sum of the query durations Prisma reported). */
  dbMs: number
  /** Server-side execution time per call: the sum of EXPLAIN ANALYZE's "Execution Time" over its queries. */
  execMs: number
  /** The sum of EXPLAIN ANALYZE's "Planning Time" over the same queries (not part of execMs). */
  planMs: number
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

/** The use cases reach the database through db() (and pool()): point them at this target's. */
function pointAt(t: Target): void {
  const g = globalThis as unknown as { handoffPrisma?: PrismaClient; handoffPool?: pg.Pool }
  g.handoffPrisma = t.prisma
  g.handoffPool = t.pool
}

const rowCount = (r: unknown) =>
  Array.isArray(r)
    ? r.length
    : r && typeof r === 'object' && 'rows' in r && Array.isArray((r as { rows: unknown[] }).rows)
      ? (r as { rows: unknown[] }).rows.length
      : 1

/** One screen on every target: warm-up, then RUNS timed calls per target taken in turns (the order flips each round),
 * then one call whose queries are EXPLAIN ANALYZEd. */
async function measure(targets: readonly Target[], screen: Screen): Promise<Measure[]> {
  const rows = new Map<Target, number>()
  for (const t of targets) {
    pointAt(t)
    for (let i = 0; i < 3; i++) rows.set(t, rowCount(await screen.run(t)))
  }
  const times = new Map<Target, number[]>(targets.map((t) => [t, []]))
  for (let i = 0; i < RUNS; i++) {
    for (const t of i % 2 === 0 ? targets : [...targets].reverse()) {
      pointAt(t)
      const t0 = performance.now()
      await screen.run(t)
      times.get(t)!.push(performance.now() - t0)
    }
  }
  const out: Measure[] = []
  for (const t of targets) {
    pointAt(t)
    captured.length = 0
    capturing = true
    await screen.run(t)
    capturing = false
    const queries = [...captured]
    // Every query of the call EXPLAINed; the plans kept are the two with the longest server-side execution.
    const explained: Array<{ plan: string; exec: number; planning: number }> = []
    for (const q of queries) {
      const plan = await explain(t.client, q)
      explained.push({
        plan,
        exec: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0),
        planning: Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0),
      })
    }
    const plans = [...explained]
      .sort((a, b) => b.exec - a.exec)
      .slice(0, 2)
      .map((e) => e.plan)
    const ts = times.get(t)!
    out.push({
      id: screen.id,
      label: screen.label,
      group: screen.group,
      p50: median(ts),
      p95: percentile(ts, 95),
      dbMs: queries.reduce((s, q) => s + q.ms, 0),
      execMs: explained.reduce((sum, e) => sum + e.exec, 0),
      planMs: explained.reduce((sum, e) => sum + e.planning, 0),
      queries: queries.length,
      rows: rows.get(t)!,
      plans,
    })
  }
  return out
}

function clientFor(url: string): { prisma: PrismaClient; pool: pg.Pool } {
  // The use cases call db(); give them a client that reports each query (SQL, parameters, duration) for the plans.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: 'event', level: 'query' }] })
  prisma.$on('query', (e) => {
    if (capturing) captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[], ms: e.duration })
  })
  return { prisma, pool: new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true }) }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`SET maintenance_work_mem = '512MB'`)
  await client.query(`SET synchronous_commit = off`)
  return client
}

// ---- run ------------------------------------------------------------------------------------------------------------

const started = performance.now()
const setup = REUSE.length > 0 ? null : await setUp()
const opened: Array<{ client: pg.Client; prisma: PrismaClient; pool: pg.Pool }> = []
try {
  const { seedDemo } = await import('../src/server/seed/demo')
  const { listQueue } = await import('../src/server/fulfillment/list-queue')
  const { searchOrders } = await import('../src/server/orders/search-orders')
  const { searchCustomers } = await import('../src/server/customers/search-customers')
  const { listReadyOrders } = await import('../src/server/orders/list-ready-orders')
  const { listTodaysOrders } = await import('../src/server/orders/list-todays-orders')
  const { getKpis } = await import('../src/server/kpis/get-kpis')
  const { queueFilterSchema } = await import('../src/lib/schemas/fulfillment')

  /** Each size's database: a copy taken when the load reached that size, or the kept ones of SCALE_DB. */
  const databases: Array<{ size: number; url: string; seedSeconds: number }> = []
  if (setup) {
    const url = setup.url
    console.log(`[bench:scale] ${loadNote()}; migrating a new database`)
    await migrate(url, { force: true })
    process.env.DATABASE_URL = url
    const loader = clientFor(url)
    opened.push({ ...loader, client: new pg.Client() })
    pointAt({ prisma: loader.prisma, pool: loader.pool } as Target)
    // The demo shop gives settings, staff with their skills, the catalogue and a month of realistic orders.
    await seedDemo(now)
    await loader.prisma.$disconnect()
    await loader.pool.end()
    let client = await connect(url)
    await client.query(`CREATE TABLE "_bench_scale" (now timestamptz NOT NULL, total int NOT NULL, size int NOT NULL)`)
    await client.query(`INSERT INTO "_bench_scale" VALUES ($1, $2, 0)`, [now.toISOString(), TOTAL])
    const staff = (await client.query<{ id: string; homeRole: string }>(`SELECT id, "homeRole" FROM "User"`)).rows
    const products = (
      await client.query<{ id: string; unitPrice: number; taxRateBp: number; name: string; sku: string }>(
        `SELECT id, "unitPrice", "taxRateBp", name, sku FROM "Product" ORDER BY sku`,
      )
    ).rows
    const smallest = Math.min(...SIZES)
    const refs: Refs = {
      products: {
        ids: products.map((p) => p.id),
        prices: products.map((p) => p.unitPrice),
        taxes: products.map((p) => p.taxRateBp),
        names: products.map((p) => p.name),
        skus: products.map((p) => p.sku),
      },
      receptionists: staff.filter((s) => s.homeRole === 'RECEPTIONIST').map((s) => s.id),
      workshop: staff.filter((s) => s.homeRole === 'BACK_OFFICE').map((s) => s.id),
      recentFrom: TOTAL - smallest + 1,
      recentCustomers: Math.ceil(smallest / ORDERS_PER_CUSTOMER),
      allCustomers: Math.ceil(TOTAL / ORDERS_PER_CUSTOMER),
    }
    let loadedFrom = TOTAL + 1
    let customersLoaded = 1
    for (const size of [...SIZES].sort((a, b) => a - b)) {
      const t0 = performance.now()
      const wantCustomers = Math.ceil(size / ORDERS_PER_CUSTOMER)
      const from = TOTAL - size + 1
      await withoutSecondaryIndexes(client, async () => {
        await seedCustomers(client, customersLoaded, wantCustomers + 1)
        await seedOrders(client, from, loadedFrom - 1, refs)
      })
      customersLoaded = wantCustomers + 1
      loadedFrom = from
      await client.query(`UPDATE "_bench_scale" SET size = $1`, [size])
      await client.query('VACUUM ANALYZE')
      // The load's dirty pages written now, not by a checkpoint spread over the first minutes of measuring.
      await client.query('CHECKPOINT')
      const seedSeconds = (performance.now() - t0) / 1000
      console.log(`[bench:scale] loaded ${size.toLocaleString('en')} orders in ${seedSeconds.toFixed(0)} s; ${loadNote()}`)
      if (size === TOTAL) {
        databases.push({ size, url, seedSeconds })
      } else {
        await client.end()
        databases.push({ size, url: await setup.copy(size), seedSeconds })
        client = await connect(url)
      }
    }
    await client.end()
  } else {
    for (const [i, url] of REUSE.entries()) {
      console.log(
        `[bench:scale] ${loadNote()}; ${(await migrate(url)) === 'applied' ? 'applied pending migrations to' : 'up to date:'} ${url}`,
      )
      const client = await connect(url)
      await client.query('VACUUM ANALYZE')
      await client.end()
      databases.push({ size: reused[i]!.size, url, seedSeconds: 0 })
    }
    databases.sort((a, b) => a.size - b.size)
    console.log(`[bench:scale] measuring as at ${now.toISOString()} (when these databases were loaded)`)
  }

  const targets: Target[] = []
  for (const d of databases) {
    const { prisma, pool } = clientFor(d.url)
    const client = await connect(d.url)
    opened.push({ client, prisma, pool })
    // As loadActor (src/server/auth/actor.ts) builds it; that module pulls in next-auth, which needs Next around it.
    const actor = async (email: string): Promise<Actor> => {
      const u = await prisma.user.findUniqueOrThrow({ where: { email }, include: { skills: true } })
      return {
        id: u.id,
        name: u.name,
        email: u.email,
        homeRole: u.homeRole,
        skills: Object.fromEntries(u.skills.map((k) => [k.task, k.level])),
        locale: null,
        sessionVersion: u.sessionVersion,
      }
    }
    const counts = (
      await client.query<Target['counts']>(
        `SELECT (SELECT count(*) FROM "Order")::int AS orders, (SELECT count(*) FROM "OrderLine")::int AS lines,
                (SELECT count(*) FROM "Customer")::int AS customers,
                (SELECT count(*) FROM "Order" WHERE "closedAt" IS NULL AND "cancelledAt" IS NULL)::int AS open`,
      )
    ).rows[0]!
    targets.push({
      ...d,
      client,
      prisma,
      pool,
      counts,
      reception: await actor('reception@example.com'),
      backoffice: await actor('backoffice@example.com'),
      manager: await actor('manager@example.com'),
    })
    console.log(
      `[bench:scale] ${d.size.toLocaleString('en')}: ${counts.orders.toLocaleString('en')} orders, ${counts.lines.toLocaleString('en')} lines, ${counts.customers.toLocaleString('en')} customers (${counts.open} open)`,
    )
  }
  if (setup && process.env.KEEP_DB === '1')
    console.log(`[bench:scale] kept; measure again with SCALE_DB=${targets.map((t) => t.url).join(',')}`)

  // Query strings are the same at every size; the numbers and the phone belong to the recent orders (present at all).
  // The plain number is the oldest order of the smallest size: typed without prefix, it is looked up both as a number
  // and among the customers' phones, and it must exist at every size for the ratio to compare the same work (an
  // order only the largest size has finds nothing at the others: one query instead of six).
  const recentNumber = NUMBER_OFFSET + TOTAL - 1234
  const oldNumber = NUMBER_OFFSET + TOTAL - Math.min(...SIZES) + 1
  const person = (
    await targets[0]!.client.query<{ name: string; phone: string }>(`SELECT name, phone FROM "Customer" WHERE id = ${uuidOf('c000', '42')}`)
  ).rows[0]!
  const queue = (t: Target, over: Record<string, unknown>) => listQueue(t.backoffice, queueFilterSchema.parse(over), now)
  const numberQuery = `DH-${String(recentNumber).padStart(6, '0')}`
  const allScreens: Screen[] = [
    { id: 'queue.first', label: 'queue: first page (to do)', group: 'queue', run: (t) => queue(t, {}) },
    { id: 'queue.all', label: 'queue: first page (all open)', group: 'queue', run: (t) => queue(t, { status: 'all' }) },
    { id: 'queue.overdue', label: 'queue: overdue', group: 'queue', run: (t) => queue(t, { due: 'overdue' }) },
    { id: 'queue.search', label: 'queue: search "nguyen"', group: 'queue', run: (t) => queue(t, { q: 'nguyen' }) },
    {
      id: 'search.number.recent',
      label: `desk search: number ${numberQuery}`,
      group: 'search',
      run: (t) => searchOrders(t.reception, { q: numberQuery }, now),
    },
    {
      id: 'search.number.plain',
      label: `desk search: plain number ${oldNumber}`,
      group: 'search',
      run: (t) => searchOrders(t.reception, { q: String(oldNumber) }, now),
    },
    {
      id: 'search.name.common',
      label: 'desk search: name "nguyen"',
      group: 'search',
      run: (t) => searchOrders(t.reception, { q: 'nguyen' }, now),
    },
    {
      id: 'search.name.full',
      label: `desk search: full name "${foldForSearch(person.name)}"`,
      group: 'search',
      run: (t) => searchOrders(t.reception, { q: foldForSearch(person.name) }, now),
    },
    {
      id: 'search.name.diacritics',
      label: `desk search: "${person.name}"`,
      group: 'search',
      run: (t) => searchOrders(t.reception, { q: person.name }, now),
    },
    {
      id: 'search.phone.full',
      label: `desk search: phone ${person.phone}`,
      group: 'search',
      run: (t) => searchOrders(t.reception, { q: person.phone }, now),
    },
    {
      id: 'search.phone.partial',
      label: `desk search: phone end "${person.phone.slice(-5)}"`,
      group: 'search',
      run: (t) => searchOrders(t.reception, { q: person.phone.slice(-5) }, now),
    },
    {
      id: 'customers.name.common',
      label: 'customer picker: "nguyen"',
      group: 'search',
      run: (t) => searchCustomers(t.reception, { q: 'nguyen' }),
    },
    {
      id: 'customers.name.full',
      label: `customer picker: "${foldForSearch(person.name)}"`,
      group: 'search',
      run: (t) => searchCustomers(t.reception, { q: foldForSearch(person.name) }),
    },
    {
      id: 'customers.phone',
      label: `customer picker: phone ${person.phone}`,
      group: 'search',
      run: (t) => searchCustomers(t.reception, { q: person.phone }),
    },
    { id: 'desk.ready', label: 'desk: ready for pickup', group: 'desk', run: (t) => listReadyOrders(t.reception, now) },
    { id: 'counter.today', label: "counter: today's orders", group: 'counter', run: (t) => listTodaysOrders(t.reception, now) },
    { id: 'kpis', label: 'manager: KPIs page', group: 'kpis', run: (t) => getKpis(t.manager, now) },
  ]
  const screens = allScreens.filter((s) => SCREENS.length === 0 || SCREENS.some((prefix) => s.id.startsWith(prefix)))

  const results = new Map<Target, Measure[]>(targets.map((t) => [t, []]))
  for (const screen of screens) {
    const measured = await measure(targets, screen)
    for (const [i, t] of targets.entries()) {
      const r = measured[i]!
      results.get(t)!.push(r)
      console.log(
        `  ${`${screen.label} @ ${t.size.toLocaleString('en')}`.padEnd(60)} p50 ${r.p50.toFixed(2).padStart(8)} ms  p95 ${r.p95.toFixed(2).padStart(8)} ms  server ${r.execMs.toFixed(2).padStart(7)} ms (+ plan ${r.planMs.toFixed(2)}) in ${r.queries} queries  rows ${r.rows}`,
      )
    }
  }
  const reports = targets.map((t) => ({
    size: t.size,
    customers: t.counts.customers,
    lines: t.counts.lines,
    open: t.counts.open,
    orders: t.counts.orders,
    seedSeconds: t.seedSeconds,
    results: results.get(t)!,
  }))

  const [small, large] = [reports[0]!, reports[reports.length - 1]!]
  const rows: Row[] = []
  if (reports.length === 1) {
    for (const b of large.results)
      rows.push({ metric: `${b.label} (p50 / p95)`, value: b.p50, unit: 'ms', note: `p95 ${b.p95.toFixed(1)} ms` })
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
    rows.push({
      metric: `${a.label} (server-side execution)`,
      value: b.execMs,
      unit: 'ms',
      baseline: { label: `${small.size.toLocaleString('en')} orders`, value: a.execMs },
      ratio: b.execMs / Math.max(0.01, a.execMs),
    })
    rows.push({
      metric: `${a.label} (server-side planning)`,
      value: b.planMs,
      unit: 'ms',
      baseline: { label: `${small.size.toLocaleString('en')} orders`, value: a.planMs },
      ratio: b.planMs / Math.max(0.01, a.planMs),
    })
    if (isSearch)
      rows.push({
        metric: `${a.label} (p95)`,
        value: b.p95,
        unit: 'ms',
        baseline: { label: `${small.size.toLocaleString('en')} orders`, value: a.p95 },
        ratio: b.p95 / a.p95,
        budget: '≤ 50 ms',
        pass: b.p95 <= 50,
      })
  }
  printTable(
    `Scale: ${large.size.toLocaleString('en')} vs ${small.size.toLocaleString('en')} orders, ${RUNS} runs each, in turns (measured = at ${large.size.toLocaleString('en')})`,
    rows,
  )
  for (const r of large.results) {
    console.log(
      `\n--- EXPLAIN (ANALYZE, BUFFERS) at ${large.size.toLocaleString('en')} orders — ${r.label} (slowest ${r.plans.length} of ${r.queries} queries)`,
    )
    for (const p of r.plans) console.log(`${p}\n`)
  }
  writeResult('scale', {
    sizes: SIZES,
    runs: RUNS,
    linesPerOrder: LINES,
    ratePerDay: RATE,
    now: now.toISOString(),
    reused: REUSE.length > 0,
    rows,
    reports,
  })
  console.log(`[bench:scale] done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
} finally {
  for (const o of opened) {
    await o.prisma.$disconnect().catch(() => undefined)
    await o.client.end().catch(() => undefined)
    if (!o.pool.ended) await o.pool.end().catch(() => undefined)
  }
  await setup?.cleanup()
}
