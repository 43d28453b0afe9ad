// Business settings: shared by the settings form and the server. Cross-field rules (valid ISO 4217 code, time zone,
// opening hours that do not overlap, number prefixes) are checked again on the server with the domain's parsers.
import { z } from 'zod'
import { EINVOICE_PROVIDERS } from '@/domain/einvoice-setup'
import { ISO_WEEKDAYS } from '@/domain/opening-hours'
import { INVOICE_TEMPLATES } from '@/domain/tax-code'
import { MAX_AMOUNT } from '@/domain/money'
import { formNumber, integer } from './fields'

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'validation.format' })
const prefix = z.string().trim().min(1).max(10)

export const MAX_INTERVALS_PER_DAY = 4

const day = z.array(z.tuple([hhmm, hhmm])).max(MAX_INTERVALS_PER_DAY)

export const openingHoursSchema = z.strictObject(
  Object.fromEntries(ISO_WEEKDAYS.map((d) => [d, day])) as Record<(typeof ISO_WEEKDAYS)[number], typeof day>,
)

export const updateSettingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().max(40),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, { message: 'validation.format' })
    .transform((s) => s.toUpperCase()),
  defaultTaxRate: z.string().trim().min(1).max(10),
  orderPrefix: prefix,
  invoicePrefix: prefix,
  creditNotePrefix: prefix,
  defaultDueTime: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.format' }),
  defaultLeadDays: formNumber(integer(0, 60)),
  paymentTermsDays: formNumber(integer(0, 365)),
  /** Minor units; a drawer closed with a larger difference needs a note. Absent: unchanged. */
  cashDifferenceThreshold: integer(0, MAX_AMOUNT).optional(),
  timeZone: z.string().trim().min(1).max(64),
  openingHours: openingHoursSchema,
  locale: z.enum(['en', 'vi']),
})
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>

/** Where customers pay by VietQR transfer, and what the ticket's code asks for (docs/decisions/015). All three bank
 * fields empty: no QR code anywhere. */
export const updateBankSettingsSchema = z.strictObject({
  bankBin: z.union([z.literal(''), z.string().regex(/^\d{6}$/, { message: 'validation.format' })]),
  bankAccount: z
    .string()
    .trim()
    .max(19)
    .regex(/^[A-Za-z0-9]*$/, { message: 'validation.format' }),
  bankAccountName: z.string().trim().max(120),
  ticketQrAmount: z.enum(['FULL', 'DEPOSIT']),
  depositPercent: formNumber(integer(1, 100)),
})
export type UpdateBankSettingsInput = z.infer<typeof updateBankSettingsSchema>

/** The seller as the tax authority knows it and how invoices become e-invoices (docs/decisions/025). The tax code
 * and the symbol are checked again on the server by the domain's rules (src/domain/tax-code.ts), on their fields. */
export const updateEInvoiceSettingsSchema = z.strictObject({
  taxId: z.string().trim().max(20),
  legalName: z.string().trim().max(200),
  address: z.string().trim().max(500),
  invoiceTemplate: z.enum(INVOICE_TEMPLATES),
  invoiceSymbol: z
    .string()
    .trim()
    .max(6)
    .transform((s) => s.toUpperCase()),
  provider: z.enum(EINVOICE_PROVIDERS),
  username: z.string().trim().max(100),
  /** Write-only: absent keeps the stored one, text replaces it. */
  secret: z.string().min(1).max(200).optional(),
  /** Removes the stored secret (a new one, if typed, wins). */
  clearSecret: z.boolean().default(false),
})
export type UpdateEInvoiceSettingsInput = z.output<typeof updateEInvoiceSettingsSchema>
