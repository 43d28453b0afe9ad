// Sign-in and passwords (#7, #20), through the credentials provider next-auth calls for POST
// /api/auth/callback/credentials: attempts are claimed in PostgreSQL before any password is checked, so parallel
// guesses check at most the allowed number; waits grow per account+address and per address, so an attacker at one
// address cannot lock the person out at another; password checks run through a small per-process gate; one answer
// and similar time for "no such person" and "wrong password", every failure in the audit trail (never the password
// itself); passwords set through the manager's actions follow the policy and are stored as argon2id at OWASP's
// minimums or above.
import { performance } from 'node:perf_hooks'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { argon2Params, meetsArgon2Minimum } from '@/domain/password-policy'
import { createStaffAction, resetPasswordAction } from '@/actions/team'
import { authOptions } from '@/server/auth/options'
import { hashGate, hashPassword, passwordChecks } from '@/server/auth/password'
import { emailKey, LOGIN_RULES } from '@/server/auth/throttle'
import { SignInRefused, verifyLogin } from '@/server/auth/verify-login'
import { db } from '@/server/db'
import { makeStaff, TEST_PASSWORD } from '../support/factories'
import { session } from './security-support'

vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())

type Authorize = (credentials: Record<string, string> | undefined, req: { headers: Record<string, string> }) => Promise<unknown>
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize

let nextAddress = 1
/** A fresh address of the documentation range per test, so tests never share an address's budget. */
function newAddress(): string {
  const n = nextAddress++
  return `198.51.${100 + Math.floor(n / 250)}.${n % 250}`
}

/** One sign-in attempt from a given address, as next-auth hands it to the provider. */
function attempt(email: string, password: string, address: string) {
  return authorize({ email, password }, { headers: { 'x-forwarded-for': address } })
}

/** What a batch of attempts came to: signed in, refused after a password check (null), or refused before one. */
function tally(results: PromiseSettledResult<unknown>[]) {
  const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown)
  for (const reason of refusals) expect(reason).toBeInstanceOf(SignInRefused)
  const reasons = refusals.map((r) => (r as SignInRefused).reason)
  return {
    signedIn: results.filter((r) => r.status === 'fulfilled' && r.value !== null).length,
    wrong: results.filter((r) => r.status === 'fulfilled' && r.value === null).length,
    throttled: reasons.filter((r) => r === 'throttled').length,
    busy: reasons.filter((r) => r === 'busy').length,
  }
}

async function refusal(promise: Promise<unknown>): Promise<SignInRefused> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SignInRefused)
  return error as SignInRefused
}

