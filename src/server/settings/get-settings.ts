import 'server-only'
import { cache } from 'react'
import { sql } from '../db'

export interface SettingsDTO {
  name: string
  address: string
  phone: string
  taxId: string
  currency: string
  defaultTaxRateBp: number
  orderPrefix: string
  invoicePrefix: string
  creditNotePrefix: string
  timeZone: string
  openingHours: unknown
  defaultLeadDays: number
  defaultDueTime: string
  paymentTermsDays: number
  /** A drawer closed with a difference beyond this needs a note (minor units). */
  cashDifferenceThreshold: number
}

const FALLBACK: SettingsDTO = {
  name: 'Handoff',
  address: '',
  phone: '',
  taxId: '',
  currency: 'VND',
  defaultTaxRateBp: 1000,
  orderPrefix: 'DH',
  invoicePrefix: 'HD',
  creditNotePrefix: 'GG',
  timeZone: 'Asia/Ho_Chi_Minh',
  openingHours: {},
  defaultLeadDays: 1,
  defaultDueTime: '17:00',
  paymentTermsDays: 14,
  cashDifferenceThreshold: 20_000,
}

const COLUMNS = Object.keys(FALLBACK)
  .map((key) => `"${key}"`)
  .join(', ')

/** Business settings, read once per request. Everyone may read them (they are printed on tickets). Plain SQL (one
 * round trip, no Prisma): every page and every order reads them. */
export const getSettings = cache(async (): Promise<SettingsDTO> => {
  const [row] = await sql<SettingsDTO>(`SELECT ${COLUMNS} FROM "BusinessSettings" WHERE id = 1`)
  return row ?? FALLBACK
})
