// Start the production app on a fresh seeded database for a benchmark (scripts/e2e-server.ts), and sign people in.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { encode } from 'next-auth/jwt'
import pg from 'pg'

const root = path.resolve(import.meta.dirname, '../..')

export interface AppServer {
  baseURL: string
  databaseUrl: string
  secret: string
  /** The server's process group (tsx, Next and its workers): for CPU accounting (bench/lib/cpu.ts). */
  pgid: number
  sessionCookie(email: string): Promise<{ name: string; value: string; url: string }>
  sql<T>(text: string, params?: unknown[]): Promise<T[]>
  stop(): Promise<void>
}

export async function startAppServer(options: { port?: number; build?: boolean } = {}): Promise<AppServer> {
  const port = options.port ?? 3200
  const runtimeFile = path.join(tmpdir(), `handoff-bench-${process.pid}.json`)
  rmSync(runtimeFile, { force: true })
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/e2e-server.ts'],
    {
      cwd: root,
      env: { ...process.env, E2E_PORT: String(port), RUNTIME_FILE: runtimeFile, E2E_SKIP_BUILD: options.build === false ? '1' : '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  )
  // A production build takes minutes on a busy 2-core machine.
  const deadline = Date.now() + Number(process.env.BENCH_START_TIMEOUT ?? 1_200_000)
  let runtime: { databaseUrl: string; secret: string; baseURL: string } | undefined
  let up = false
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the app server exited early')
    if (existsSync(runtimeFile)) {
      runtime ??= JSON.parse(readFileSync(runtimeFile, 'utf8'))
      up = await fetch(`${runtime!.baseURL}/login`)
        .then((r) => r.ok)
        .catch(() => false)
      if (up) break
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  if (!runtime || !up) {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      /* already gone */
    }
    throw new Error('the app server did not start in time')
  }
  const { databaseUrl, secret, baseURL } = runtime
  const sql = async <T>(text: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      return (await client.query(text, params)).rows as T[]
    } finally {
      await client.end()
    }
  }
  return {
    baseURL,
    databaseUrl,
    secret,
    pgid: child.pid!,
    sql,
    async sessionCookie(email: string) {
      const [user] = await sql<{ id: string; sessionVersion: number }>('SELECT id, "sessionVersion" FROM "User" WHERE email = $1', [email])
      if (!user) throw new Error(`no user ${email}`)
      const value = await encode({ token: { uid: user.id, sv: user.sessionVersion, sub: user.id }, secret, maxAge: 3600 })
      return { name: 'next-auth.session-token', value, url: baseURL }
    },
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        /* already gone */
      }
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
      rmSync(runtimeFile, { force: true })
    },
  }
}
