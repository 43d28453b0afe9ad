import { z } from 'zod'

export const createApiTokenSchema = z.strictObject({
  userId: z.uuid(),
  name: z.string().trim().min(1).max(100),
})
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>

export const revokeApiTokenSchema = z.strictObject({ tokenId: z.uuid() })
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>
