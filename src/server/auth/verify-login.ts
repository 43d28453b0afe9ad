import 'server-only'
import { z } from 'zod'
import { db } from '../db'
import { audit } from '../audit'
import { burnVerifyTime, verifyPassword } from './password'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
})

/** Check credentials. Unknown email, wrong password and a locked account all answer null after similar work, so
 * the login form cannot tell them apart; every failure is audited. Per-account lockout stops guessing even from
 * rotating addresses. */
export async function verifyLogin(raw: unknown, now = new Date()): Promise<{ id: string; sessionVersion: number } | null> {
  const parsed = loginSchema.safeParse(raw)
  if (!parsed.success) return null
  const { email, password } = parsed.data
  const prisma = db()
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, sessionVersion: true, lockedUntil: true, failedLoginCount: true },
  })
  if (!user || !user.active) {
    await burnVerifyTime(password)
    await prisma.$transaction((tx) =>
      audit(tx, null, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id, data: { email: email.slice(0, 254), reason: user ? 'inactive' : 'unknown' } }),
    )
    return null
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await burnVerifyTime(password)
    await prisma.$transaction((tx) =>
      audit(tx, null, { action: 'auth.login_locked', entityType: 'user', entityId: user.id, data: { until: user.lockedUntil!.toISOString() } }),
    )
    return null
  }
  const ok = await verifyPassword(user.passwordHash, password)
  if (!ok) {
    await prisma.$transaction(async (tx) => {
      // Increment in SQL so parallel guesses cannot undercount.
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: { increment: 1 } },
        select: { failedLoginCount: true },
      })
      const lock = updated.failedLoginCount >= MAX_FAILED_LOGINS
      if (lock) {
        await tx.user.update({
          where: { id: user.id },
          data: { lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000), failedLoginCount: 0 },
        })
      }
      await audit(tx, null, {
        action: lock ? 'auth.lockout' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        data: { reason: 'password', failures: updated.failedLoginCount },
      })
    })
    return null
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } })
    await audit(tx, { id: user.id }, { action: 'auth.login', entityType: 'user', entityId: user.id })
  })
  return { id: user.id, sessionVersion: user.sessionVersion }
}
