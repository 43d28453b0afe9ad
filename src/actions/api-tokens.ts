'use server'

// API tokens, issued and revoked by a manager; the token list re-renders after each change.
import { revalidatePath } from 'next/cache'
import { runAction } from '@/server/action'
import { createApiTokenUseCase } from '@/server/api-tokens/create-api-token'
import { revokeApiTokenUseCase } from '@/server/api-tokens/revoke-api-token'

export async function createApiTokenAction(raw: unknown) {
  const result = await runAction(createApiTokenUseCase, raw)
  if (result.ok) revalidatePath('/manager/api-tokens')
  return result
}
export async function revokeApiTokenAction(raw: unknown) {
  const result = await runAction(revokeApiTokenUseCase, raw)
  if (result.ok) revalidatePath('/manager/api-tokens')
  return result
}
