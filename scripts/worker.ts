// `npm run worker`: the outbox worker alone, for deployments that run it apart from the web app
// (HANDOFF_OUTBOX_WORKER=off on the app instances). Any number of these may run on one database. SIGTERM/SIGINT stop
// it gracefully: the tries in flight finish and record their outcome. docs/decisions/019-durable-outbox.md.
import { databaseEnv, outboxEnv } from '../src/server/env'
import { startOutboxWorker } from '../src/server/outbox/worker'

try {
  databaseEnv()
  outboxEnv()
} catch (error) {
  console.error(`\n  The outbox worker cannot start. ${(error as Error).message}\n`)
  process.exit(1)
}
const worker = await startOutboxWorker()
console.warn(`[handoff] outbox worker running (pid ${process.pid})`)
const stop = async () => {
  await worker.stop()
  process.exit(0)
}
process.once('SIGTERM', () => void stop())
process.once('SIGINT', () => void stop())
