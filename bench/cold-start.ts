// Cold start: `npm run dev` from nothing (no database, no Next cache) to the first page, and warm (the same data
// directory and Next cache, second start). Beside them, the framework's own share measured in the same run: `next dev`
// alone on an already migrated and seeded database, from an empty Next cache ("floor").
//
// Run: npm run bench:cold-start   (BENCH_RUNS=3 by default; each cold run takes ~30–60 s on 2 cores)
// Each start gets its own temporary data directory (HANDOFF_DATA_DIR, see scripts/dev.ts) and the Next dist dir
// .next-perf-dev (NEXT_DIST_DIR), so it never touches .data/ or .next/. Stopped with SIGINT to the process group,
// as Ctrl-C does. Budget: cold ≤ 30 s to the first 200 on /login.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { migrate } from '../scripts/lib/migrate'
import { loadNote, median, printTable, writeResult, type Row } from './lib/report'

const root = path.resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const PORT = Number(process.env.BENCH_PORT ?? 3310)
const DIST = '.next-perf-dev'
const BUDGET_MS = 30_000

interface Start {
  kind: 'cold' | 'warm' | 'floor'
  firstPageMs: number
  /** Seconds since spawn at which scripts/dev.ts (or Next) reported each step. */
  marks: Record<string, number>
  load: string
}

const MARKS: Array<[string, RegExp]> = [
  ['postgres', /PostgreSQL is up/],
  ['migrated', /Migrations applied|schema is up to date/],
  ['nextSpawned', /Starting Next after/],
  ['seeded', /Seeded \d+ staff/],
  ['dbReady', /Database ready after/],
  ['nextReady', /Ready in/],
]

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid!
  try {
    process.kill(-pid, 'SIGINT')
  } catch {
    /* gone */
  }
  for (let i = 0; i < 300 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL')
  await new Promise((r) => setTimeout(r, 300))
}

/** The first 200 on /login once the app is fully there: for `npm run dev`, also after it said the database (migrated
 * and seeded) is ready, since Next now boots while the seed is written. */
async function timeStart(kind: Start['kind'], command: string[], env: NodeJS.ProcessEnv): Promise<Start> {
  const load = loadNote()
  const t0 = performance.now()
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const marks: Record<string, number> = {}
  const output: string[] = []
  const onData = (chunk: Buffer) => {
    const text = chunk.toString()
    output.push(text)
    for (const line of text.split('\n')) {
      for (const [name, re] of MARKS) if (!(name in marks) && re.test(line)) marks[name] = (performance.now() - t0) / 1000
    }
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  try {
    const deadline = t0 + 240_000
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${kind} start exited early:\n${output.join('').slice(-3000)}`)
      const ok = await fetch(`http://127.0.0.1:${PORT}/login`, { redirect: 'manual' })
        .then((r) => r.status === 200)
        .catch(() => false)
      if (ok && (kind === 'floor' || 'dbReady' in marks)) break
      await new Promise((r) => setTimeout(r, 100))
    }
    const firstPageMs = performance.now() - t0
    if (firstPageMs >= 240_000) throw new Error(`${kind} start: no page after 240 s:\n${output.join('').slice(-3000)}`)
    return { kind, firstPageMs, marks, load }
  } finally {
    await stop(child)
  }
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    NEXT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'development',
  }
  delete env.DATABASE_URL
  delete env.NEXTAUTH_URL
  delete env.NEXTAUTH_SECRET
  return env
}

/** A migrated, seeded database on DATABASE_URL's server (or the local one) for the floor measurement. */
async function seededDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
  server.pathname = '/postgres'
  const name = `handoff_cold_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: server.toString() })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(server)
  url.pathname = `/${name}`
  await migrate(url.toString(), { force: true })
  process.env.DATABASE_URL = url.toString()
  const { seedDemo } = await import('../src/server/seed/demo')
  const { db } = await import('../src/server/db')
  await seedDemo()
  await db().$disconnect()
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server.toString() })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
    },
  }
}

const npm = ['npm', 'run', '--silent', 'dev']
const nextDev = [process.execPath, path.join(root, 'node_modules/next/dist/bin/next'), 'dev', '--port', String(PORT)]
const starts: Start[] = []
const floorDb = await seededDatabase()
try {
  for (let run = 1; run <= RUNS; run++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'handoff-cold-'))
    chmodSync(dataDir, 0o755)
    try {
      rmSync(path.join(root, DIST), { recursive: true, force: true })
      const cold = await timeStart('cold', npm, { ...baseEnv(), HANDOFF_DATA_DIR: dataDir })
      console.log(
        `[bench:cold-start] run ${run}: cold ${(cold.firstPageMs / 1000).toFixed(1)} s ${JSON.stringify(cold.marks)} (${cold.load})`,
      )
      starts.push(cold)
      const warm = await timeStart('warm', npm, { ...baseEnv(), HANDOFF_DATA_DIR: dataDir })
      console.log(
        `[bench:cold-start] run ${run}: warm ${(warm.firstPageMs / 1000).toFixed(1)} s ${JSON.stringify(warm.marks)} (${warm.load})`,
      )
      starts.push(warm)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
    rmSync(path.join(root, DIST), { recursive: true, force: true })
    const floor = await timeStart('floor', nextDev, {
      ...baseEnv(),
      DATABASE_URL: floorDb.url,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: `http://localhost:${PORT}`,
    })
    console.log(
      `[bench:cold-start] run ${run}: floor (next dev alone, empty cache) ${(floor.firstPageMs / 1000).toFixed(1)} s (${floor.load})`,
    )
    starts.push(floor)
  }
} finally {
  rmSync(path.join(root, DIST), { recursive: true, force: true })
  await floorDb.drop()
}

const med = (kind: Start['kind']) => median(starts.filter((s) => s.kind === kind).map((s) => s.firstPageMs))
const medMark = (kind: Start['kind'], mark: string) =>
  median(starts.filter((s) => s.kind === kind && mark in s.marks).map((s) => s.marks[mark]!))
const floor = med('floor')
const rows: Row[] = [
  {
    metric: 'cold `npm run dev` → first /login 200',
    value: med('cold') / 1000,
    unit: 's',
    baseline: { label: 'next dev alone, empty cache', value: floor / 1000 },
    ratio: med('cold') / floor,
    budget: '≤ 30 s',
    pass: med('cold') <= BUDGET_MS,
  },
  {
    metric: 'warm `npm run dev` → first /login 200',
    value: med('warm') / 1000,
    unit: 's',
    baseline: { label: 'next dev alone, empty cache', value: floor / 1000 },
    ratio: med('warm') / floor,
  },
  { metric: 'cold: PostgreSQL initdb + start', value: medMark('cold', 'postgres'), unit: 's' },
  { metric: 'cold: migrations applied', value: medMark('cold', 'migrated') - medMark('cold', 'postgres'), unit: 's' },
  { metric: 'cold: demo seed (beside Next booting)', value: medMark('cold', 'seeded') - medMark('cold', 'nextSpawned'), unit: 's' },
  { metric: 'cold: Next spawned → first page', value: med('cold') / 1000 - medMark('cold', 'nextSpawned'), unit: 's' },
  { metric: 'warm: PostgreSQL start', value: medMark('warm', 'postgres'), unit: 's' },
  { metric: 'warm: Next spawned → first page', value: med('warm') / 1000 - medMark('warm', 'nextSpawned'), unit: 's' },
]
printTable(`Cold start, median of ${RUNS}`, rows)
writeResult('cold-start', { runs: RUNS, rows, starts })
