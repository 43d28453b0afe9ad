// Intake throughput: POST /api/v1/orders (3 lines, a fresh Idempotency-Key per request, bearer token) under autocannon
// at 16 connections, beside floors measured in the same run on the same production build:
//   echo           a bare route handler that parses the same JSON and answers (the framework's ceiling here),
//   echo+auth      the API wrapper: bearer token, rate limit, permission (no validation),
//   echo+validate  the above plus the size-limited body read and the same zod schema,
//   echo+idem      the above plus the Idempotency-Key record (bound, then completed), with a use case doing nothing,
//   full           the real route: all of it plus createOrder's reads and transaction and the summary it returns,
// and pgbench sending the order's SQL transaction (order + 3 lines + audit row) straight to PostgreSQL.
// Every run also reads the CPU it cost from /proc (bench/lib/cpu.ts): the app server's processes, the database's
// backends and autocannon, per request — the figure that a busy machine does not distort. The share of each step
// (framework, auth, validation, idempotency record, the use case's database work and its code) is the difference of
// server CPU between variants that differ by that step; one connection's median latency per variant (no queueing)
// and the use case run in-process (queries timed at the pool) are reported beside.
//
// Run: npm run bench:intake   (builds into .next-perf; BENCH_SKIP_BUILD=1 reuses it; BENCH_DURATION=10 s per run,
// BENCH_RUNS=3 rounds). The echo routes are built and answer only with HANDOFF_BENCH=1, set here for the build and the
// server it starts (next.config.ts; `npm run build` leaves them out).
// Budget: full ≥ 0.7× the bare route's requests per second, p99 ≤ 100 ms.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { startAppServer } from './lib/app-server'
import { cpuBetween, groupCpuMs, pidsCpuMs } from './lib/cpu'
import { loadNote, median, percentile, printTable, writeResult, type Row } from './lib/report'

const CONNECTIONS = 16
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 300)
const PORT = Number(process.env.BENCH_PORT ?? 3320)

process.env.NEXT_DIST_DIR ??= '.next-perf'
process.env.HANDOFF_BENCH = '1'
// The per-token rate limit would otherwise be what is measured.
process.env.API_RATE_BURST = '1000000'
process.env.API_RATE_PER_SECOND = '1000000'
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres'

type Variant = 'echo' | 'echo+auth' | 'echo+validate' | 'echo+idem' | 'full'
const PATHS: Record<Variant, string> = {
  echo: '/api/bench/echo',
  'echo+auth': '/api/bench/echo/auth',
  'echo+validate': '/api/bench/echo/validate',
  'echo+idem': '/api/bench/echo/idempotent',
  full: '/api/v1/orders',
}

interface Run {
  variant: Variant | 'pgbench'
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  load: string
  /** CPU milliseconds per request (or transaction): the app server's processes, the database's backends, and this
   * process (autocannon). Unlike requests per second, these do not depend on what else the machine is doing. */
  cpu?: { app: number; db: number; client: number }
}

/** Samples the CPU used by the database's backends (new ones count from zero, ones that end keep their last
 * reading), every 200 ms while running. */
async function databaseCpu(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const baseline = new Map<number, number>()
  const last = new Map<number, number>()
  let measuring = false
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )
    for (const [pid, ms] of pidsCpuMs(rows.map((r) => r.pid))) {
      if (!baseline.has(pid)) baseline.set(pid, measuring ? 0 : ms)
      last.set(pid, ms)
    }
  }
  let timer: NodeJS.Timeout | undefined
  return {
    async start() {
      baseline.clear()
      last.clear()
      measuring = false
      await sample()
      measuring = true
      timer = setInterval(() => void sample().catch(() => {}), 200)
    },
    async stop(): Promise<number> {
      clearInterval(timer)
      await sample()
      return cpuBetween(baseline, last)
    },
    end: () => client.end(),
  }
}

