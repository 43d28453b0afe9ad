import 'server-only'
import { cache } from 'react'
import { sql } from '../db'

export interface BankSettingsDTO {
  bankBin: string
  bankAccount: string
  bankAccountName: string
  ticketQrAmount: 'FULL' | 'DEPOSIT'
  depositPercent: number
}

export const NO_BANK: BankSettingsDTO = { bankBin: '', bankAccount: '', bankAccountName: '', ticketQrAmount: 'FULL', depositPercent: 50 }

/** Where customers pay by transfer (printed with the QR codes, so everyone may read it), once per request. */
export const getBankSettings = cache(async (): Promise<BankSettingsDTO> => {
  const [row] = await sql<BankSettingsDTO>(
    `SELECT "bankBin", "bankAccount", "bankAccountName", "ticketQrAmount", "depositPercent" FROM "BusinessSettings" WHERE id = 1`,
  )
  return row ?? NO_BANK
})
