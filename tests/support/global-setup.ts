// Integration tests run against a real PostgreSQL: DATABASE_URL's server when set (CI), else a throw-away embedded
// cluster. Migrations are applied once to a template database; every test file then gets its own clone.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/embedded-postgres'
import { migrate } from '../../scripts/lib/migrate'

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { serverUrl: string; template: string }
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export default async function setup(project: TestProject) {
  let embedded: RunningPostgres | undefined
  let tmp: string | undefined
  let serverUrl: string
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres')
  } else {
    tmp = mkdtempSync(path.join(tmpdir(), 'handoff-test-pg-'))
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory.
    chmodSync(tmp, 0o755)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'data'), persistent: false })
    serverUrl = embedded.url('postgres')
  }
  const template = `handoff_tpl_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${template}"`)
  await admin.end()
  await migrate(withDatabase(serverUrl, template), { force: true })
  project.provide('testDb', { serverUrl, template })

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    const clones = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`])
    for (const row of clones.rows as { datname: string }[]) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`)
    await client.end()
    if (embedded) await embedded.stop()
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  }
}
