import 'server-only'
import { CUSTOMER_READERS } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { INVOICE_DETAILS_SELECT, toInvoiceDetails } from './invoice-details'
import { type CustomerHitDTO } from './search-customers'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One customer as the counter's pickers show them (e.g. "new order for this customer" from the desk); null if unknown. */
export async function getCustomer(actor: Actor, customerId: string): Promise<CustomerHitDTO | null> {
  authorizeAny(actor, CUSTOMER_READERS)
  if (!UUID.test(customerId)) return null
  const c = await db().customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      name: true,
      phone: true,
      email: true,
      ...INVOICE_DETAILS_SELECT,
      _count: { select: { orders: { where: { closedAt: null, cancelledAt: null } } } },
    },
  })
  return c
    ? { id: c.id, name: c.name, phone: c.phone, email: c.email, openOrders: c._count.orders, invoiceDetails: toInvoiceDetails(c) }
    : null
}
