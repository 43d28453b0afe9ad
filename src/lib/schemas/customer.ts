// Customer input at the counter, shared by the inline "new customer" form and createCustomer on the server.
import { z } from 'zod'
import { normalizeEmail, normalizePhone } from '@/domain/search'

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

export const createCustomerSchema = z.strictObject({
  name: line(120).pipe(z.string().min(1)),
  phone: phoneSchema,
  email: emailSchema,
  notes: optionalText(NOTES_MAX),
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
