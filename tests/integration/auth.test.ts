import { describe, expect, it } from 'vitest'
import { HOME_AREA } from '@/domain/permissions'
import { loadActor } from '@/server/auth/actor'
import { LOGIN_RULES } from '@/server/auth/throttle'
import { SignInRefused, verifyLogin } from '@/server/auth/verify-login'
import { db } from '@/server/db'
import { makeStaff, TEST_PASSWORD } from '../support/factories'

describe('login', () => {
  it('accepts the right password, case-insensitively on the email, and audits it', async () => {
    const user = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const result = await verifyLogin({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD })
    expect(result).toEqual({ id: user.id, sessionVersion: 1 })
    expect(await db().auditEvent.count({ where: { action: 'auth.login', entityId: user.id } })).toBe(1)
  })

  it('answers unknown email and wrong password the same way, and audits both', async () => {
    const user = await makeStaff({ homeRole: 'RECEPTIONIST' })
    expect(await verifyLogin({ email: user.email, password: 'wrong password!' })).toBeNull()
    expect(await verifyLogin({ email: 'nobody@test.example', password: TEST_PASSWORD })).toBeNull()
    expect(await db().auditEvent.count({ where: { action: 'auth.login_failed' } })).toBe(2)
  })

  it('refuses malformed bodies without throwing', async () => {
    for (const body of [
      null,
      42,
      'x',
      { email: 1 },
      { email: 'a@b.c', password: 'x'.repeat(10_000) },
      { email: 'a@b.c', password: 'p', role: 'MANAGER' },
    ]) {
      expect(await verifyLogin(body)).toBeNull()
    }
  })

  it(`makes the next attempt from that address wait after ${LOGIN_RULES.accountAddress.free} failures, even for the right password`, async () => {
    const user = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const at = { address: '192.0.2.44', now: new Date() }
    for (let i = 0; i < LOGIN_RULES.accountAddress.free; i++)
      expect(await verifyLogin({ email: user.email, password: `guess-${i}` }, at)).toBeNull()
    await expect(verifyLogin({ email: user.email, password: TEST_PASSWORD }, at)).rejects.toMatchObject({
      reason: 'throttled',
      retryAfter: LOGIN_RULES.accountAddress.baseSeconds,
    })
    await expect(verifyLogin({ email: user.email, password: TEST_PASSWORD }, at)).rejects.toBeInstanceOf(SignInRefused)
    expect(await db().auditEvent.count({ where: { action: 'auth.throttled', entityId: user.id } })).toBe(1)
    // After the wait the right password works again.
    const later = { ...at, now: new Date(at.now.getTime() + LOGIN_RULES.accountAddress.baseSeconds * 1000) }
    expect(await verifyLogin({ email: user.email, password: TEST_PASSWORD }, later)).not.toBeNull()
  })

  it('refuses deactivated staff', async () => {
    const user = await makeStaff({ homeRole: 'RECEPTIONIST', active: false })
    expect(await verifyLogin({ email: user.email, password: TEST_PASSWORD })).toBeNull()
  })
})

describe('live sessions', () => {
  it('end at once when the person is deactivated', async () => {
    const user = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const login = await verifyLogin({ email: user.email, password: TEST_PASSWORD })
    expect(await loadActor(user.id, login!.sessionVersion)).not.toBeNull()
    await db().user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } })
    expect(await loadActor(user.id, login!.sessionVersion)).toBeNull()
  })

  it('end when the session version moves on (role, skill or password change)', async () => {
    const user = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await db().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } })
    expect(await loadActor(user.id, 1)).toBeNull()
    expect(await loadActor(user.id, 2)).toMatchObject({ id: user.id, homeRole: 'BACK_OFFICE' })
  })

  it('never expose the password hash', async () => {
    const user = await makeStaff({ homeRole: 'MANAGER' })
    const actor = await loadActor(user.id, 1)
    expect(JSON.stringify(actor)).not.toMatch(/argon2|passwordHash|failedLogin/)
  })
})

describe('landing', () => {
  it.each([
    ['RECEPTIONIST', 'front'],
    ['BACK_OFFICE', 'back'],
    ['MANAGER', 'manager'],
  ] as const)('%s lands on /%s', async (homeRole, area) => {
    const user = await makeStaff({ homeRole })
    const login = await verifyLogin({ email: user.email, password: TEST_PASSWORD })
    const actor = await loadActor(login!.id, login!.sessionVersion)
    expect(HOME_AREA[actor!.homeRole]).toBe(area)
  })
})
