'use server'

// Invoices, payments, credit notes, refunds and deposits, for the back office and the counter alike (one action
// each): the use case declares who may call it (taking a payment is HANDLE_PICKUP or RECORD_PAYMENT). On success
// every back-office screen re-renders; the counter refreshes its order itself.
import { runAction } from '@/server/action'
import { issueCreditNoteUseCase } from '@/server/billing/issue-credit-note'
import { issueInvoiceUseCase } from '@/server/billing/issue-invoice'
import { recordPaymentUseCase } from '@/server/billing/record-payment'
import { recordRefundUseCase } from '@/server/billing/record-refund'
import { returnDepositUseCase } from '@/server/billing/return-deposit'
import { retryEInvoiceUseCase } from '@/server/einvoice/retry-einvoice'
import { assignTransferUseCase } from '@/server/transfers/assign-transfer'
import { dismissTransferUseCase } from '@/server/transfers/dismiss-transfer'
import { refreshingBackOffice } from './refresh'

export async function issueInvoiceAction(raw: unknown) {
  return refreshingBackOffice(runAction(issueInvoiceUseCase, raw))
}
export async function recordPaymentAction(raw: unknown) {
  return refreshingBackOffice(runAction(recordPaymentUseCase, raw))
}
export async function issueCreditNoteAction(raw: unknown) {
  return refreshingBackOffice(runAction(issueCreditNoteUseCase, raw))
}
export async function recordRefundAction(raw: unknown) {
  return refreshingBackOffice(runAction(recordRefundUseCase, raw))
}
export async function returnDepositAction(raw: unknown) {
  return refreshingBackOffice(runAction(returnDepositUseCase, raw))
}
export async function retryEInvoiceAction(raw: unknown) {
  return refreshingBackOffice(runAction(retryEInvoiceUseCase, raw))
}
export async function assignTransferAction(raw: unknown) {
  return refreshingBackOffice(runAction(assignTransferUseCase, raw))
}
export async function dismissTransferAction(raw: unknown) {
  return refreshingBackOffice(runAction(dismissTransferUseCase, raw))
}
