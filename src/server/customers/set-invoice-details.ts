import 'server-only'
import { setInvoiceDetailsSchema, type SetInvoiceDetailsInput } from '@/lib/schemas/customer'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'
import { writeInvoiceDetails, type InvoiceDetailsDTO } from './invoice-details'

/**
 * Adds, changes or removes a customer's VAT invoice details after the order was taken (the order page), at the
 * counter or in the back office before invoicing. Invoices already issued keep the buyer they were issued to.
 */
export async function setInvoiceDetails(
  actor: Actor,
  input: SetInvoiceDetailsInput,
): Promise<{ customerId: string; invoiceDetails: InvoiceDetailsDTO | null }> {
  const { task } = authorize(actor, setInvoiceDetailsUseCase.tasks)
  const invoiceDetails = await db().$transaction((tx) =>
    writeInvoiceDetails(tx, actor, task, { customerId: input.customerId }, input.invoiceDetails),
  )
  return { customerId: input.customerId, invoiceDetails }
}

/** Who may call it and its input: the counter and whoever issues invoices. */
export const setInvoiceDetailsUseCase = defineUseCase({
  name: 'setInvoiceDetails',
  tasks: ['TAKE_ORDER', 'CUSTOMER_SERVICE', 'INVOICE'],
  schema: setInvoiceDetailsSchema,
  run: setInvoiceDetails,
})
