import { beforeAll, describe, expect, it } from 'vitest'
import { demoOpeningHours } from '@/domain/opening-hours'
import { updateSettingsSchema, type UpdateSettingsInput } from '@/lib/schemas/settings'
import { db } from '@/server/db'
import { updateSettings } from '@/server/settings/update-settings'
import { makeActor } from '../support/factories'
import { ensureManagerSettings, expectDomainError, makeOrder } from './manager-support'

let manager: Awaited<ReturnType<typeof makeActor>>
beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeActor({ homeRole: 'MANAGER' })
})

const valid = (over: Partial<UpdateSettingsInput> = {}): UpdateSettingsInput =>
  updateSettingsSchema.parse({
    name: 'In Nhanh Sài Gòn',
    phone: '028 3823 4567',
    currency: 'vnd',
    defaultTaxRate: '8',
    orderPrefix: 'dh',
    invoicePrefix: 'HĐ',
    creditNotePrefix: 'GG',
    defaultDueTime: '17:00',
    defaultLeadDays: '1',
    paymentTermsDays: '14',
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: {
      ...demoOpeningHours(),
      '6': [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
    },
    locale: 'vi',
    ...over,
  })

describe('business settings', () => {
  it('saves validated values, canonical prefixes and opening hours, and audits the change', async () => {
    const saved = await updateSettings(manager, valid())
    expect(saved).toMatchObject({ currency: 'VND', orderPrefix: 'DH', invoicePrefix: 'HĐ', defaultTaxRateBp: 800, paymentTermsDays: 14 })
    const row = await db().businessSettings.findUniqueOrThrow({ where: { id: 1 } })
    expect(row.openingHours).toMatchObject({
      '6': [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
      '7': [],
    })
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'settings.updated' }, orderBy: { id: 'desc' } })
    expect(audit).toMatchObject({ actorId: manager.id, task: 'MANAGE_TEAM' })
  })

  it('refuses unknown currencies and time zones, bad prefixes and tax rates, on their fields', async () => {
    await expectDomainError(updateSettings(manager, valid({ currency: 'ABC' })), 'INVALID', 'manager.settings.errors.currency', 'currency')
    await expectDomainError(
      updateSettings(manager, valid({ timeZone: 'Mars/Olympus' })),
      'INVALID',
      'manager.settings.errors.timeZone',
      'timeZone',
    )
    await expectDomainError(
      updateSettings(manager, valid({ invoicePrefix: '2026' })),
      'INVALID',
      'manager.settings.errors.prefix',
      'invoicePrefix',
    )
    await expectDomainError(
      updateSettings(manager, valid({ defaultTaxRate: '150' })),
      'INVALID',
      'manager.catalog.errors.taxRate',
      'defaultTaxRate',
    )
  })

  it('names the weekday whose opening hours overlap or run backwards', async () => {
    const hours = demoOpeningHours()
    await expectDomainError(
      updateSettings(
        manager,
        valid({
          openingHours: {
            ...hours,
            '3': [
              ['07:30', '12:30'],
              ['12:00', '19:00'],
            ],
          },
        }),
      ),
      'INVALID',
      'manager.settings.errors.hoursOverlap',
      'openingHours.3',
    )
    await expectDomainError(
      updateSettings(manager, valid({ openingHours: { ...hours, '5': [['19:00', '07:30']] } })),
      'INVALID',
      'manager.settings.errors.hoursOrder',
      'openingHours.5',
    )
  })

  it('refuses a currency with other minor units once money is recorded', async () => {
    await makeOrder()
    await expectDomainError(
      updateSettings(manager, valid({ currency: 'EUR' })),
      'CONFLICT',
      'manager.settings.errors.currencyInUse',
      'currency',
    )
    // Same minor units (none): allowed.
    expect((await updateSettings(manager, valid({ currency: 'JPY' }))).currency).toBe('JPY')
  })

  it('refuses malformed input in the shared schema', () => {
    expect(updateSettingsSchema.safeParse({ ...valid(), defaultDueTime: '25:00' }).success).toBe(false)
    expect(updateSettingsSchema.safeParse({ ...valid(), openingHours: { ...demoOpeningHours(), '8': [] } }).success).toBe(false)
  })
})
