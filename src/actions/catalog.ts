'use server'

// The manager's catalog: thin, each one use case's declaration (MANAGE_CATALOG) run through runAction.
import { runAction } from '@/server/action'
import { createProductUseCase } from '@/server/catalog/create-product'
import { setProductActiveUseCase } from '@/server/catalog/set-product-active'
import { setProductSkillUseCase } from '@/server/catalog/set-product-skill'
import { updateProductUseCase } from '@/server/catalog/update-product'

export async function createProductAction(raw: unknown) {
  return runAction(createProductUseCase, raw)
}
export async function updateProductAction(raw: unknown) {
  return runAction(updateProductUseCase, raw)
}
export async function setProductActiveAction(raw: unknown) {
  return runAction(setProductActiveUseCase, raw)
}
export async function setProductSkillAction(raw: unknown) {
  return runAction(setProductSkillUseCase, raw)
}
