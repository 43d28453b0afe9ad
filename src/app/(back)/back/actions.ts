'use server'

import { revalidatePath } from 'next/cache'
import { creditNoteSchema, issueInvoiceSchema, recordPaymentSchema, recordRefundSchema, returnDepositSchema } from '@/lib/schemas/billing'
import { assignOrderSchema, cancelOrderSchema, holdOrderSchema, recordFulfillmentSchema, releaseOrderSchema } from '@/lib/schemas/fulfillment'
import type { ActionResult } from '@/lib/action-result'
import { runAction } from '@/server/action'
import { issueCreditNote } from '@/server/billing/issue-credit-note'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { recordPayment } from '@/server/billing/record-payment'
import { recordRefund } from '@/server/billing/record-refund'
import { returnDeposit } from '@/server/billing/return-deposit'
import { assignOrder } from '@/server/fulfillment/assign-order'
import { cancelOrder } from '@/server/fulfillment/cancel-order'
import { holdOrder } from '@/server/fulfillment/hold-order'
import { recordFulfillment } from '@/server/fulfillment/record-fulfillment'
import { releaseOrder } from '@/server/fulfillment/release-order'

// Thin: who may call (checked before parsing), the use case (which authorizes again), and on success let every
// back-office screen re-render.
async function refreshing<R>(result: Promise<ActionResult<R>>): Promise<ActionResult<R>> {
  const r = await result
  if (r.ok) revalidatePath('/back', 'layout')
  return r
}

export async function recordFulfillmentAction(raw: unknown) {
  return refreshing(runAction('recordFulfillment', 'FULFILL', recordFulfillmentSchema, recordFulfillment, raw))
}
export async function assignOrderAction(raw: unknown) {
  return refreshing(runAction('assignOrder', 'FULFILL', assignOrderSchema, assignOrder, raw))
}
export async function holdOrderAction(raw: unknown) {
  return refreshing(runAction('holdOrder', 'FULFILL', holdOrderSchema, holdOrder, raw))
}
export async function releaseOrderAction(raw: unknown) {
  return refreshing(runAction('releaseOrder', 'FULFILL', releaseOrderSchema, releaseOrder, raw))
}
export async function cancelOrderAction(raw: unknown) {
  return refreshing(runAction('cancelOrder', 'FULFILL', cancelOrderSchema, cancelOrder, raw))
}
export async function issueInvoiceAction(raw: unknown) {
  return refreshing(runAction('issueInvoice', 'INVOICE', issueInvoiceSchema, issueInvoice, raw))
}
export async function recordPaymentAction(raw: unknown) {
  return refreshing(runAction('recordPayment', ['HANDLE_PICKUP', 'RECORD_PAYMENT'], recordPaymentSchema, recordPayment, raw))
}
export async function issueCreditNoteAction(raw: unknown) {
  return refreshing(runAction('issueCreditNote', 'INVOICE', creditNoteSchema, issueCreditNote, raw))
}
export async function recordRefundAction(raw: unknown) {
  return refreshing(runAction('recordRefund', ['RECORD_PAYMENT', 'HANDLE_PICKUP'], recordRefundSchema, recordRefund, raw))
}
export async function returnDepositAction(raw: unknown) {
  return refreshing(runAction('returnDeposit', ['RECORD_PAYMENT', 'HANDLE_PICKUP'], returnDepositSchema, returnDeposit, raw))
}
