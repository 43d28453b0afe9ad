import 'server-only'
import { formatOrderNumber } from '@/domain/numbering'
import { customerStatus } from '@/domain/order-status'
import type { Prisma } from '@/generated/prisma/client'
import type { OrderSummaryDTO } from '@/lib/schemas/api'

/** What an order summary is made of (GET /api/v1/orders rows, POST /api/v1/orders answers). */
export const ORDER_SUMMARY_SELECT = {
  id: true,
  number: true,
  version: true,
  fulfillment: true,
  billing: true,
  payment: true,
  handover: true,
  heldAt: true,
  cancelledAt: true,
  total: true,
  dueAt: true,
  createdAt: true,
  closedAt: true,
  customer: { select: { id: true, name: true } },
} as const satisfies Prisma.OrderSelect

export type OrderSummaryRow = Prisma.OrderGetPayload<{ select: typeof ORDER_SUMMARY_SELECT }>

/** The one mapping from a selected row to the API's order summary. */
export function toOrderSummary(o: OrderSummaryRow, orderPrefix: string): OrderSummaryDTO {
  return {
    id: o.id,
    number: formatOrderNumber(orderPrefix, o.number),
    version: o.version,
    customer: o.customer,
    status: customerStatus(o),
    fulfillment: o.fulfillment,
    billing: o.billing,
    payment: o.payment,
    total: o.total,
    dueAt: o.dueAt.toISOString(),
    createdAt: o.createdAt.toISOString(),
    closedAt: o.closedAt?.toISOString() ?? null,
  }
}