/** A command's exit status and output, without blocking this process (the CPU sampler keeps running). */
function runCommand(command: string, args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/** Runs `fn` and returns its result with the CPU it cost per `count(result)` units, split app / database / here. */
async function withCpu<T>(
  server: { pgid: number },
  dbCpu: Awaited<ReturnType<typeof databaseCpu>>,
  fn: () => Promise<T>,
  count: (r: T) => number,
) {
  const app0 = groupCpuMs(server.pgid)
  const here0 = process.cpuUsage()
  await dbCpu.start()
  const result = await fn()
  const db = await dbCpu.stop()
  const here = process.cpuUsage(here0)
  const app = groupCpuMs(server.pgid) - app0
  const n = Math.max(1, count(result))
  return { result, cpu: { app: app / n, db: db / n, client: (here.user + here.system) / 1000 / n } }
}

function pgbenchBinary(): string | null {
  const candidates = [
    process.env.PGBENCH,
    '/usr/lib/postgresql/17/bin/pgbench',
    '/usr/lib/postgresql/16/bin/pgbench',
    '/usr/lib/postgresql/15/bin/pgbench',
    '/usr/bin/pgbench',
  ]
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null
}

const server = await startAppServer({ port: PORT, build: process.env.BENCH_SKIP_BUILD !== '1' })
try {
  const { newTokenSecret } = await import('../src/server/api-tokens/token-secret')
  const [reception] = await server.sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reception@example.com'`)
  const secret = newTokenSecret()
  await server.sql(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES (gen_random_uuid(), $1, 'bench:intake', $2, $3)`,
    [reception!.id, secret.hash, secret.prefix],
  )
  const customers = await server.sql<{ id: string }>(`SELECT id FROM "Customer" ORDER BY name LIMIT 20`)
  // A product's VAT rate is its category's today (docs/decisions/021): the pgbench script writes both on its lines.
  const products = await server.sql<{ id: string; sku: string; name: string; unitPrice: number; taxCategoryId: string; taxRateBp: number }>(
    `SELECT id, sku, name, "unitPrice", "taxCategoryId", handoff_tax_rate("taxCategoryId", current_date) AS "taxRateBp"
     FROM "Product" WHERE active ORDER BY sku LIMIT 3`,
  )
  const due = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
  const body = JSON.stringify({
    customerId: customers[0]!.id,
    lines: products.map((p, i) => ({ productId: p.id, quantity: 10 + i })),
    dueDate: due,
    dueTime: '17:00',
    mode: 'PICKUP',
    notes: 'Benchmark order',
  })
  const headers = { authorization: `Bearer ${secret.token}`, 'content-type': 'application/json' }

  // Does the route exist (another part of the API work)? One real request tells.
  const probe = await fetch(`${server.baseURL}${PATHS.full}`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    body,
  })
  const probeText = await probe.text()
  const fullAvailable = probe.status === 201
  if (!fullAvailable)
    console.log(`[bench:intake] POST /api/v1/orders answered ${probe.status}: ${probeText.slice(0, 300)} — measuring the floors only`)
  for (const v of ['echo', 'echo+auth', 'echo+validate', 'echo+idem'] as const) {
    const r = await fetch(`${server.baseURL}${PATHS[v]}`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body,
    })
    if (r.status !== 201)
      throw new Error(
        `${v} answered ${r.status}: ${(await r.text()).slice(0, 300)} (was ${process.env.NEXT_DIST_DIR} built without HANDOFF_BENCH=1, or before src/app/api/bench? run without BENCH_SKIP_BUILD)`,
      )
  }
  const variants: Variant[] = fullAvailable
    ? ['echo', 'echo+auth', 'echo+validate', 'echo+idem', 'full']
    : ['echo', 'echo+auth', 'echo+validate', 'echo+idem']

  const cannon = (variant: Variant, seconds: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          url: server.baseURL,
          connections: CONNECTIONS,
          duration: seconds,
          requests: [
            {
              method: 'POST',
              path: PATHS[variant],
              headers,
              body,
              // A fresh key per request: each one is a new order, never a replay.
              setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }),
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      )
    })

  // One connection, one request at a time: latency without queueing, for the share of each step.
  const sequential = async (variant: Variant, n: number): Promise<number[]> => {
    const times: number[] = []
    for (let i = 0; i < n; i++) {
      const t0 = performance.now()
      const r = await fetch(`${server.baseURL}${PATHS[variant]}`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': randomUUID() },
        body,
      })
      await r.arrayBuffer()
      times.push(performance.now() - t0)
    }
    return times
  }

  const runs: Run[] = []
  const dbCpu = await databaseCpu(server.databaseUrl)
  console.log(`[bench:intake] warming up (${loadNote()})`)
  for (const v of variants) await cannon(v, 3)
  for (let round = 1; round <= RUNS; round++) {
    for (const v of variants) {
      const load = loadNote()
      const { result: r, cpu } = await withCpu(
        server,
        dbCpu,
        () => cannon(v, DURATION),
        (r) => r.requests.total,
      )
      const run: Run = {
        variant: v,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        load,
        cpu,
      }
      runs.push(run)
      console.log(
        `[bench:intake] round ${round} ${v.padEnd(14)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  non-2xx ${run.non2xx}  errors ${run.errors}  CPU/request app ${cpu.app.toFixed(2)} ms, db ${cpu.db.toFixed(2)} ms, autocannon ${cpu.client.toFixed(2)} ms  (${load})`,
      )
    }
  }

  // pgbench: the order's write transaction straight to PostgreSQL, same server, same concurrency.
  const pgbench = pgbenchBinary()
  if (pgbench) {
    const [taker] = await server.sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reception@example.com'`)
    const lines = products
      .map(
        (p, i) =>
          `(gen_random_uuid(), :oid::uuid, ${i}, '${p.id}', '${p.sku}', '${p.name.replaceAll("'", "''")}', ${10 + i}, ${p.unitPrice}, ${p.taxRateBp}, '${p.taxCategoryId}')`,
      )
      .join(',\n  ')
    const script = `BEGIN;
INSERT INTO "Order" (id, "customerId", "dueAt", "takenById", "idempotencyKey", "trackingToken", subtotal, "taxTotal", total, notes, "updatedAt")
  VALUES (gen_random_uuid(), '${customers[0]!.id}', now() + interval '2 days', '${taker!.id}', 'pgbench-' || gen_random_uuid(),
          md5(random()::text) || md5(random()::text), 100000, 8000, 108000, 'Benchmark order', now())
  RETURNING id AS oid \\gset
INSERT INTO "OrderLine" (id, "orderId", position, "productId", sku, description, quantity, "unitPrice", "taxRateBp", "taxCategoryId") VALUES
  ${lines};
INSERT INTO "AuditEvent" (action, "entityType", "entityId", "orderId", "actorId", task, data)
  VALUES ('order.created', 'order', :oid::text, :oid::uuid, '${taker!.id}', 'TAKE_ORDER', '{"total": 108000, "lines": 3}');
COMMIT;
`
    const dir = mkdtempSync(path.join(tmpdir(), 'handoff-pgbench-'))
    writeFileSync(path.join(dir, 'order.sql'), script)
    try {
      for (let round = 1; round <= RUNS; round++) {
        for (const f of readdirSync(dir).filter((f) => f.startsWith('log'))) rmSync(path.join(dir, f))
        const load = loadNote()
        const { result: out, cpu } = await withCpu(
          server,
          dbCpu,
          () =>
            runCommand(
              pgbench,
              [
                '-n',
                '-M',
                'extended',
                '-c',
                String(CONNECTIONS),
                '-j',
                '2',
                '-T',
                String(DURATION),
                '-f',
                'order.sql',
                '-l',
                '--log-prefix=log',
                server.databaseUrl,
              ],
              dir,
            ),
          (out) => Number(/number of transactions actually processed: (\d+)/.exec(out.stdout)?.[1] ?? 1),
        )
        if (out.status !== 0) throw new Error(`pgbench failed: ${out.stderr}`)
        const tps = Number(/tps = ([\d.]+)/.exec(out.stdout)?.[1] ?? Number.NaN)
        // Per-transaction log lines: client_id transaction_no time(µs) script_no time_epoch time_us
        const latencies = readdirSync(dir)
          .filter((f) => f.startsWith('log'))
          .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
          .map((l) => Number(l.split(' ')[2]) / 1000)
          .filter((n) => Number.isFinite(n))
        // pgbench's own CPU is in a child process, not measured here.
        const run: Run = {
          variant: 'pgbench',
          rps: tps,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          errors: 0,
          non2xx: 0,
          load,
          cpu: { ...cpu, client: Number.NaN },
        }
        runs.push(run)
        console.log(
          `[bench:intake] round ${round} pgbench        ${tps.toFixed(0).padStart(6)} tx/s   p50 ${run.p50.toFixed(2)} ms  p99 ${run.p99.toFixed(2)} ms  CPU/transaction db ${cpu.db.toFixed(2)} ms  (${load})`,
        )
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  } else {
    console.log('[bench:intake] pgbench not found (PGBENCH=/path/to/pgbench): skipping the database floor')
  }

  await dbCpu.end()

  // Shares: sequential median latency per variant.
  const seq: Record<string, number> = {}
  for (const v of variants) {
    await sequential(v, 20)
    seq[v] = median(await sequential(v, SEQUENTIAL))
  }
  console.log(`[bench:intake] one connection, median of ${SEQUENTIAL}: ${variants.map((v) => `${v} ${seq[v]!.toFixed(2)} ms`).join(', ')}`)

  // The use case in-process (what the full route runs after validation), with a Prisma client that reports each query:
  // how much of it is database round trips, and how many.
  const inProcess = fullAvailable
    ? await measureUseCaseInProcess(server.databaseUrl, reception!.id, JSON.parse(body) as Record<string, unknown>)
    : null
  if (inProcess)
    console.log(
      `[bench:intake] use case in-process, median of ${inProcess.n}: ${inProcess.wallMs.toFixed(2)} ms, of which ${inProcess.dbMs.toFixed(2)} ms in ${inProcess.queries} queries`,
    )

  const med = (v: Run['variant'], k: 'rps' | 'p50' | 'p99') => median(runs.filter((r) => r.variant === v).map((r) => r[k]))
  const echoRps = med('echo', 'rps')
  const rows: Row[] = []
  for (const v of variants) {
    const rps = med(v, 'rps')
    rows.push({
      metric: `${v} (${PATHS[v]}) req/s`,
      value: rps,
      unit: 'req/s',
      baseline: { label: 'bare route', value: echoRps },
      ratio: rps / echoRps,
      ...(v === 'full' ? { budget: '≥ 0.7× bare', pass: rps / echoRps >= 0.7 } : {}),
    })
    rows.push({
      metric: `${v} p50 / p99 latency`,
      value: med(v, 'p99'),
      unit: 'ms (p99)',
      note: `p50 ${med(v, 'p50')} ms`,
      ...(v === 'full' ? { budget: 'p99 ≤ 100 ms', pass: med(v, 'p99') <= 100 } : {}),
    })
  }
  // CPU per request: what each variant costs whatever else the machine does. On 2 cores shared by the server, the
  // database and autocannon, requests per second on an idle machine follow from it: ratio ≈ echo's total ÷ this total.
  const cpuOf = (v: Run['variant'], k: 'app' | 'db' | 'client') =>
    median(runs.filter((r) => r.variant === v && r.cpu).map((r) => r.cpu![k]))
  const echoCpu = cpuOf('echo', 'app') + cpuOf('echo', 'db') + cpuOf('echo', 'client')
  for (const v of variants) {
    const total = cpuOf(v, 'app') + cpuOf(v, 'db') + cpuOf(v, 'client')
    rows.push({
      metric: `${v} CPU per request (app + db + autocannon; ratio: bare ÷ this)`,
      value: total,
      unit: 'ms',
      note: `app ${cpuOf(v, 'app').toFixed(2)}, db ${cpuOf(v, 'db').toFixed(2)}, autocannon ${cpuOf(v, 'client').toFixed(2)}`,
      baseline: { label: 'bare route', value: echoCpu },
      ratio: echoCpu / total,
    })
  }
  if (runs.some((r) => r.variant === 'pgbench')) {
    rows.push({ metric: 'pgbench: database CPU per transaction', value: cpuOf('pgbench', 'db'), unit: 'ms' })
    rows.push({
      metric: 'pgbench: order + 3 lines + audit, tx/s',
      value: med('pgbench', 'rps'),
      unit: 'tx/s',
      baseline: { label: 'bare route', value: echoRps },
      ratio: med('pgbench', 'rps') / echoRps,
      note: `p50 ${med('pgbench', 'p50').toFixed(2)} ms, p99 ${med('pgbench', 'p99').toFixed(2)} ms`,
    })
  }
  // Shares of one request's server CPU (app + database; autocannon left out): each step is the difference between
  // two variants that differ by that step alone. The use case's part is split into the app's CPU (its code, the
  // driver, rendering the JSON) and the database's (its statements and commits).
  const shares: Record<string, number> = {}
  if (fullAvailable) {
    const serverCpu = (v: Variant) => cpuOf(v, 'app') + cpuOf(v, 'db')
    const total = serverCpu('full')
    shares.framework = serverCpu('echo') / total
    shares.auth = (serverCpu('echo+auth') - serverCpu('echo')) / total
    shares.validation = (serverCpu('echo+validate') - serverCpu('echo+auth')) / total
    shares.idempotencyRecord = (serverCpu('echo+idem') - serverCpu('echo+validate')) / total
    shares.useCaseDatabase = (cpuOf('full', 'db') - cpuOf('echo+idem', 'db')) / total
    shares.useCaseCodeAndRendering = (cpuOf('full', 'app') - cpuOf('echo+idem', 'app')) / total
    for (const [k, v] of Object.entries(shares))
      rows.push({ metric: `share of one request's server CPU (${total.toFixed(2)} ms): ${k}`, value: v * 100, unit: '%' })
    // One request alone (no queueing): latency, where commits' waits for the disk show and CPU does not.
    for (const v of variants) rows.push({ metric: `one request alone, median of ${SEQUENTIAL}: ${v}`, value: seq[v]!, unit: 'ms' })
  }
  printTable(`Intake throughput, autocannon ${CONNECTIONS} connections × ${DURATION} s, median of ${RUNS} rounds`, rows)
  writeResult('intake', {
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    rounds: RUNS,
    fullAvailable,
    inProcess,
    probe: { status: probe.status, body: probeText.slice(0, 500) },
    sequentialMedianMs: seq,
    shares,
    rows,
    runs,
  })
} finally {
  await server.stop()
}

/** Runs the use case of POST /api/v1/orders (createOrder, which also builds the summary it answers with) in this
 * process, N times, over a pool that times every query sent through it (Prisma's and the plain SQL ones alike). */
async function measureUseCaseInProcess(
  databaseUrl: string,
  userId: string,
  body: Record<string, unknown>,
): Promise<{ n: number; wallMs: number; dbMs: number; queries: number }> {
  const { default: pg } = await import('pg')
  process.env.DATABASE_URL = databaseUrl
  let dbMs = 0
  let queries = 0
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  const send = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>
  pool.query = (async (...args: unknown[]) => {
    const t0 = performance.now()
    try {
      return await send(...args)
    } finally {
      dbMs += performance.now() - t0
      queries++
    }
  }) as typeof pool.query
  // src/server/db.ts builds its Prisma client and sql() on this pool.
  ;(globalThis as unknown as { handoffPool?: unknown }).handoffPool = pool
  const { db } = await import('../src/server/db')
  const { createOrder } = await import('../src/server/orders/create-order')
  // As loadActor builds it (src/server/auth/actor.ts pulls in next-auth, which needs Next around it).
  const u = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { skills: true } })
  const actor = {
    id: u.id,
    name: u.name,
    email: u.email,
    homeRole: u.homeRole,
    skills: Object.fromEntries(u.skills.map((k) => [k.task, k.level])),
    locale: null,
    sessionVersion: u.sessionVersion,
  }
  const once = async () => {
    const input = { ...body, idempotencyKey: `bench-${randomUUID()}` } as never as Parameters<typeof createOrder>[1]
    await createOrder(actor, input)
  }
  for (let i = 0; i < 20; i++) await once()
  const n = 200
  const walls: number[] = []
  const dbs: number[] = []
  const counts: number[] = []
  for (let i = 0; i < n; i++) {
    dbMs = 0
    queries = 0
    const t0 = performance.now()
    await once()
    walls.push(performance.now() - t0)
    dbs.push(dbMs)
    counts.push(queries)
  }
  await db().$disconnect()
  return { n, wallMs: median(walls), dbMs: median(dbs), queries: median(counts) }
}
