import { beforeAll, describe, expect, it } from 'vitest'
import { loadActor } from '@/server/auth/actor'
import { verifyLogin } from '@/server/auth/verify-login'
import { db } from '@/server/db'
import { createStaff } from '@/server/team/create-staff'
import { listTeam } from '@/server/team/list-team'
import { resetPassword } from '@/server/team/reset-password'
import { setHomeRole } from '@/server/team/set-home-role'
import { setStaffActive } from '@/server/team/set-staff-active'
import { isWeakPassword } from '@/lib/schemas/team'
import { makeActor, makeStaff, TEST_PASSWORD } from '../support/factories'
import { ensureManagerSettings, expectDomainError, makeOrder } from './manager-support'

let manager: Awaited<ReturnType<typeof makeActor>>
beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER' })
})

describe('creating staff', () => {
  it('hashes the password, lower-cases the email, audits, and never returns the hash', async () => {
    const created = await createStaff(manager, {
      name: 'Đỗ Thu Trang',
      email: 'trang@test.example',
      homeRole: 'RECEPTIONIST',
      password: 'mực in xanh 2026 tốt',
    })
    expect(JSON.stringify(created)).not.toMatch(/argon2|passwordHash/)
    const row = await db().user.findUniqueOrThrow({ where: { id: created.id } })
    expect(row.passwordHash).toMatch(/^\$argon2id\$/)
    expect(await verifyLogin({ email: 'TRANG@test.example', password: 'mực in xanh 2026 tốt' })).toMatchObject({ id: created.id })
    expect(await db().auditEvent.count({ where: { action: 'user.created', entityId: created.id } })).toBe(1)
    const team = await listTeam(manager)
    expect(JSON.stringify(team)).not.toMatch(/argon2|passwordHash|failedLogin/)
    expect(team.find((m) => m.id === created.id)).toMatchObject({ email: 'trang@test.example', homeRole: 'RECEPTIONIST', active: true })
  })

  it('refuses an email that exists in another case, on the email field', async () => {
    await makeStaff({ homeRole: 'BACK_OFFICE', email: 'dup@test.example' })
    await expectDomainError(
      createStaff(manager, { name: 'X', email: 'dup@test.example', homeRole: 'BACK_OFFICE', password: 'a long unusual passphrase' }),
      'CONFLICT',
      'manager.team.errors.emailTaken',
      'email',
    )
  })

  it.each([
    'password1234',
    '123456789012',
    'qwertyuiop12',
    'handoff-demo',
    'aaaaaaaaaaaa',
    'matkhau12345',
    'abcdefghijkl',
    'quochuy19901990',
  ])('refuses the common password %s', async (password) => {
    await expectDomainError(
      createStaff(manager, { name: 'Nguyễn Quốc Huy', email: `huy-${password.length}@test.example`, homeRole: 'BACK_OFFICE', password }),
      'INVALID',
      'manager.team.errors.weakPassword',
      'password',
    )
  })

  it('accepts ordinary strong passwords', () => {
    for (const p of ['correct horse battery staple', 'x7#9!2@4$1%8', 'Tr0ub4dor&3xyz', 'mực in xanh 2026 tốt'])
      expect(isWeakPassword(p), p).toBe(false)
  })
})

describe('changing staff', () => {
  it('deactivation ends the live session at once; reactivation needs a new sign-in', async () => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE' })
    const session = await verifyLogin({ email: person.email, password: TEST_PASSWORD })
    expect(await loadActor(person.id, session!.sessionVersion)).not.toBeNull()
    await setStaffActive(manager, { userId: person.id, active: false })
    expect(await loadActor(person.id, session!.sessionVersion)).toBeNull()
    expect(await verifyLogin({ email: person.email, password: TEST_PASSWORD })).toBeNull()
    await setStaffActive(manager, { userId: person.id, active: true })
    expect(await loadActor(person.id, session!.sessionVersion)).toBeNull()
    expect(await verifyLogin({ email: person.email, password: TEST_PASSWORD })).not.toBeNull()
    expect(await db().auditEvent.count({ where: { entityId: person.id, action: { in: ['user.deactivated', 'user.reactivated'] } } })).toBe(
      2,
    )
  })

  it('shows open orders per person, so they can be handed over before someone leaves', async () => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE' })
    await makeOrder({ assigneeId: person.id })
    await makeOrder({ assigneeId: person.id, closedAt: new Date() })
    expect((await listTeam(manager)).find((m) => m.id === person.id)?.openOrders).toBe(1)
  })

  it('refuses to deactivate oneself', async () => {
    await expectDomainError(setStaffActive(manager, { userId: manager.id, active: false }), 'CONFLICT', 'manager.team.errors.notYourself')
  })

  it('a home-role change bumps the session version', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    expect(await setHomeRole(manager, { userId: person.id, homeRole: 'BACK_OFFICE' })).toMatchObject({ changed: true })
    expect(await loadActor(person.id, 1)).toBeNull()
    expect(await loadActor(person.id, 2)).toMatchObject({ homeRole: 'BACK_OFFICE' })
  })

  it('a password reset lifts the sign-in waits, ends sessions and lets the new password in', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    for (let i = 0; i < 5; i++) await verifyLogin({ email: person.email, password: `guess ${i}` })
    await expect(verifyLogin({ email: person.email, password: TEST_PASSWORD })).rejects.toThrow(/SignInThrottled/)
    await expectDomainError(
      resetPassword(manager, { userId: person.id, password: 'password12345' }),
      'INVALID',
      'manager.team.errors.weakPassword',
      'password',
    )
    await resetPassword(manager, { userId: person.id, password: 'giấy couche 150gsm' })
    expect(await loadActor(person.id, 1)).toBeNull()
    expect(await verifyLogin({ email: person.email, password: TEST_PASSWORD })).toBeNull()
    expect(await verifyLogin({ email: person.email, password: 'giấy couche 150gsm' })).not.toBeNull()
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'user.password_reset', entityId: person.id } })
    expect(JSON.stringify([audit.before, audit.after, audit.data])).not.toContain('giấy')
  })
})
