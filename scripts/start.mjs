// `npm start`: `next start` with the keep-alive timeout from KEEP_ALIVE_TIMEOUT_MS (default 65 s). Node closes an
// idle kept-alive connection after 5 s; a load balancer that keeps idle upstream connections longer (AWS ALB: 60 s,
// nginx `keepalive_timeout`, haproxy `timeout server`) may send the next request on a connection the app is just
// closing, and answer it with a 502. The app must wait longer than the balancer: docs/deployment.md.
// Plain JavaScript, run by node itself: a production host needs nothing but the build and its dependencies.
// Further arguments go to `next start` (`npm start -- --port 3001`).
import { createRequire } from 'node:module'

const DEFAULT_MS = 65_000
const MAX_MS = 3_600_000

const raw = process.env.KEEP_ALIVE_TIMEOUT_MS
const ms = raw === undefined || raw === '' ? DEFAULT_MS : /^\d+$/.test(raw) ? Number(raw) : NaN
if (!(ms >= 1000 && ms <= MAX_MS)) {
  console.error(
    `\n  Handoff cannot start. Invalid environment: KEEP_ALIVE_TIMEOUT_MS must be a whole number of milliseconds from 1000 to ${MAX_MS} (default ${DEFAULT_MS}), got "${raw}"\n`,
  )
  process.exit(1)
}
// Next's own CLI in this process (no child to forward signals to), as if called `next start --keepAliveTimeout …`.
const bin = createRequire(import.meta.url).resolve('next/dist/bin/next')
process.argv = [process.argv[0], bin, 'start', '--keepAliveTimeout', String(ms), ...process.argv.slice(2)]
await import(bin)
