'use server'

import { issueInvoiceSchema, recordPaymentSchema } from '@/lib/schemas/billing'
import { createCustomerSchema } from '@/lib/schemas/customer'
import { createOrderSchema, handOverSchema } from '@/lib/schemas/order'
import { runAction } from '@/server/action'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { recordPayment } from '@/server/billing/record-payment'
import { createCustomer } from '@/server/customers/create-customer'
import { createOrder } from '@/server/orders/create-order'
import { handOverOrder } from '@/server/orders/hand-over-order'

// Thin: runAction checks session and the declared task(s) before parsing; every use case authorizes again itself.
export async function createCustomerAction(raw: unknown) {
  return runAction('createCustomer', ['TAKE_ORDER', 'CUSTOMER_SERVICE'], createCustomerSchema, createCustomer, raw)
}

export async function createOrderAction(raw: unknown) {
  return runAction('createOrder', 'TAKE_ORDER', createOrderSchema, (actor, input) => createOrder(actor, input), raw)
}

export async function handOverAction(raw: unknown) {
  return runAction('handOverOrder', 'HANDLE_PICKUP', handOverSchema, (actor, input) => handOverOrder(actor, input), raw)
}

/** Invoicing at the counter, by someone who may INVOICE: the back office's use case, not a second implementation. */
export async function issueInvoiceAction(raw: unknown) {
  return runAction('issueInvoice', 'INVOICE', issueInvoiceSchema, issueInvoice, raw)
}

/** Taking payment at the counter (HANDLE_PICKUP or RECORD_PAYMENT): the back office's use case. */
export async function recordPaymentAction(raw: unknown) {
  return runAction('recordPayment', ['HANDLE_PICKUP', 'RECORD_PAYMENT'], recordPaymentSchema, recordPayment, raw)
}
