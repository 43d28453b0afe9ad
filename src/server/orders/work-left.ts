import 'server-only'
import type { Prisma } from '@/generated/prisma/client'

/**
 * src/domain/order-status.ts hasWorkLeft as a Prisma condition on orders (tested against the predicate on the same
 * rows: tests/integration/manager-handover.test.ts).
 */
export const workLeftWhere = {
  cancelledAt: null,
  closedAt: null,
  fulfillment: { not: 'FULFILLED' },
} as const satisfies Prisma.OrderWhereInput
