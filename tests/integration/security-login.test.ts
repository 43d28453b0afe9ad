// Sign-in and passwords (#7), through the credentials provider next-auth calls for POST /api/auth/callback/credentials:
// per-account throttling that rotating addresses do not get around, one answer and similar time for "no such
// person" and "wrong password", every failure and lockout in the audit trail (never the password itself); passwords
// set through the manager's actions follow the policy and are stored as argon2id at OWASP's minimums or above.
import { performance } from 'node:perf_hooks'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { argon2Params, meetsArgon2Minimum } from '@/domain/password-policy'
import { createStaffAction, resetPasswordAction } from '@/actions/team'
import { authOptions } from '@/server/auth/options'
import { hashPassword } from '@/server/auth/password'
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '@/server/auth/verify-login'
import { db } from '@/server/db'
import { makeStaff, TEST_PASSWORD } from '../support/factories'
import { session } from './security-support'

vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())

type Authorize = (credentials: Record<string, string> | undefined, req: { headers: Record<string, string> }) => Promise<unknown>
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize

/** One sign-in attempt from a given address, as next-auth hands it to the provider. */
function attempt(email: string, password: string, address = '198.51.100.7') {
  return authorize({ email, password }, { headers: { 'x-forwarded-for': address, 'x-real-ip': address } })
}

async function auditOf(userId: string) {
  return db().auditEvent.findMany({ where: { entityId: userId, action: { startsWith: 'auth.' } }, orderBy: { id: 'asc' }, select: { action: true, data: true } })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

describe('throttling per account', () => {
  it(`locks after ${MAX_FAILED_LOGINS} failures even when every guess comes from a new address`, async () => {
    const user = await makeStaff({ homeRole: 'RECEPTIONIST' })
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect(await attempt(user.email, `guess number ${i}`, `203.0.113.${10 + i}`)).toBeNull()
    // The right password from yet another address: still refused while the lock lasts.
    expect(await attempt(user.email, TEST_PASSWORD, '192.0.2.99')).toBeNull()
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } })
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCKOUT_MINUTES - 1) * 60_000)
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual([
      ...Array.from({ length: MAX_FAILED_LOGINS - 1 }, () => 'auth.login_failed'),
      'auth.lockout',
      'auth.login_locked',
    ])
  })

  it('20 guesses in parallel cannot slip past the counter: the account ends locked and every attempt is audited', async () => {
    const user = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(user.email, `parallel guess ${i}`, `203.0.113.${100 + i}`)))
    expect(results.every((r) => r === null)).toBe(true)
    expect(await attempt(user.email, TEST_PASSWORD)).toBeNull()
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).not.toBeNull()
    const actions = (await auditOf(user.id)).map((a) => a.action)
    expect(actions).toHaveLength(21)
    expect(actions).toContain('auth.lockout')
    expect(actions.every((a) => ['auth.login_failed', 'auth.lockout', 'auth.login_locked'].includes(a))).toBe(true)
  })
})

