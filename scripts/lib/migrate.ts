// Apply prisma/migrations to a database: `prisma migrate deploy`, skipped when every migration is already applied
// (a warm `npm run dev` then starts without spawning the Prisma CLI).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

const root = path.resolve(import.meta.dirname, '../..')

function migrationNames(): string[] {
  return readdirSync(path.join(root, 'prisma/migrations'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
}

async function appliedNames(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const table = await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`)
    if (!table.rows[0]?.t) return new Set()
    const rows = await client.query(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    return new Set(rows.rows.map((r: { migration_name: string }) => r.migration_name))
  } finally {
    await client.end()
  }
}

export async function migrate(url: string, { force = false } = {}): Promise<'applied' | 'up-to-date'> {
  if (!force) {
    const applied = await appliedNames(url)
    if (migrationNames().every((name) => applied.has(name))) return 'up-to-date'
  }
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
    cwd: root,
    // This database, whatever direct URL the caller's environment names (prisma.config.ts prefers that one).
    env: { ...process.env, DATABASE_URL: url, DATABASE_DIRECT_URL: url },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`)
  return 'applied'
}
