import 'server-only'
import { customerSearchText } from '@/domain/search'
import type { CreateCustomerInput } from '@/lib/schemas/customer'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { findDuplicateCustomers, type DuplicateCandidateDTO } from './find-duplicate-customers'
import { invoiceDetailsColumns, toInvoiceDetails } from './invoice-details'
import type { CustomerHitDTO } from './search-customers'
import { createCustomerSchema } from '@/lib/schemas/customer'
import { defineUseCase } from '../use-case'

export type CreateCustomerResult =
  | { status: 'created'; customer: CustomerHitDTO }
  /** Nothing was created: these customers share the phone or email. Send again with ignoreDuplicates to create anyway. */
  | { status: 'duplicates'; candidates: DuplicateCandidateDTO[] }

/**
 * A new customer, typed in at the counter without leaving the order. Name required; phone and email arrive
 * normalised by the schema, and the VAT invoice details when the customer wants one. A likely duplicate (same phone or email) is pointed out instead of silently creating a
 * second record; the person at the counter then picks the existing one or confirms a new one.
 */
export async function createCustomer(actor: Actor, input: CreateCustomerInput): Promise<CreateCustomerResult> {
  const { task } = authorize(actor, createCustomerUseCase.tasks)
  if (!input.ignoreDuplicates) {
    const candidates = await findDuplicateCustomers(actor, { phone: input.phone, email: input.email })
    if (candidates.length > 0) return { status: 'duplicates', candidates }
  }
  const name = input.name.trim()
  const phone = input.phone ?? null
  const email = input.email ?? null
  // VAT invoice details only when the customer wants a VAT invoice (validated by the schema: docs/decisions/026).
  const vat = invoiceDetailsColumns(input.invoiceDetails ?? null)
  const customer = await db().$transaction(async (tx) => {
    const row = await tx.customer.create({
      data: { name, phone, email, notes: input.notes ?? null, ...vat, searchText: customerSearchText({ name, phone, email }) },
      select: { id: true, name: true, phone: true, email: true },
    })
    const after = { name, phone, email, ...(vat.taxCode ? vat : {}) }
    await audit(tx, actor, { action: 'customer.created', entityType: 'customer', entityId: row.id, task, after })
    return row
  })
  return { status: 'created', customer: { ...customer, openOrders: 0, invoiceDetails: toInvoiceDetails(vat) } }
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const createCustomerUseCase = defineUseCase({
  name: 'createCustomer',
  tasks: ['TAKE_ORDER', 'CUSTOMER_SERVICE'],
  schema: createCustomerSchema,
  run: createCustomer,
})