async function auditOf(userId: string) {
  return db().auditEvent.findMany({
    where: { entityId: userId, action: { startsWith: 'auth.' } },
    orderBy: { id: 'asc' },
    select: { action: true, data: true },
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const FREE = LOGIN_RULES.accountAddress.free

describe('guesses sent at once (claimed before the password is checked)', () => {
  it.each([20, 40])(
    '%i guesses at once from one address, the 11th with the right password: at most the allowed number of passwords is checked',
    async (n) => {
      const user = await makeStaff({ homeRole: 'RECEPTIONIST' })
      const address = newAddress()
      const before = passwordChecks()
      const results = await Promise.allSettled(
        Array.from({ length: n }, (_, i) => attempt(user.email, i === 10 ? TEST_PASSWORD : `parallel guess ${i}`, address)),
      )
      const checked = passwordChecks() - before
      const t = tally(results)
      expect(checked, JSON.stringify(t)).toBeLessThanOrEqual(FREE)
      expect(t.signedIn + t.wrong).toBe(checked)
      expect(t.throttled).toBeGreaterThanOrEqual(n - FREE)
      // Whatever was checked is audited; the refusals cost nothing and are told when to come back.
      expect((await auditOf(user.id)).filter((a) => a.action === 'auth.login_failed')).toHaveLength(t.wrong)
    },
  )
})

describe('waits instead of a lock anyone can trigger', () => {
  it('an attacker at one address gets growing waits, and the person signs in from another address all the while', async () => {
    const user = await makeStaff({ homeRole: 'MANAGER' })
    const attacker = newAddress()
    const office = newAddress()
    let now = new Date()
    for (let i = 0; i < FREE; i++)
      expect(await verifyLogin({ email: user.email, password: `guess ${i}` }, { address: attacker, now })).toBeNull()
    const waits: number[] = []
    for (let round = 0; round < 4; round++) {
      const refused = await refusal(verifyLogin({ email: user.email, password: TEST_PASSWORD }, { address: attacker, now }))
      expect(refused.reason).toBe('throttled')
      waits.push(refused.retryAfter)
      // The person, at the office, is never in the attacker's queue.
      expect(await verifyLogin({ email: user.email, password: TEST_PASSWORD }, { address: office, now })).toMatchObject({ id: user.id })
      now = new Date(now.getTime() + refused.retryAfter * 1000)
      expect(await verifyLogin({ email: user.email, password: `late guess ${round}` }, { address: attacker, now })).toBeNull()
    }
    expect(waits).toEqual([30, 60, 120, 240].map((s) => Math.min(s, LOGIN_RULES.accountAddress.maxSeconds)))
    expect((await auditOf(user.id)).filter((a) => a.action === 'auth.throttled').length).toBeGreaterThanOrEqual(4)
  })

  it('the same wait applies to an email nobody has, so throttling does not reveal who has an account', async () => {
    const user = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const address = newAddress()
    const answers = []
    for (const email of [user.email, 'nobody-throttled@test.example']) {
      for (let i = 0; i < FREE; i++) expect(await attempt(email, `guess ${i}`, address)).toBeNull()
      const refused = await refusal(attempt(email, 'one more guess', address))
      answers.push([refused.reason, refused.retryAfter])
    }
    expect(answers[0]).toEqual(answers[1])
  })

  it('successful sign-ins never use up the budget: many from one address, between mistakes, all get in', async () => {
    const user = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const address = newAddress()
    for (let i = 0; i < LOGIN_RULES.address.free + 5; i++) {
      if (i % 6 === 0) expect(await attempt(user.email, `typo ${i}`, address)).toBeNull()
      expect(await attempt(user.email, TEST_PASSWORD, address)).toMatchObject({ id: user.id })
    }
  })

  it(`the account-wide cap is high: only after ${LOGIN_RULES.account.free} failures from anywhere does the account wait`, async () => {
    const user = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const now = new Date()
    // Failures from many addresses so far, one short of the cap (as if a botnet had been at it).
    await db()
      .$executeRaw`INSERT INTO "Throttle" (key, count, "expiresAt") VALUES (${`login:acct:${emailKey(user.email)}`}, ${LOGIN_RULES.account.free - 2}, ${new Date(now.getTime() + 3_600_000)})`
    expect(await verifyLogin({ email: user.email, password: 'from yet another address' }, { address: newAddress(), now })).toBeNull()
    expect(await verifyLogin({ email: user.email, password: TEST_PASSWORD }, { address: newAddress(), now })).toMatchObject({ id: user.id })
    expect(await verifyLogin({ email: user.email, password: 'the hundredth' }, { address: newAddress(), now })).toBeNull()
    const refused = await refusal(verifyLogin({ email: user.email, password: TEST_PASSWORD }, { address: newAddress(), now }))
    expect(refused).toMatchObject({ reason: 'throttled', retryAfter: LOGIN_RULES.account.baseSeconds })
  })

  it('a manager’s password reset lifts the waits counted against the account', async () => {
    const manager = await makeStaff({ homeRole: 'MANAGER' })
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const address = newAddress()
    for (let i = 0; i < FREE; i++) expect(await attempt(person.email, `guess ${i}`, address)).toBeNull()
    await refusal(attempt(person.email, TEST_PASSWORD, address))
    session.current = { user: { id: manager.id, sv: 1 } }
    expect(await resetPasswordAction({ userId: person.id, password: 'fresh ink on paper 42' })).toMatchObject({ ok: true })
    expect(await attempt(person.email, 'fresh ink on paper 42', address)).toMatchObject({ id: person.id })
  })
})

describe('floods of unknown emails', () => {
  it(`from one address: at most ${LOGIN_RULES.address.free} passwords are checked, the rest refused at once`, async () => {
    const address = newAddress()
    const before = passwordChecks()
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => attempt(`flood-${i}@test.example`, 'guess', address)))
    const t = tally(results)
    expect(passwordChecks() - before).toBeLessThanOrEqual(LOGIN_RULES.address.free)
    expect(t.signedIn).toBe(0)
    expect(t.throttled + t.busy).toBeGreaterThanOrEqual(60 - LOGIN_RULES.address.free)
  })

  it('from many addresses at once: no more password checks run at once than the gate allows, the rest are told the server is busy', async () => {
    const gate = hashGate()
    gate.peak = 0
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => attempt(`spray-${i}@test.example`, 'guess', newAddress())),
    )
    const t = tally(results)
    expect(gate.peak).toBeLessThanOrEqual(gate.limit)
    expect(t.wrong + t.busy).toBe(30)
    // A busy refusal checked nothing and so counted nothing: the same person may simply try again.
    const busy = results.findIndex((r) => r.status === 'rejected')
    if (busy >= 0) expect(await attempt(`spray-${busy}@test.example`, 'guess', newAddress())).toBeNull()
  })
})

