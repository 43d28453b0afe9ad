// Prisma CLI configuration (migrate, generate) — runs only inside the Prisma CLI, never in the app.
// Prisma 6.19 with its Wasm schema engine and a driver adapter works fully offline; the shims below work around
// adapter bugs that only the CLI hits. Why: docs/decisions/001-prisma-6-offline.md.
import path from 'node:path'
import pg from 'pg'
import { defineConfig } from 'prisma/config'
import { PrismaPg } from '@prisma/adapter-pg'

// `prisma generate` falls back to downloading a native engine when the datasource url does not resolve,
// although it connects to nothing.
process.env.DATABASE_URL ??= 'postgresql://localhost:5432/handoff'

// prisma/orm#27403: adapter-pg cannot decode the catalog types `name` (OID 19) and `"char"` (OID 18) that the
// schema engine reads while migrating. Present them as text. This runs only inside the Prisma CLI.
const Result = (pg as unknown as { Result: { prototype: { addFields(fields: { dataTypeID: number }[]): void } } }).Result
const addFields = Result.prototype.addFields
Result.prototype.addFields = function (fields) {
  for (const f of fields) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25
  return addFields.call(this, fields)
}

function poolConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? u.pathname.slice(1),
  }
}

// PrismaPg's own shadow database ignores the database name when given a connection string, and drops the
// database before closing its pool. Create it here, close the pool first, then drop it.
type ScriptAdapter = { executeScript(script: string): Promise<void> }
type Internals = { client: pg.PoolClient | pg.Pool; onError(error: unknown): never }

// adapter-pg's executeScript splits a migration on every ';', which breaks PL/pgSQL function bodies (our
// append-only triggers). PostgreSQL's simple query protocol runs the whole script as one implicit transaction.
function wholeScripts<T extends ScriptAdapter>(adapter: T): T {
  const inner = adapter as unknown as T & Internals
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client.query(script)
    } catch (error) {
      inner.onError(error)
    }
  }
  return adapter
}

class MigratePg extends PrismaPg {
  constructor(private url: string) {
    super(poolConfig(url))
  }
  async connect() {
    return wholeScripts(await super.connect())
  }
  async connectToShadowDb() {
    const admin = new pg.Client(poolConfig(this.url))
    await admin.connect()
    const name = `prisma_shadow_${globalThis.crypto.randomUUID().replaceAll('-', '')}`
    await admin.query(`CREATE DATABASE "${name}"`)
    const shadow = wholeScripts(await new PrismaPg(poolConfig(this.url, name)).connect())
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose()
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`)
      await admin.end()
    }
    return shadow
  }
}

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join('prisma', 'schema.prisma'),
  engine: 'js',
  async adapter() {
    // Migrations take a session-level advisory lock: straight to PostgreSQL, never through a transaction-mode bouncer.
    return new MigratePg(process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL!)
  },
})