describe('one answer for every failure', () => {
  it('unknown email, wrong password, deactivated and locked all answer the same, and each is audited without the password', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const gone = await makeStaff({ homeRole: 'RECEPTIONIST', active: false })
    const locked = await makeStaff({ homeRole: 'RECEPTIONIST' })
    await db().user.update({ where: { id: locked.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } })
    const secret = 'tell-tale guess 7731'
    const answers = [
      await attempt('nobody-here@test.example', secret),
      await attempt(person.email, secret),
      await attempt(gone.email, TEST_PASSWORD),
      await attempt(locked.email, TEST_PASSWORD),
    ]
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set(['null']))
    const rows = await db().auditEvent.findMany({ where: { action: { in: ['auth.login_failed', 'auth.login_locked'] }, at: { gte: new Date(Date.now() - 60_000) } } })
    expect(rows.find((r) => (r.data as { email?: string } | null)?.email === 'nobody-here@test.example')).toMatchObject({ action: 'auth.login_failed', data: { reason: 'unknown' } })
    expect(rows.find((r) => r.entityId === person.id)).toMatchObject({ action: 'auth.login_failed', data: { reason: 'password' } })
    expect(rows.find((r) => r.entityId === gone.id)).toMatchObject({ action: 'auth.login_failed', data: { reason: 'inactive' } })
    expect(rows.find((r) => r.entityId === locked.id)).toMatchObject({ action: 'auth.login_locked' })
    const logged = JSON.stringify(rows.map((r) => [r.action, r.data, r.before, r.after]))
    expect(logged).not.toContain(secret)
    expect(logged).not.toContain(TEST_PASSWORD)
  })

  it('takes similar time for an unknown email and a wrong password (the unknown one still verifies a hash)', async () => {
    const people = await Promise.all(Array.from({ length: 2 }, () => makeStaff({ homeRole: 'BACK_OFFICE' })))
    // Warm both paths (the equaliser's own hash is made on first use).
    await attempt('warm-up@test.example', 'warm up guess')
    await attempt(people[0]!.email, 'warm up guess')
    const unknown: number[] = []
    const wrong: number[] = []
    for (let i = 0; i < 7; i++) {
      let t = performance.now()
      await attempt(`nobody-${i}@test.example`, `timing guess ${i}`)
      unknown.push(performance.now() - t)
      const who = people[i % 2]!
      t = performance.now()
      await attempt(who.email, `timing guess ${i}`)
      wrong.push(performance.now() - t)
      // Keep the account below the lockout so every sample takes the wrong-password path.
      await db().user.update({ where: { id: who.id }, data: { failedLoginCount: 0, lockedUntil: null } })
    }
    const ratio = median(unknown) / median(wrong)
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms, wrong ${median(wrong).toFixed(1)} ms`).toBeGreaterThan(1 / 3)
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms, wrong ${median(wrong).toFixed(1)} ms`).toBeLessThan(3)
  })
})

describe('passwords that are set', () => {
  let manager: { id: string }
  beforeAll(async () => {
    manager = await makeStaff({ homeRole: 'MANAGER' })
  })
  const asManager = () => {
    session.current = { user: { id: manager.id, sv: 1 } }
  }

  it('are at least 12 characters, not common, and not the person’s own name — for new staff and for a reset', async () => {
    asManager()
    const base = { name: 'Nguyễn Quốc Huy', email: 'huy-policy@test.example', homeRole: 'BACK_OFFICE' }
    expect(await createStaffAction({ ...base, password: 'Short1!pass' })).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { password: ['Must be at least 12 characters.'] } })
    expect(await createStaffAction({ ...base, password: 'Sunshine2026!!' })).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { password: [expect.stringMatching(/too common/)] } })
    expect(await createStaffAction({ ...base, password: 'nguyenquochuy2024' })).toMatchObject({ ok: false, code: 'INVALID', fieldErrors: { password: [expect.stringMatching(/too easy to guess/)] } })
    expect(await db().user.count({ where: { email: base.email } })).toBe(0)
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const before = (await db().user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash
    expect(await resetPasswordAction({ userId: person.id, password: 'qwertyuiop123' })).toMatchObject({ ok: false, code: 'INVALID' })
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBe(before)
  })

  it('are stored as argon2id with at least OWASP’s memory, iterations and lanes', async () => {
    asManager()
    const created = (await createStaffAction({ name: 'Trần Mai', email: 'mai-hash@test.example', homeRole: 'RECEPTIONIST', password: 'purple stapler moonlight' })) as { ok: true; data: { id: string } }
    expect(created.ok).toBe(true)
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    expect(await resetPasswordAction({ userId: person.id, password: 'quiet harbour lantern 9' })).toMatchObject({ ok: true })
    for (const id of [created.data.id, person.id]) {
      const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id } })
      expect(argon2Params(passwordHash)).toMatchObject({ algorithm: 'argon2id', version: 19 })
      expect(meetsArgon2Minimum(passwordHash), passwordHash.split('$').slice(0, 4).join('$')).toBe(true)
    }
    const params = argon2Params(await hashPassword('anything at all here'))!
    expect(params.m).toBeGreaterThanOrEqual(19456)
    expect(params.t).toBeGreaterThanOrEqual(2)
    expect(params.p).toBeGreaterThanOrEqual(1)
    // And the new password signs in.
    expect(await attempt('mai-hash@test.example', 'purple stapler moonlight')).toMatchObject({ id: created.data.id })
  })
})