describe('one answer for every failure', () => {
  it('unknown email, wrong password and deactivated all answer the same, and each is audited without the password', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const gone = await makeStaff({ homeRole: 'RECEPTIONIST', active: false })
    const secret = 'tell-tale guess 7731'
    const address = newAddress()
    const answers = [
      await attempt('nobody-here@test.example', secret, address),
      await attempt(person.email, secret, address),
      await attempt(gone.email, TEST_PASSWORD, address),
    ]
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set(['null']))
    const rows = await db().auditEvent.findMany({ where: { action: 'auth.login_failed', at: { gte: new Date(Date.now() - 60_000) } } })
    expect(rows.find((r) => (r.data as { email?: string } | null)?.email === 'nobody-here@test.example')).toMatchObject({
      action: 'auth.login_failed',
      data: { reason: 'unknown' },
    })
    expect(rows.find((r) => r.entityId === person.id)).toMatchObject({ action: 'auth.login_failed', data: { reason: 'password' } })
    expect(rows.find((r) => r.entityId === gone.id)).toMatchObject({ action: 'auth.login_failed', data: { reason: 'inactive' } })
    const logged = JSON.stringify(rows.map((r) => [r.action, r.data, r.before, r.after]))
    expect(logged).not.toContain(secret)
    expect(logged).not.toContain(TEST_PASSWORD)
  })

  it('takes similar time for an unknown email and a wrong password (the unknown one still verifies a hash)', async () => {
    const people = await Promise.all(Array.from({ length: 2 }, () => makeStaff({ homeRole: 'BACK_OFFICE' })))
    // Warm both paths (the equaliser's own hash is made on first use).
    await attempt('warm-up@test.example', 'warm up guess', newAddress())
    await attempt(people[0]!.email, 'warm up guess', newAddress())
    const unknown: number[] = []
    const wrong: number[] = []
    for (let i = 0; i < 7; i++) {
      let t = performance.now()
      await attempt(`nobody-${i}@test.example`, `timing guess ${i}`, newAddress())
      unknown.push(performance.now() - t)
      const who = people[i % 2]!
      t = performance.now()
      await attempt(who.email, `timing guess ${i}`, newAddress())
      wrong.push(performance.now() - t)
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
    expect(await createStaffAction({ ...base, password: 'Short1!pass' })).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { password: ['Must be at least 12 characters.'] },
    })
    expect(await createStaffAction({ ...base, password: 'Sunshine2026!!' })).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { password: [expect.stringMatching(/too common/)] },
    })
    expect(await createStaffAction({ ...base, password: 'nguyenquochuy2024' })).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { password: [expect.stringMatching(/too easy to guess/)] },
    })
    expect(await db().user.count({ where: { email: base.email } })).toBe(0)
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const before = (await db().user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash
    expect(await resetPasswordAction({ userId: person.id, password: 'qwertyuiop123' })).toMatchObject({ ok: false, code: 'INVALID' })
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBe(before)
  })

  it('are stored as argon2id with at least OWASP’s memory, iterations and lanes', async () => {
    asManager()
    const created = (await createStaffAction({
      name: 'Trần Mai',
      email: 'mai-hash@test.example',
      homeRole: 'RECEPTIONIST',
      password: 'purple stapler moonlight',
    })) as { ok: true; data: { id: string } }
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
    expect(await attempt('mai-hash@test.example', 'purple stapler moonlight', newAddress())).toMatchObject({ id: created.data.id })
  })
})
