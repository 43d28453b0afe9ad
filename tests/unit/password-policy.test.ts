import { describe, expect, it } from 'vitest'
import { COMMON_PASSWORDS } from '@/domain/common-passwords'
import { argon2Params, isCommonPassword, isWeakPassword, meetsArgon2Minimum, PASSWORD_MIN } from '@/domain/password-policy'
import { createStaffSchema, resetPasswordSchema } from '@/lib/schemas/team'

const userId = '00000000-0000-4000-8000-000000000001'

describe('the common-password list', () => {
  it('ships about a thousand lower-case entries, among them the usual first guesses', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1000)
    for (const p of ['123456', 'password', 'qwerty', 'iloveyou', 'anhyeuem', 'matkhau', '1qaz2wsx3edc'])
      expect(COMMON_PASSWORDS.has(p), p).toBe(true)
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase())
  })

  it.each([
    'qwertyuiop123',
    '1qaz2wsx3edc',
    'PasswordPassword',
    'Sunshine2026!!',
    'P@ssw0rd1234',
    'monkeymonkey',
    '2026-Baseball-2026',
    'anh yeu em 123456',
    'Mật khẩu 123456',
    'trustno1trustno1',
  ])('refuses %s, a common password or one built around it', (password) => {
    expect(isCommonPassword(password)).toBe(true)
    expect(isWeakPassword(password)).toBe(true)
  })

  it.each([
    'correct horse battery staple',
    'x7#9!2@4$1%8',
    'Tr0ub4dor&3xyz',
    'giấy couche 150gsm',
    'mực in xanh 2026 tốt',
    'purple stapler moonlight',
  ])('accepts %s', (password) => {
    expect(isCommonPassword(password)).toBe(false)
    expect(isWeakPassword(password, { name: 'Đỗ Thu Trang', email: 'trang@example.com' })).toBe(false)
  })
})

describe('the password schema (every place a password is set)', () => {
  it(`needs at least ${PASSWORD_MIN} characters`, () => {
    const short = createStaffSchema.safeParse({ name: 'Lan', email: 'lan@example.com', homeRole: 'RECEPTIONIST', password: 'ab1!ab1!ab1' })
    expect(short.success).toBe(false)
    expect(short.error?.issues[0]).toMatchObject({ path: ['password'], code: 'too_small' })
  })

  it('refuses a common password with its own message, for new staff and for a reset', () => {
    const created = createStaffSchema.safeParse({
      name: 'Lan',
      email: 'lan@example.com',
      homeRole: 'RECEPTIONIST',
      password: 'qwertyuiop123',
    })
    expect(created.error?.issues).toEqual([expect.objectContaining({ path: ['password'], message: 'validation.commonPassword' })])
    const reset = resetPasswordSchema.safeParse({ userId, password: 'Password1234!' })
    expect(reset.error?.issues).toEqual([expect.objectContaining({ path: ['password'], message: 'validation.commonPassword' })])
    expect(resetPasswordSchema.safeParse({ userId, password: 'purple stapler moonlight' }).success).toBe(true)
  })

  it('caps the length, so hashing cannot be made arbitrarily slow', () => {
    expect(resetPasswordSchema.safeParse({ userId, password: 'purple stapler moonlight '.repeat(10) }).success).toBe(false)
  })
})

describe('argon2id parameters', () => {
  const salt = 'c29tZXNhbHRzb21lc2FsdA'
  const digest = 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g'
  it('reads m, t and p from a PHC hash string', () => {
    expect(argon2Params(`$argon2id$v=19$m=19456,t=2,p=1$${salt}$${digest}`)).toEqual({
      algorithm: 'argon2id',
      version: 19,
      m: 19456,
      t: 2,
      p: 1,
    })
    expect(argon2Params('$2b$12$abcdefghijklmnopqrstuv')).toBeNull()
  })

  it("accepts OWASP's minimums and anything stronger; refuses weaker settings, argon2i/argon2d and old versions", () => {
    expect(meetsArgon2Minimum(`$argon2id$v=19$m=19456,t=2,p=1$${salt}$${digest}`)).toBe(true)
    expect(meetsArgon2Minimum(`$argon2id$v=19$m=65536,t=3,p=4$${salt}$${digest}`)).toBe(true)
    expect(meetsArgon2Minimum(`$argon2id$v=19$m=7168,t=5,p=1$${salt}$${digest}`)).toBe(true)
    expect(meetsArgon2Minimum(`$argon2id$v=19$m=4096,t=3,p=1$${salt}$${digest}`)).toBe(false)
    expect(meetsArgon2Minimum(`$argon2id$v=19$m=19456,t=1,p=1$${salt}$${digest}`)).toBe(false)
    expect(meetsArgon2Minimum(`$argon2i$v=19$m=19456,t=2,p=1$${salt}$${digest}`)).toBe(false)
    expect(meetsArgon2Minimum(`$argon2id$v=16$m=19456,t=2,p=1$${salt}$${digest}`)).toBe(false)
  })
})
