// Each integration test file gets a fresh clone of the migrated template database, so files can run in parallel
// and never see each other's rows.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, inject } from 'vitest'

const { serverUrl, template } = inject('testDb')
const name = `${template}_${randomBytes(4).toString('hex')}`

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

for (let attempt = 0; ; attempt++) {
  try {
    await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`))
    break
  } catch (error) {
    // Two files cloning the same template at the same instant: PostgreSQL asks the second to wait its turn.
    if (attempt >= 20 || !String((error as Error).message).includes('being accessed by other users')) throw error
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200))
  }
}
const url = new URL(serverUrl)
url.pathname = `/${name}`
process.env.DATABASE_URL = url.toString()
process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123'

afterAll(async () => {
  // src/server/db.ts: the Prisma client and the pool it shares with sql() (ended by $disconnect, or on its own when
  // only sql() was used).
  const g = globalThis as unknown as {
    handoffPrisma?: { $disconnect(): Promise<void> }
    handoffPool?: { ended: boolean; end(): Promise<void> }
  }
  await g.handoffPrisma?.$disconnect()
  g.handoffPrisma = undefined
  if (g.handoffPool && !g.handoffPool.ended) await g.handoffPool.end()
  g.handoffPool = undefined
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
})
