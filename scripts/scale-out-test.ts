// Scale-out: ONE production build served by two instances behind haproxy (round-robin), both with their pool through
// PgBouncer in transaction mode and their LISTEN connection straight to PostgreSQL — the set-up docs/deployment.md
// describes. Through the proxy it signs in and takes orders (API and the counter's server action, so a page served
// by one instance calls an action on the other), checks each instance served some, and that every order shows up on
// the live stream (SSE) of BOTH instances. Also: no 5xx anywhere, an idle kept-alive connection outlives Node's
// 5 s default (KEEP_ALIVE_TIMEOUT_MS, applied by `npm start`), and PostgreSQL sees no more connections than the
// bouncer's pool plus one LISTEN per instance.
// Run: npm run test:scale-out. Needs DATABASE_URL (a PostgreSQL server; the test makes and drops its own database),
// pgbouncer and haproxy (Debian: apt-get install pgbouncer haproxy). Reuses the production build in $NEXT_DIST_DIR
// or .next (e.g. the e2e run's), builds one when there is none. SCALE_PORT (first of three: two instances and the
// proxy; default 3117), SCALE_BOUNCER_PORT (6433), SCALE_API_ORDERS (24), SCALE_ACTION_ORDERS (6) tune it.
// Prints one summary line and exits non-zero on any failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { seedDemoShop } from './lib/demo-shop'
import { migrate } from './lib/migrate'
import { startPgBouncer } from './lib/pgbouncer'

const root = path.resolve(import.meta.dirname, '..')
const firstPort = Number(process.env.SCALE_PORT ?? 3117)
const instancePorts = [firstPort, firstPort + 1]
const proxyPort = firstPort + 2
const bouncerPort = Number(process.env.SCALE_BOUNCER_PORT ?? 6433)
const API_ORDERS = Number(process.env.SCALE_API_ORDERS ?? 24)
const ACTION_ORDERS = Number(process.env.SCALE_ACTION_ORDERS ?? 6)
/** The bouncer's server connections: fewer than the two instances' pools together (2 × 5), so they must share. */
const BOUNCER_POOL = 4
const INSTANCE_POOL = 5
/** Longer than Node's 5 s default keep-alive, shorter than the 65 s `npm start` applies. */
const IDLE_MS = 8_000
const TOTAL_MS = 8 * 60_000
const distDir = process.env.NEXT_DIST_DIR ?? '.next'
const proxy = `http://127.0.0.1:${proxyPort}`
const direct = (port: number) => `http://127.0.0.1:${port}`
const say = (s: string) => console.log(`[scale-out] ${s}`)
const sbin = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`

const children: Array<{ name: string; child: ChildProcess; log: string }> = []
const failures: string[] = []
/** Every HTTP status the test received, by where it came from: a 5xx anywhere fails the run. */
const statuses: Array<{ what: string; status: number }> = []
let tmp = ''
let adminUrl = ''
let dbName = ''
let stopBouncer: (() => void) | undefined

function need(binary: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { env: { ...process.env, PATH: sbin }, encoding: 'utf8' })
  const file = found.stdout.trim()
  if (!file) throw new Error(`${binary} is not installed (Debian: apt-get install pgbouncer haproxy)`)
  return file
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const log = path.join(tmp, `${name}.log`)
  const fd = openSync(log, 'a')
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', fd, fd] })
  children.push({ name, child, log })
  child.on('exit', (code, signal) => {
    if (!stopping) failures.push(`${name} exited early (${signal ?? code}); its log: ${tail(log)}`)
  })
  return child
}
let stopping = false

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    if (failures.length > 0) throw new Error(`${what}: ${failures[0]}`)
    const value = await probe().catch(() => undefined)
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

async function request(what: string, url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, { redirect: 'manual', ...init })
  statuses.push({ what, status: res.status })
  return res
}

async function freshDatabase(): Promise<URL> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: the test needs a PostgreSQL server (it makes its own database)')
  const server = new URL(process.env.DATABASE_URL)
  server.pathname = '/postgres'
  adminUrl = server.toString()
  dbName = `handoff_scale_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${dbName}"`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${dbName}`
  return url
}

