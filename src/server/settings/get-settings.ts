import 'server-only'
import { cache } from 'react'
import { db } from '../db'

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
}

/** Business settings, read once per request. Everyone may read them (they are printed on tickets). */
export const getSettings = cache(async (): Promise<SettingsDTO> => {
  const row = await db().businessSettings.findUnique({ where: { id: 1 } })
  if (!row) return FALLBACK
  const { id: _id, updatedAt: _u, ...rest } = row
  return rest
})
