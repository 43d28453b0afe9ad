import { z } from 'zod'

export const setLocaleSchema = z.strictObject({ locale: z.enum(['en', 'vi']) })
export type SetLocaleInput = z.infer<typeof setLocaleSchema>
