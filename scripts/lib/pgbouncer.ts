// PgBouncer for tests, as docs/deployment.md deploys it: transaction mode, in front of the given PostgreSQL server
// (trust auth, every database name passed through), in the foreground with its config in a temp dir of its own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface RunningBouncer {
  /** The given database's URL through the bouncer. */
  url: string
  /** e.g. "PgBouncer 1.18.0" */
  version: string
  process: ChildProcess
  stop(): void
}

/** Debian installs it in /usr/sbin, which a non-root PATH may lack. */
export function pgBouncerBinary(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v pgbouncer'], {
    env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin` },
    encoding: 'utf8',
  })
  return found.stdout.trim() || undefined
}

/** Starts it on `port` with `poolSize` server connections per database and user; resolves once `databaseUrl`'s
 * database answers through it. `output`: a file descriptor for its log (default: discarded). */
export async function startPgBouncer({
  databaseUrl,
  port,
  poolSize,
  output,
}: {
  databaseUrl: string
  port: number
  poolSize: number
  output?: number
}): Promise<RunningBouncer> {
  const binary = pgBouncerBinary()
  if (!binary) throw new Error('pgbouncer is not installed (Debian: apt-get install pgbouncer)')
  // Another bouncer already on the port would answer the readiness check below in this one's place.
  if (!(await portFree(port))) throw new Error(`port ${port} is in use: PgBouncer cannot listen there`)
  const server = new URL(databaseUrl)
  const dir = mkdtempSync(path.join(tmpdir(), 'handoff-pgbouncer-'))
  chmodSync(dir, 0o755)
  // Clients are trusted on 127.0.0.1; the bouncer signs in to the server with the URL's password (the embedded
  // cluster asks for one: without it every server login fails and clients wait until they time out).
  const user = decodeURIComponent(server.username || 'postgres')
  writeFileSync(path.join(dir, 'users.txt'), `"${user}" "${decodeURIComponent(server.password)}"\n`)
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      // A server connection belongs to a client for one transaction only.
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 200',
      '',
    ].join('\n'),
  )
  // PgBouncer refuses to run as root: as the postgres system user then (-u).
  const asRoot = process.getuid?.() === 0
  const child = spawn(binary, [...(asRoot ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', output ?? 'ignore', output ?? 'ignore'],
  })
  const stop = () => {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
  const url = new URL(databaseUrl)
  url.port = String(port)
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url.toString() })
    try {
      await client.connect()
      await client.query('SELECT 1')
      await client.end()
      break
    } catch (error) {
      await client.end().catch(() => undefined)
      if (attempt >= 100 || child.exitCode !== null) {
        stop()
        throw new Error(`PgBouncer did not answer on port ${port}: ${(error as Error).message}`)
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? 'PgBouncer'
  return { url: url.toString(), version, process: child, stop }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}
