import 'server-only'
import { DomainError } from '@/domain/errors'
import { currencyExponent } from '@/domain/money'
import { canonicalPrefix } from '@/domain/numbering'
import { ISO_WEEKDAYS, OpeningHoursError, parseOpeningHours, type OpeningHours } from '@/domain/opening-hours'
import type { Prisma } from '@/generated/prisma/client'
import type { UpdateSettingsInput } from '@/lib/schemas/settings'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { parseTaxRate } from '../catalog/product-input'
import { getSettings, type SettingsDTO } from './get-settings'
import { updateSettingsSchema } from '@/lib/schemas/settings'
import { defineUseCase } from '../use-case'

function isKnownCurrency(code: string): boolean {
  // Intl knows the assigned ISO 4217 codes; a well-formed but unassigned one ("ABC") is not among them.
  return Intl.supportedValuesOf('currency').includes(code)
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

function prefixOf(value: string, field: string): string {
  try {
    return canonicalPrefix(value)
  } catch {
    throw new DomainError('INVALID', 'manager.settings.errors.prefix', {}, field)
  }
}

/** Each weekday on its own first, so the message lands on the day that is wrong. */
function openingHoursOf(input: UpdateSettingsInput['openingHours']): OpeningHours {
  const closed = Object.fromEntries(ISO_WEEKDAYS.map((d) => [d, []]))
  for (const day of ISO_WEEKDAYS) {
    try {
      parseOpeningHours({ ...closed, [day]: input[day] })
    } catch (error) {
      if (error instanceof OpeningHoursError) {
        throw new DomainError(
          'INVALID',
          /overlap/.test(error.message) ? 'manager.settings.errors.hoursOverlap' : 'manager.settings.errors.hoursOrder',
          {},
          `openingHours.${day}`,
        )
      }
      throw error
    }
  }
  return parseOpeningHours(input)
}

/** The business settings (one row), but for the seller's tax code and address (the e-invoice section's). Invoice numbers already issued keep their prefix; new prefixes apply to new ones. */
export async function updateSettings(actor: Actor, input: UpdateSettingsInput): Promise<SettingsDTO> {
  authorize(actor, updateSettingsUseCase.tasks)
  if (!isKnownCurrency(input.currency)) throw new DomainError('INVALID', 'manager.settings.errors.currency', {}, 'currency')
  if (!isKnownTimeZone(input.timeZone)) throw new DomainError('INVALID', 'manager.settings.errors.timeZone', {}, 'timeZone')
  const before = await getSettings()
  const data = {
    name: input.name,
    phone: input.phone,
    currency: input.currency,
    defaultTaxRateBp: parseTaxRate(input.defaultTaxRate, input.locale, 'defaultTaxRate'),
    orderPrefix: prefixOf(input.orderPrefix, 'orderPrefix'),
    invoicePrefix: prefixOf(input.invoicePrefix, 'invoicePrefix'),
    creditNotePrefix: prefixOf(input.creditNotePrefix, 'creditNotePrefix'),
    defaultDueTime: input.defaultDueTime,
    defaultLeadDays: input.defaultLeadDays,
    paymentTermsDays: input.paymentTermsDays,
    cashDifferenceThreshold: input.cashDifferenceThreshold ?? before.cashDifferenceThreshold,
    timeZone: input.timeZone,
    openingHours: openingHoursOf(input.openingHours) as unknown as Prisma.InputJsonValue,
  }
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "BusinessSettings" WHERE id = 1 FOR UPDATE`
    const current = await tx.businessSettings.findUnique({ where: { id: 1 }, select: { currency: true } })
    // Amounts are stored in minor units: switching VND (no decimals) to EUR (cents) would turn every stored 150 000 ₫
    // into 1 500,00 €. Allowed only while no money has been recorded, or between currencies with the same exponent.
    if (current && current.currency !== data.currency && currencyExponent(current.currency) !== currencyExponent(data.currency)) {
      const used = (await tx.order.count({ take: 1 })) + (await tx.product.count({ where: { unitPrice: { gt: 0 } }, take: 1 }))
      if (used > 0) throw new DomainError('CONFLICT', 'manager.settings.errors.currencyInUse', { from: current.currency }, 'currency')
    }
    await tx.businessSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data })
    const { openingHours: _oh, ...rest } = data
    // The tax code and the address are the e-invoice section's (update-einvoice-settings.ts).
    const { openingHours: _bh, taxId: _t, address: _a, ...restBefore } = before
    await audit(tx, actor, {
      action: 'settings.updated',
      entityType: 'settings',
      entityId: '1',
      task: 'MANAGE_TEAM',
      before: { ...restBefore, openingHours: before.openingHours as Prisma.InputJsonValue },
      after: { ...rest, openingHours: data.openingHours },
    })
  })
  const { openingHours, ...plain } = data
  return { ...plain, address: before.address, taxId: before.taxId, openingHours }
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const updateSettingsUseCase = defineUseCase({
  name: 'updateSettings',
  tasks: 'MANAGE_TEAM',
  schema: updateSettingsSchema,
  run: updateSettings,
})
