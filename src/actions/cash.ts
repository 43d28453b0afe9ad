'use server'

// The cash drawer (docs/decisions/017-cash-drawer.md): opening, cash in/out and closing at the counter, adding drawers
// for the manager. Thin: each use case's declaration run through runAction; the screens refresh themselves.
import { runAction } from '@/server/action'
import { closeCashSessionUseCase } from '@/server/cash/close-cash-session'
import { createCashDrawerUseCase } from '@/server/cash/create-cash-drawer'
import { openCashSessionUseCase } from '@/server/cash/open-cash-session'
import { recordCashMovementUseCase } from '@/server/cash/record-cash-movement'

export async function openCashSessionAction(raw: unknown) {
  return runAction(openCashSessionUseCase, raw)
}
export async function recordCashMovementAction(raw: unknown) {
  return runAction(recordCashMovementUseCase, raw)
}
export async function closeCashSessionAction(raw: unknown) {
  return runAction(closeCashSessionUseCase, raw)
}
export async function createCashDrawerAction(raw: unknown) {
  return runAction(createCashDrawerUseCase, raw)
}
