'use server'

// The counter's server actions: thin, each one use case's declaration (who may call, schema, use case), run through
// runAction (session -> permission -> input -> use case, which authorizes again). Taking payment and invoicing at the
// counter are the billing actions (src/actions/billing.ts), not copies.
import { runAction } from '@/server/action'
import { createCustomerUseCase } from '@/server/customers/create-customer'
import { setInvoiceDetailsUseCase } from '@/server/customers/set-invoice-details'
import { createOrderUseCase } from '@/server/orders/create-order'
import { handOverOrderUseCase } from '@/server/orders/hand-over-order'

export async function createCustomerAction(raw: unknown) {
  return runAction(createCustomerUseCase, raw)
}
export async function createOrderAction(raw: unknown) {
  return runAction(createOrderUseCase, raw)
}
export async function handOverAction(raw: unknown) {
  return runAction(handOverOrderUseCase, raw)
}
/** A customer's VAT invoice details from the order page (the counter's and the back office's). */
export async function setInvoiceDetailsAction(raw: unknown) {
  return runAction(setInvoiceDetailsUseCase, raw)
}
