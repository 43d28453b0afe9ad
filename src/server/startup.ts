import { readEnv } from './env'

/** Refuse to start with a broken environment, in one readable line. */
export function checkEnvironmentOrExit(): void {
  try {
    readEnv()
  } catch (error) {
    console.error(`\n  Handoff cannot start. ${(error as Error).message}\n`)
    process.exit(1)
  }
}
