// Runs once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { checkEnvironmentOrExit } = await import('./server/startup')
  checkEnvironmentOrExit()
  // The outbox worker in this process (`next dev`, `npm start`) unless HANDOFF_OUTBOX_WORKER=off, when a separate
  // `npm run worker` delivers instead (docs/decisions/019-durable-outbox.md).
  const { startOutboxInApp } = await import('./server/outbox/in-app')
  await startOutboxInApp()
}
