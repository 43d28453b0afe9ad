// The demo seed on its own: a fresh database on DATABASE_URL's server (or the local one), migrated, then seedDemo()
// timed, BENCH_RUNS times (3 by default), median printed. Used for the cold-start figures in docs/performance.md.
// Run: npx tsx --conditions=react-server bench/seed-time.ts   (SEED_NOW=<ISO date> for a fixed "today";
// KEEP_DB=1 keeps the last database, e.g. to compare its content with another version of the seed)
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrate } from '../scripts/lib/migrate'
import { loadNote, median, printTable, writeResult } from './lib/report'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
server.pathname = '/postgres'
const admin = new pg.Client({ connectionString: server.toString() })
await admin.connect()
const seeds: number[] = []
const migrations: number[] = []
let summary: unknown
try {
  for (let run = 1; run <= RUNS; run++) {
    const name = `handoff_seedtime_${randomBytes(4).toString('hex')}`
    await admin.query(`CREATE DATABASE "${name}"`)
    const url = new URL(server)
    url.pathname = `/${name}`
    try {
      const m0 = performance.now()
      await migrate(url.toString(), { force: true })
      migrations.push(performance.now() - m0)
      // A fresh module graph per database is not possible in one process: point the shared client at this one.
      process.env.DATABASE_URL = url.toString()
      const { db } = await import('../src/server/db')
      const g = globalThis as unknown as { handoffPrisma?: { $disconnect(): Promise<void> } }
      await g.handoffPrisma?.$disconnect()
      g.handoffPrisma = undefined
      const { seedDemo } = await import('../src/server/seed/demo')
      const t0 = performance.now()
      summary = await seedDemo(process.env.SEED_NOW ? new Date(process.env.SEED_NOW) : undefined)
      seeds.push(performance.now() - t0)
      await db().$disconnect()
      console.log(
        `[bench:seed] run ${run}: prisma migrate deploy ${(migrations.at(-1)! / 1000).toFixed(1)} s, seedDemo ${(seeds.at(-1)! / 1000).toFixed(2)} s (${loadNote()})`,
      )
      if (process.env.KEEP_DB === '1' && run === RUNS) console.log(`[bench:seed] kept ${url}`)
    } finally {
      if (!(process.env.KEEP_DB === '1' && run === RUNS)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
  }
} finally {
  await admin.end()
}
const rows = [
  { metric: 'seedDemo() on a migrated database', value: median(seeds) / 1000, unit: 's' },
  { metric: '`prisma migrate deploy` on an empty database', value: median(migrations) / 1000, unit: 's' },
]
printTable(`Demo seed, median of ${RUNS}`, rows)
writeResult('seed', { runs: RUNS, summary, seedsMs: seeds, migrationsMs: migrations, rows })