function startProxy(): void {
  const haproxy = need('haproxy')
  // The timeouts docs/deployment.md recommends: the app keeps idle connections (65 s) longer than the proxy (60 s).
  writeFileSync(
    path.join(tmp, 'haproxy.cfg'),
    [
      'global',
      '  maxconn 512',
      'defaults',
      '  mode http',
      '  timeout connect 5s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  timeout http-keep-alive 60s',
      'frontend web',
      `  bind 127.0.0.1:${proxyPort}`,
      '  default_backend app',
      'backend app',
      '  balance roundrobin',
      '  option httpchk GET /api/v1/health',
      '  http-check expect status 200',
      // Which instance answered: the test checks both served requests.
      '  http-response set-header X-Served-By %s',
      ...instancePorts.map((port, i) => `  server app${i + 1} 127.0.0.1:${port} check inter 2s`),
      '',
    ].join('\n'),
  )
  start('haproxy', haproxy, ['-db', '-f', path.join(tmp, 'haproxy.cfg')])
  say(
    `haproxy ${spawnSync(haproxy, ['-v'], { encoding: 'utf8' }).stdout.split(' ')[2]} on :${proxyPort}, round-robin over :${instancePorts.join(', :')}`,
  )
}

/** The id of a server action in the build both instances serve, and a page that uses it. */
function serverAction(exportedName: string, pagePart: string): { id: string; page: string } {
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>
  }
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName !== exportedName) continue
    const worker = Object.keys(entry.workers).find((w) => w.includes(pagePart) && w.endsWith('/page'))
    if (worker)
      return {
        id,
        page:
          worker
            .replace(/^app/, '')
            .replace(/\/\([^)]*\)/g, '')
            .replace(/\/page$/, '') || '/',
      }
  }
  throw new Error(`no server action ${exportedName} on a ${pagePart} page in ${distDir}`)
}

/** Reads one instance's SSE stream: the order ids it announced. */
function follow(port: number, cookie: string) {
  const seen = new Set<string>()
  const state = { ready: false, status: 0, closed: false }
  const controller = new AbortController()
  void (async () => {
    const res = await fetch(`${direct(port)}/api/live/orders`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    })
    state.status = res.status
    statuses.push({ what: `live :${port}`, status: res.status })
    if (!res.ok || !res.body) return
    const decoder = new TextDecoder()
    let buffer = ''
    const reader = res.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (event === 'ready') state.ready = true
        if (event === 'order' && data) seen.add((JSON.parse(data) as { id: string }).id)
      }
    }
    state.closed = true
  })().catch(() => {
    state.closed = true
  })
  return { seen, state, stop: () => controller.abort() }
}

/** next-auth's credentials sign-in, as the login form does it: the session cookie. */
async function signIn(email: string, password: string): Promise<string> {
  const csrf = await request('csrf', `${proxy}/api/auth/csrf`)
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const res = await request('sign-in', `${proxy}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${proxy}/front` }),
  })
  const session = res.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='))
  if (!session) throw new Error(`sign-in through the proxy gave no session (HTTP ${res.status})`)
  return session.split(';')[0]!
}

/** Whether an idle kept-alive connection to the instance is still usable after IDLE_MS (Node alone closes it at 5 s). */
async function keptAlive(port: number): Promise<boolean> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const get = () =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const req = http.get(`${direct(port)}/api/v1/health`, { agent }, (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }))
      })
      req.on('error', reject)
    })
  try {
    const first = await get()
    statuses.push({ what: `keep-alive :${port}`, status: first.status })
    await new Promise((r) => setTimeout(r, IDLE_MS))
    const second = await get()
    statuses.push({ what: `keep-alive :${port}`, status: second.status })
    return second.reused && second.status === 200
  } finally {
    agent.destroy()
  }
}

