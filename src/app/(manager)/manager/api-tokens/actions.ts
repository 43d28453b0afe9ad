'use server'

import { revalidatePath } from 'next/cache'
import { createApiTokenSchema, revokeApiTokenSchema } from '@/lib/schemas/api-token'
import { runAction } from '@/server/action'
import { createApiToken } from '@/server/api-tokens/create-api-token'
import { revokeApiToken } from '@/server/api-tokens/revoke-api-token'

export async function createApiTokenAction(raw: unknown) {
  const result = await runAction('createApiToken', 'MANAGE_TEAM', createApiTokenSchema, createApiToken, raw)
  if (result.ok) revalidatePath('/manager/api-tokens')
  return result
}

export async function revokeApiTokenAction(raw: unknown) {
  const result = await runAction('revokeApiToken', 'MANAGE_TEAM', revokeApiTokenSchema, revokeApiToken, raw)
  if (result.ok) revalidatePath('/manager/api-tokens')
  return result
}
