import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openSecret, sealSecret } from '@/server/secrets'

const env = { HANDOFF_SECRETS_KEY: randomBytes(32).toString('base64') }

describe('secrets at rest', () => {
  it('round-trips, with a fresh IV every time', () => {
    const a = sealSecret('mật khẩu-123', 'einvoice:VIETTEL', env)
    const b = sealSecret('mật khẩu-123', 'einvoice:VIETTEL', env)
    expect(a).not.toBe(b)
    expect(a).not.toContain('123')
    expect(openSecret(a, 'einvoice:VIETTEL', env)).toBe('mật khẩu-123')
  })

  it('refuses another key, another use, or a tampered value', () => {
    const sealed = sealSecret('secret', 'einvoice:VIETTEL', env)
    expect(() => openSecret(sealed, 'einvoice:VIETTEL', { HANDOFF_SECRETS_KEY: randomBytes(32).toString('base64') })).toThrow()
    expect(() => openSecret(sealed, 'einvoice:MISA', env)).toThrow()
    const parts = sealed.split('.')
    parts[3] = Buffer.from('SECRET').toString('base64url')
    expect(() => openSecret(parts.join('.'), 'einvoice:VIETTEL', env)).toThrow()
    expect(() => openSecret('plain', 'einvoice:VIETTEL', env)).toThrow()
  })

  it('needs a key (its own, or one derived from NEXTAUTH_SECRET), and a well-formed one', () => {
    expect(() => sealSecret('x', 'c', {})).toThrow(expect.objectContaining({ messageKey: 'errors.secretsKeyMissing' }))
    expect(() => sealSecret('x', 'c', { HANDOFF_SECRETS_KEY: 'c2hvcnQ=' })).toThrow(/HANDOFF_SECRETS_KEY/)
    const derived = { NEXTAUTH_SECRET: 'a-session-secret-of-at-least-32-characters' }
    expect(openSecret(sealSecret('x', 'c', derived), 'c', derived)).toBe('x')
    expect(() => openSecret(sealSecret('x', 'c', derived), 'c', env)).toThrow()
  })
})
