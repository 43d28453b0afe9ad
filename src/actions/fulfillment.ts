'use server'

// The back office's work on an order: thin, each one use case's declaration run through runAction; on success every
// back-office screen re-renders.
import { runAction } from '@/server/action'
import { assignOrderUseCase } from '@/server/fulfillment/assign-order'
import { cancelOrderUseCase } from '@/server/fulfillment/cancel-order'
import { holdOrderUseCase } from '@/server/fulfillment/hold-order'
import { recordFulfillmentUseCase } from '@/server/fulfillment/record-fulfillment'
import { releaseOrderUseCase } from '@/server/fulfillment/release-order'
import { refreshingBackOffice } from './refresh'

export async function recordFulfillmentAction(raw: unknown) {
  return refreshingBackOffice(runAction(recordFulfillmentUseCase, raw))
}
export async function assignOrderAction(raw: unknown) {
  return refreshingBackOffice(runAction(assignOrderUseCase, raw))
}
export async function holdOrderAction(raw: unknown) {
  return refreshingBackOffice(runAction(holdOrderUseCase, raw))
}
export async function releaseOrderAction(raw: unknown) {
  return refreshingBackOffice(runAction(releaseOrderUseCase, raw))
}
export async function cancelOrderAction(raw: unknown) {
  return refreshingBackOffice(runAction(cancelOrderUseCase, raw))
}
