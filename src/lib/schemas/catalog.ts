// Products and prices. Prices are typed in major units in the user's locale ("150.000" in Vietnamese) and parsed on
// the server with parseLocaleAmount for the business currency; the VAT rate comes from the product's category.
import { z } from 'zod'

const locale = z.enum(['en', 'vi'])

export const productFields = {
  sku: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'validation.format' })
    .transform((s) => s.toUpperCase()),
  name: z.string().trim().min(1).max(200),
  price: z.string().trim().min(1).max(24),
  taxCategoryId: z.uuid(),
  unit: z.string().trim().min(1).max(20),
  locale,
}

export const createProductSchema = z.strictObject(productFields)
export type CreateProductInput = z.infer<typeof createProductSchema>

export const updateProductSchema = z.strictObject({ productId: z.uuid(), ...productFields })
export type UpdateProductInput = z.infer<typeof updateProductSchema>

export const setProductActiveSchema = z.strictObject({ productId: z.uuid(), active: z.boolean() })

/** The shop skill making a product needs (ADR 014); '' or null: anyone in the workshop can. */
export const setProductSkillSchema = z.strictObject({
  productId: z.uuid(),
  skillId: z
    .uuid()
    .nullable()
    .or(z.literal('').transform(() => null)),
})
export type SetProductSkillInput = z.infer<typeof setProductSkillSchema>
export type SetProductActiveInput = z.infer<typeof setProductActiveSchema>

export const listProductsSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
})
export type ListProductsInput = z.input<typeof listProductsSchema>
