import 'server-only'
import { hash, verify, type Algorithm } from '@node-rs/argon2'

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~70 ms here, slow enough for guessing, fast enough for a counter.
// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
export const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password)
  } catch {
    return false
  }
}

// Verifying against a real hash when the email is unknown keeps both failures equally slow.
let dummy: Promise<string> | undefined
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('handoff-timing-equaliser')
  await verifyPassword(await dummy, password)
}
