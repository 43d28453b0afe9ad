import 'server-only'
import { DomainError } from '@/domain/errors'
import { napasBank } from '@/domain/napas-banks'
import { updateBankSettingsSchema, type UpdateBankSettingsInput } from '@/lib/schemas/settings'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'
import type { BankSettingsDTO } from './get-bank-settings'

/** The shop's bank for VietQR codes: a known NAPAS BIN with an account and the name on it, or all three empty. */
export async function updateBankSettings(actor: Actor, input: UpdateBankSettingsInput): Promise<BankSettingsDTO> {
  const { task } = authorize(actor, updateBankSettingsUseCase.tasks)
  const set = [input.bankBin, input.bankAccount, input.bankAccountName].filter((v) => v !== '').length
  if (input.bankBin !== '' && !napasBank(input.bankBin)) throw new DomainError('INVALID', 'manager.settings.errors.bank', {}, 'bankBin')
  if (set > 0 && set < 3) {
    const missing = input.bankBin === '' ? 'bankBin' : input.bankAccount === '' ? 'bankAccount' : 'bankAccountName'
    throw new DomainError('INVALID', 'manager.settings.errors.bankIncomplete', {}, missing)
  }
  const data: BankSettingsDTO = {
    bankBin: input.bankBin,
    bankAccount: input.bankAccount,
    bankAccountName: input.bankAccountName,
    ticketQrAmount: input.ticketQrAmount,
    depositPercent: input.depositPercent,
  }
  return db().$transaction(async (tx) => {
    const before = await tx.businessSettings.findUnique({
      where: { id: 1 },
      select: { bankBin: true, bankAccount: true, bankAccountName: true, ticketQrAmount: true, depositPercent: true },
    })
    if (!before) throw new DomainError('CONFLICT', 'manager.settings.errors.notSet')
    await tx.businessSettings.update({ where: { id: 1 }, data })
    await audit(tx, actor, { action: 'settings.bank_updated', entityType: 'settings', entityId: '1', task, before, after: { ...data } })
    return data
  })
}

/** Who may call it and its input, read by its server action and the authorization matrix. */
export const updateBankSettingsUseCase = defineUseCase({
  name: 'updateBankSettings',
  tasks: 'MANAGE_TEAM',
  schema: updateBankSettingsSchema,
  run: updateBankSettings,
})
