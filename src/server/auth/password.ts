import 'server-only'
import { availableParallelism } from 'node:os'
import { hash, verify, type Algorithm } from '@node-rs/argon2'
import { throttleEnv } from '../env'
import { Gate } from './hashing-gate'

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~70 ms here, slow enough for guessing, fast enough for a counter.
// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
export const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 }

/** Password checks waiting beyond the running ones, per running slot: a short queue (a few hundred ms), then "busy". */
const QUEUE_PER_SLOT = 4

const g = globalThis as unknown as { handoffHashGate?: Gate; handoffPasswordChecks?: number }

/** This process's gate for password checks (HANDOFF_LOGIN_HASH_CONCURRENCY, default half the cores, at least 1). */
export function hashGate(): Gate {
  if (!g.handoffHashGate) {
    const limit = throttleEnv().HANDOFF_LOGIN_HASH_CONCURRENCY ?? Math.max(1, Math.floor(availableParallelism() / 2))
    g.handoffHashGate = new Gate(limit, limit * QUEUE_PER_SLOT)
  }
  return g.handoffHashGate
}

/** How many argon2 password checks this process has run (sign-ins and their decoys); tests count guesses by it. */
export function passwordChecks(): number {
  return g.handoffPasswordChecks ?? 0
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

/** Check a password through the gate; throws GateBusy when too many checks are already running or waiting. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  return hashGate().run(async () => {
    g.handoffPasswordChecks = passwordChecks() + 1
    try {
      return await verify(hashed, password)
    } catch {
      return false
    }
  })
}

// Verifying against a real hash when the email is unknown keeps both failures equally slow.
let dummy: Promise<string> | undefined
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('handoff-timing-equaliser')
  await verifyPassword(await dummy, password)
}
