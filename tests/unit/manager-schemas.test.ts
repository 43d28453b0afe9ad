import { describe, expect, it } from 'vitest'
import { demoOpeningHours } from '@/domain/opening-hours'
import { recordAbsenceSchema, startOwnLunchSchema } from '@/lib/schemas/absence'
import { createProductSchema } from '@/lib/schemas/catalog'
import { updateSettingsSchema } from '@/lib/schemas/settings'
import { createStaffSchema, isWeakPassword, setSkillLevelSchema } from '@/lib/schemas/team'

describe('isWeakPassword', () => {
  it.each([
    'password1234',
    'Password-2026!',
    '123456789012',
    '987654321098',
    'abcdefghijkl',
    'qwertyuiop12',
    'handoff-demo',
    'matkhau12345',
    'mật khẩu 2026',
    'aaaaaaaaaaaa',
    'ababababababab',
  ])('refuses %s', (password) => {
    expect(isWeakPassword(password)).toBe(true)
  })

  it("refuses the person's own name or email with digits", () => {
    expect(isWeakPassword('nguyenvanan2024', { name: 'Nguyễn Văn An' })).toBe(true)
    expect(isWeakPassword('Trang.Do.1990', { email: 'trang.do@example.com' })).toBe(true)
    expect(isWeakPassword('trang loves blue paper', { email: 'trang.do@example.com' })).toBe(false)
  })

  it.each(['correct horse battery staple', 'x7#9!2@4$1%8', 'Tr0ub4dor&3xyz', 'giấy couche 150gsm', 'mực in xanh 2026 tốt'])(
    'accepts %s',
    (password) => {
      expect(isWeakPassword(password, { name: 'Đỗ Thu Trang', email: 'trang@example.com' })).toBe(false)
    },
  )
})

describe('manager schemas', () => {
  it('normalise staff input: trimmed name, lower-cased email, password length', () => {
    expect(
      createStaffSchema.parse({ name: '  Lan ', email: ' LAN@Example.COM ', homeRole: 'RECEPTIONIST', password: 'x'.repeat(12) }),
    ).toMatchObject({ name: 'Lan', email: 'lan@example.com' })
    expect(
      createStaffSchema.safeParse({ name: 'Lan', email: 'lan@example.com', homeRole: 'RECEPTIONIST', password: 'short' }).success,
    ).toBe(false)
    expect(
      createStaffSchema.safeParse({ name: 'Lan', email: 'not-an-email', homeRole: 'RECEPTIONIST', password: 'x'.repeat(12) }).success,
    ).toBe(false)
    expect(
      createStaffSchema.safeParse({ name: 'Lan', email: 'lan@example.com', homeRole: 'OWNER', password: 'x'.repeat(12) }).success,
    ).toBe(false)
  })

  it('take skill levels 0–3 only, from forms too', () => {
    const id = '4b0c3f5e-8d1a-4c2b-9e7f-1a2b3c4d5e6f'
    expect(setSkillLevelSchema.parse({ userId: id, task: 'INVOICE', level: '2' }).level).toBe(2)
    expect(setSkillLevelSchema.safeParse({ userId: id, task: 'INVOICE', level: 4 }).success).toBe(false)
    expect(setSkillLevelSchema.safeParse({ userId: id, task: 'INVOICE', level: 1.5 }).success).toBe(false)
    expect(setSkillLevelSchema.safeParse({ userId: id, task: 'COOK', level: 1 }).success).toBe(false)
    expect(setSkillLevelSchema.safeParse({ userId: id, task: 'INVOICE', level: 1, extra: true }).success).toBe(false)
  })

  it('take absences as shop-time wall clocks, lunches between 5 minutes and 3 hours', () => {
    const id = '4b0c3f5e-8d1a-4c2b-9e7f-1a2b3c4d5e6f'
    expect(
      recordAbsenceSchema.safeParse({ userId: id, kind: 'SICK', startsAt: '2026-11-27T08:00', endsAt: '2026-11-27T17:00' }).success,
    ).toBe(true)
    expect(
      recordAbsenceSchema.safeParse({ userId: id, kind: 'SICK', startsAt: '2026-11-27T08:00:00Z', endsAt: '2026-11-27T17:00' }).success,
    ).toBe(false)
    expect(startOwnLunchSchema.safeParse({ minutes: '60' }).success).toBe(true)
    expect(startOwnLunchSchema.safeParse({ minutes: 240 }).success).toBe(false)
    expect(startOwnLunchSchema.safeParse({ minutes: 2 }).success).toBe(false)
  })

  it('upper-case SKUs and refuse odd characters', () => {
    const base = { name: 'Poster', price: '1', taxCategoryId: '00000000-0000-4000-8000-000000000001', unit: 'tấm', locale: 'vi' }
    expect(createProductSchema.parse({ ...base, sku: 'pos-a0' }).sku).toBe('POS-A0')
    expect(createProductSchema.safeParse({ ...base, sku: 'POS A0' }).success).toBe(false)
  })

  it('take settings with seven weekdays of HH:mm intervals and an upper-cased currency', () => {
    const valid = {
      name: 'Shop',
      phone: '',
      currency: 'eur',
      defaultTaxRate: '8',
      orderPrefix: 'DH',
      invoicePrefix: 'HD',
      creditNotePrefix: 'GG',
      defaultDueTime: '17:00',
      defaultLeadDays: '1',
      paymentTermsDays: '14',
      timeZone: 'Europe/Berlin',
      openingHours: demoOpeningHours(),
      locale: 'en',
    }
    expect(updateSettingsSchema.parse(valid).currency).toBe('EUR')
    expect(updateSettingsSchema.safeParse({ ...valid, openingHours: { ...demoOpeningHours(), '1': [['7:30', '19:00']] } }).success).toBe(
      false,
    )
    const { '7': _sunday, ...sixDays } = demoOpeningHours()
    expect(updateSettingsSchema.safeParse({ ...valid, openingHours: sixDays }).success).toBe(false)
    expect(updateSettingsSchema.safeParse({ ...valid, currency: 'EURO' }).success).toBe(false)
  })
})

describe('lists', () => {
  it('say "required" when no person was chosen', async () => {
    const { issueMessage } = await import('@/lib/validation')
    const result = recordAbsenceSchema.safeParse({ userId: '', kind: 'SICK', startsAt: '2026-11-27T08:00', endsAt: '2026-11-27T17:00' })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map(issueMessage)).toEqual([{ key: 'validation.required' }])
  })
})
