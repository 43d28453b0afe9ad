import 'server-only'
import { z } from 'zod'
import type { Prisma } from '@/generated/prisma/client'
import { db } from '../db'
import { audit } from '../audit'
import { GateBusy } from './hashing-gate'
import { burnVerifyTime, hashGate, verifyPassword } from './password'
import { claimAttempt, loginKeys, releaseClaim, sweepThrottles, type Claim } from './throttle'

const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
})

/** How long a "busy" client is told to wait before trying again. */
const BUSY_RETRY_SECONDS = 2

/**
 * A sign-in refused before its password was checked: too many recent failures for this account or address
 * (`throttled`, try again after `retryAfter` seconds), or too many password checks already running (`busy`). The
 * message is what next-auth passes to the sign-in form as its `error` (`SignInThrottled:42`), which tells the person
 * how long to wait; the route adds Retry-After (src/server/auth/route.ts).
 */
export class SignInRefused extends Error {
  constructor(
    readonly reason: 'throttled' | 'busy',
    readonly retryAfter: number,
  ) {
    super(`${reason === 'busy' ? 'SignInBusy' : 'SignInThrottled'}:${retryAfter}`)
    this.name = 'SignInRefused'
  }
}

export interface LoginContext {
  /** The client's address as a throttling key (src/server/auth/client-address.ts). */
  address?: string
  now?: Date
}

/**
 * Check credentials. Unknown email, wrong password and a deactivated account all answer null after similar work (an
 * argon2 check against a decoy hash), so the form cannot tell them apart; every failure is audited. Before any
 * password is checked the attempt is claimed against the address, the account+address pair and the account
 * (src/server/auth/throttle.ts) — unknown emails too, so throttling says nothing about who has an account — and the
 * check itself runs through this process's hashing gate. Throws SignInRefused when either says no.
 */
export async function verifyLogin(
  raw: unknown,
  { address = 'unknown', now = new Date() }: LoginContext = {},
): Promise<{ id: string; sessionVersion: number } | null> {
  const parsed = loginSchema.safeParse(raw)
  if (!parsed.success) return null
  const { email, password } = parsed.data
  // Refused before any database work when the gate could not take the check anyway (it may still refuse below).
  if (hashGate().full) throw new SignInRefused('busy', BUSY_RETRY_SECONDS)
  sweepThrottles(now)
  const claimed = await claimAttempt(loginKeys(email, address), now)
  if (!claimed.ok) throw new SignInRefused('throttled', claimed.retryAfter)
  const { claim } = claimed
  const prisma = db()
  try {
    const user = await prisma.user.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, active: true, sessionVersion: true },
    })
    if (!user || !user.active) {
      await burnVerifyTime(password)
      await failed(claim, user?.id, { email: email.slice(0, 254), reason: user ? 'inactive' : 'unknown', address })
      return null
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await failed(claim, user.id, { reason: 'password', address, failures: claim.counts.accountAddress })
      return null
    }
    await releaseClaim(claim, 'success')
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } })
      await audit(tx, { id: user.id }, { action: 'auth.login', entityType: 'user', entityId: user.id })
    })
    return { id: user.id, sessionVersion: user.sessionVersion }
  } catch (error) {
    if (!(error instanceof GateBusy)) throw error
    // The password was never checked: the attempt does not count.
    await releaseClaim(claim, 'unchecked')
    throw new SignInRefused('busy', BUSY_RETRY_SECONDS)
  }
}

/** Audit a failure; when it armed a wait, say so too (the successor of the old lockout event). */
async function failed(claim: Claim, userId: string | undefined, data: Prisma.InputJsonObject & { address: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    await audit(tx, null, { action: 'auth.login_failed', entityType: 'user', entityId: userId, data })
    if (claim.armsWait > 0) {
      await audit(tx, null, {
        action: 'auth.throttled',
        entityType: 'user',
        entityId: userId,
        data: { address: data.address, waitSeconds: claim.armsWait, failures: claim.counts },
      })
    }
  })
}
