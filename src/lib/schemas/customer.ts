// Customer input at the counter, shared by the inline "new customer" form and createCustomer on the server.
import { z } from 'zod'
import { normalizeEmail, normalizePhone } from '@/domain/search'
import { parseMst } from '@/domain/tax-code'

// Control characters have no business in a name or a note, and PostgreSQL refuses NUL in text outright: refused
// here as invalid input instead of failing in the database.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/

/** Longest free-text note (a customer's, an order's), in characters: longer is refused with the limit named, never cut. */
export const NOTES_MAX = 2000

/** A bounded single-line text without control characters. */
export function line(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL_OR_NEWLINE.test(v), { message: 'validation.invalid' })
}

/** Optional free text (line breaks and tabs allowed): trimmed, bounded, and an empty string means "not given". */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL.test(v), { message: 'validation.invalid' })
    .transform((v) => (v === '' ? undefined : v))
    .optional()
}

/** What is typed in a search box: bounded, control characters read as spaces (a search never fails on them). */
export function searchQuery(max = 100) {
  return z
    .string()
    .max(max)
    .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, ' '))
}

/** A phone number as typed ("090 123 4567", "+84 90-123-4567"), stored normalised (digits, optional leading +). */
export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .refine((v) => !CONTROL_OR_NEWLINE.test(v), { message: 'validation.phone' })
  .transform((v, ctx) => {
    if (v === '') return undefined
    const phone = normalizePhone(v)
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' })
      return z.NEVER
    }
    return phone
  })
  .optional()

/** An email address, stored trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .refine((v) => !CONTROL_OR_NEWLINE.test(v), { message: 'validation.email' })
  .transform((v, ctx) => {
    if (v === '') return undefined
    const email = normalizeEmail(v)
    if (email === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.email' })
      return z.NEVER
    }
    return email
  })
  .optional()

/** What may be typed for a tax code (spaces, dots, a dash); what is stored is at most 14 characters (NNNNNNNNNN-NNN). */
export const TAX_CODE_INPUT_MAX = 40
export const LEGAL_NAME_MAX = 200
export const INVOICE_ADDRESS_MAX = 500

/**
 * A tax code (MST) as typed, stored the way it is printed (parseMst, docs/decisions/022): 10 digits, or 10 digits, a
 * dash and the unit number; spaces and dots removed. Each refusal names what is wrong: `validation.taxCode.format`
 * (not 10 or 13 digits), `.checkDigit`, `.sequence`, `.branch`; blank is `validation.required`.
 */
export const taxCodeSchema = z
  .string()
  .max(TAX_CODE_INPUT_MAX, { message: 'validation.taxCode.format' })
  .transform((v, ctx) => {
    if (v.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'validation.required' })
      return z.NEVER
    }
    const parsed = parseMst(v)
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `validation.taxCode.${parsed.problem}` })
      return z.NEVER
    }
    return parsed.mst
  })

/**
 * What a VAT invoice names the buyer by (issue 19): asked only when the customer wants one, and then the tax code and
 * the legal (company) name are required; the invoice address is optional. The object's presence is the customer's
 * "wants a VAT invoice" (docs/decisions/026).
 */
export const invoiceDetailsSchema = z.strictObject({
  taxCode: taxCodeSchema,
  legalName: line(LEGAL_NAME_MAX).pipe(z.string().min(1)),
  /** One line, as the provider takes it (buyerAddressLine). */
  address: line(INVOICE_ADDRESS_MAX)
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
})
export type InvoiceDetailsInput = z.output<typeof invoiceDetailsSchema>

export const createCustomerSchema = z.strictObject({
  name: line(120).pipe(z.string().min(1)),
  phone: phoneSchema,
  email: emailSchema,
  notes: optionalText(NOTES_MAX),
  /** Only when the customer wants a VAT invoice. */
  invoiceDetails: invoiceDetailsSchema.optional(),
  /** Set after the user saw the likely duplicates and chose to create a new record anyway. */
  ignoreDuplicates: z.boolean().optional(),
})
export type CreateCustomerInput = z.output<typeof createCustomerSchema>

export const customerSearchSchema = z.strictObject({
  q: searchQuery(),
})
export type CustomerSearchInput = z.output<typeof customerSearchSchema>

export const duplicateCheckSchema = z.strictObject({
  phone: phoneSchema.catch(undefined),
  email: emailSchema.catch(undefined),
})
export type DuplicateCheckInput = z.output<typeof duplicateCheckSchema>

/** A customer's VAT invoice details, added or changed later (the order page); null removes them. */
export const setInvoiceDetailsSchema = z.strictObject({
  customerId: z.uuid(),
  invoiceDetails: invoiceDetailsSchema.nullable(),
})
export type SetInvoiceDetailsInput = z.output<typeof setInvoiceDetailsSchema>
