import 'server-only'
import { CUSTOMER_READERS } from '@/domain/permissions'
import type { DuplicateCheckInput } from '@/lib/schemas/customer'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { type CustomerHitDTO } from './search-customers'
import { defineUseCase } from '../use-case'
import { INVOICE_DETAILS_SELECT, toInvoiceDetails } from './invoice-details'

export interface DuplicateCandidateDTO extends CustomerHitDTO {
  matchedOn: Array<'phone' | 'email'>
}

/**
 * Existing customers with the same (normalised) phone or email: most likely the same person. Shown while a new
 * customer is typed in, so the counter reuses the record instead of creating a second one.
 */
export async function findDuplicateCustomers(actor: Actor, input: DuplicateCheckInput): Promise<DuplicateCandidateDTO[]> {
  authorizeAny(actor, CUSTOMER_READERS)
  const or = [...(input.phone ? [{ phone: input.phone }] : []), ...(input.email ? [{ email: input.email }] : [])]
  if (or.length === 0) return []
  const rows = await db().customer.findMany({
    where: { OR: or },
    orderBy: { createdAt: 'asc' },
    take: 5,
    select: {
      id: true,
      name: true,
      phone: true,
      email: true,
      ...INVOICE_DETAILS_SELECT,
      _count: { select: { orders: { where: { closedAt: null, cancelledAt: null } } } },
    },
  })
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    openOrders: c._count.orders,
    invoiceDetails: toInvoiceDetails(c),
    matchedOn: [
      ...(input.phone && c.phone === input.phone ? (['phone'] as const) : []),
      ...(input.email && c.email === input.email ? (['email'] as const) : []),
    ],
  }))
}

/** Who may call it, read by its route and the authorization matrix. */
export const findDuplicateCustomersUseCase = defineUseCase({ name: 'findDuplicateCustomers', tasks: CUSTOMER_READERS })