async function main() {
  tmp = mkdtempSync(path.join(tmpdir(), 'handoff-scale-'))
  chmodSync(tmp, 0o755)
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    say(`no production build in ${distDir}: building one`)
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
    })
    if (build.status !== 0) throw new Error('next build failed')
  }
  const buildId = readFileSync(path.join(root, distDir, 'BUILD_ID'), 'utf8').trim()

  const directUrl = await freshDatabase()
  process.env.DATABASE_URL = directUrl.toString()
  await migrate(directUrl.toString(), { force: true })
  const shop = await seedDemoShop('scale-out test')

  const bouncer = await startPgBouncer({
    databaseUrl: directUrl.toString(),
    port: bouncerPort,
    poolSize: BOUNCER_POOL,
    output: openSync(path.join(tmp, 'pgbouncer.log'), 'a'),
  })
  stopBouncer = bouncer.stop
  const pooledUrl = bouncer.url
  say(`${bouncer.version} on :${bouncerPort}, pool_mode=transaction, default_pool_size=${BOUNCER_POOL}`)

  // One build, one secret, two processes: what two hosts get when they are given the same artefact and settings.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: pooledUrl,
    DATABASE_DIRECT_URL: directUrl.toString(),
    DB_POOL_SIZE: String(INSTANCE_POOL),
    DB_PREPARED_STATEMENTS: 'unnamed',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: proxy,
    NEXT_TELEMETRY_DISABLED: '1',
    API_RATE_BURST: '100000',
    API_RATE_PER_SECOND: '100000',
  }
  // The production start command (`npm start` = scripts/start.mjs), which applies KEEP_ALIVE_TIMEOUT_MS or its default.
  for (const [i, port] of instancePorts.entries())
    start(`app${i + 1}`, process.execPath, [path.join(root, 'scripts/start.mjs'), '--port', String(port), '--hostname', '127.0.0.1'], env)
  for (const port of instancePorts) await until(`instance :${port}`, () => fetch(`${direct(port)}/api/v1/health`).then((r) => r.ok))
  startProxy()
  // Both servers up in haproxy's eyes: two health answers in a row come from two different instances.
  await until(
    'both instances behind the proxy',
    async () => {
      const served = new Set<string>()
      for (let i = 0; i < 4; i++) served.add((await fetch(`${proxy}/api/v1/health`)).headers.get('x-served-by') ?? '')
      return served.size === 2
    },
    60_000,
  )
  say(`build ${buildId} (${distDir}) served by two instances on :${instancePorts.join(', :')}`)

  const cookie = await signIn('reception@example.com', 'handoff-demo')
  const streams = instancePorts.map((port) => ({ port, ...follow(port, cookie) }))
  await until(
    'both live streams ready',
    async () =>
      streams.every((s) => s.state.ready) ||
      (streams.some((s) => s.state.status >= 300) ? Promise.reject(new Error('stream refused')) : false),
    30_000,
  ).catch((error: Error) => {
    throw new Error(
      `live streams: ${streams.map((s) => `:${s.port} HTTP ${s.state.status} ready=${s.state.ready}`).join(', ')} (${error.message})`,
    )
  })

  const dueDate = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10)
  const orderBody = (i: number) => ({
    customerId: shop.customerIds[i % shop.customerIds.length]!,
    lines: [0, 1].map((k) => ({ productId: shop.productIds[(i + k) % shop.productIds.length]!, quantity: 1 + ((i + k) % 3) })),
    dueDate,
    dueTime: '17:00',
    mode: 'PICKUP' as const,
  })
  const created: string[] = []
  /** Orders per way in and instance ("api app1"), from haproxy's X-Served-By. */
  const servedBy = new Map<string, number>()
  const served = (way: 'api' | 'action', res: Response) => {
    const key = `${way} ${res.headers.get('x-served-by') ?? '?'}`
    servedBy.set(key, (servedBy.get(key) ?? 0) + 1)
  }

  // API intake (the sql() hot path) through the proxy, four at a time: more clients than the bouncer has connections.
  let next = 0
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < API_ORDERS) {
        const i = next++
        const res = await request('POST /api/v1/orders', `${proxy}/api/v1/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${shop.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(orderBody(i)),
        })
        served('api', res)
        if (res.status !== 201) failures.push(`API order ${i} answered ${res.status}: ${(await res.text()).slice(0, 200)}`)
        else created.push(((await res.json()) as { id: string }).id)
      }
    }),
  )

  // The counter's server action (Prisma's interactive transaction through the bouncer), with the action id of the
  // shared build: round-robin sends successive calls to alternate instances.
  const action = serverAction('createOrderAction', '(front)')
  for (let i = 0; i < ACTION_ORDERS; i++) {
    const res = await request('createOrderAction', `${proxy}${action.page}`, {
      method: 'POST',
      headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: proxy, cookie },
      body: JSON.stringify([{ ...orderBody(API_ORDERS + i), idempotencyKey: `scale-${randomUUID()}` }]),
    })
    served('action', res)
    const text = await res.text()
    const result = text
      .split('\n')
      .map((line) => /^1:(\{.*\})$/.exec(line)?.[1])
      .find(Boolean)
    const parsed = result ? (JSON.parse(result) as { ok: boolean; data?: { id: string } }) : undefined
    if (res.status !== 200 || !parsed?.ok || !parsed.data)
      failures.push(`server action order ${i} on ${res.headers.get('x-served-by')}: HTTP ${res.status} ${text.slice(0, 200)}`)
    else created.push(parsed.data.id)
  }
  say(
    `${created.length} orders taken through the proxy (${API_ORDERS} API, ${ACTION_ORDERS} server action); by way and instance: ${[
      ...servedBy,
    ]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
  for (const way of ['api', 'action'])
    for (const name of instancePorts.map((_, i) => `app${i + 1}`))
      if (!servedBy.get(`${way} ${name}`)) failures.push(`${name} took no order through the ${way === 'api' ? 'API' : 'server action'}`)

  // Every order on both live streams (an INSERT event each), whichever instance took it.
  await until('every order on both live streams', async () => streams.every((s) => created.every((id) => s.seen.has(id))), 20_000).catch(
    () => undefined,
  )
  for (const s of streams) {
    const missing = created.filter((id) => !s.seen.has(id))
    if (missing.length > 0) failures.push(`live stream on :${s.port} missed ${missing.length} of ${created.length} orders`)
  }
  say(`live: ${streams.map((s) => `:${s.port} saw ${created.filter((id) => s.seen.has(id)).length}/${created.length}`).join(', ')}`)

  // Connections PostgreSQL itself holds for the app: the bouncer's pool plus one LISTEN per instance.
  const check = new pg.Client({ connectionString: directUrl.toString() })
  await check.connect()
  const backends = (
    await check.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName])
  ).rows[0].n as number
  const listeners = (
    await check.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'handoff-live'`, [dbName])
  ).rows[0].n as number
  const orders = (await check.query(`SELECT count(*)::int AS n FROM "Order" WHERE id = ANY($1::uuid[])`, [created])).rows[0].n as number
  await check.end()
  say(
    `PostgreSQL connections for the app: ${backends} (≤ bouncer pool ${BOUNCER_POOL} + ${instancePorts.length} LISTEN; ${listeners} LISTEN), with ${instancePorts.length} × DB_POOL_SIZE ${INSTANCE_POOL} client connections allowed`,
  )
  if (backends > BOUNCER_POOL + instancePorts.length)
    failures.push(`${backends} PostgreSQL connections: more than the bouncer's pool plus one LISTEN per instance`)
  if (listeners !== instancePorts.length) failures.push(`${listeners} LISTEN connections straight to PostgreSQL, expected one per instance`)
  if (orders !== created.length) failures.push(`${created.length} orders acknowledged, ${orders} in the database`)

  const alive = await Promise.all(instancePorts.map(keptAlive))
  say(
    `keep-alive: an idle connection is still served after ${IDLE_MS / 1000} s on ${alive.filter(Boolean).length} of ${alive.length} instances`,
  )
  alive.forEach(
    (ok, i) => ok || failures.push(`instance :${instancePorts[i]} closed an idle kept-alive connection within ${IDLE_MS / 1000} s`),
  )
  for (const s of streams) s.stop()

  const errors = statuses.filter((s) => s.status >= 500)
  for (const e of errors.slice(0, 5)) failures.push(`${e.what} answered ${e.status}`)
  say(`${statuses.length} responses, ${errors.length} 5xx`)
}

async function cleanup() {
  stopping = true
  for (const { child } of children) child.kill('SIGTERM')
  await Promise.all(
    children.map(({ child }) =>
      child.exitCode !== null || child.signalCode !== null
        ? null
        : Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]),
    ),
  )
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  stopBouncer?.()
  if (adminUrl && dbName) {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect().catch(() => undefined)
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
    await admin.end().catch(() => undefined)
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true })
}

const overall = setTimeout(() => {
  failures.push(`not finished within ${TOTAL_MS / 60_000} min`)
  void cleanup().finally(() => finish())
}, TOTAL_MS)

function finish(): never {
  if (failures.length > 0) {
    for (const f of failures.slice(0, 20)) say(`FAIL ${f}`)
    for (const { name, log } of children) if (failures.some((f) => f.includes(name))) say(`${name} log:\n${tail(log)}`)
    say(`FAILED: ${failures.length} problems`)
  } else {
    say(
      'PASS: one build on two instances behind haproxy, pool through PgBouncer (transaction mode), every order live on both, no 5xx, idle connections kept',
    )
  }
  process.exit(failures.length > 0 ? 1 : 0)
}

// Ctrl-C or a CI timeout: stop the instances, haproxy and PgBouncer too, and drop the database.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    failures.push(`stopped by ${signal}`)
    void cleanup().finally(() => finish())
  })
}

main()
  .catch((error) => failures.push(String((error as Error).message).trim()))
  .finally(async () => {
    clearTimeout(overall)
    await cleanup()
    finish()
  })
