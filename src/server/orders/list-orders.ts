import 'server-only'
import { ORDER_READERS } from '@/domain/permissions'
import type { ListOrdersQuery, OrderPageDTO } from '@/lib/schemas/api'
import type { Prisma } from '@/generated/prisma/client'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { decodeMomentCursor, encodeMomentCursor } from '../keyset-cursor'
import { getSettings } from '../settings/get-settings'
import { ORDER_SUMMARY_SELECT, toOrderSummary } from './order-summary'
import { defineUseCase } from '../use-case'

/** Orders newest first, filtered, with keyset pagination (a cursor, never OFFSET), for integrations. */
export async function listOrders(actor: Actor, query: ListOrdersQuery): Promise<OrderPageDTO> {
  authorizeAny(actor, ORDER_READERS)
  const settings = await getSettings()
  const where: Prisma.OrderWhereInput = {}
  if (query.customerId) where.customerId = query.customerId
  if (query.createdFrom || query.createdTo)
    where.createdAt = {
      gte: query.createdFrom ? new Date(query.createdFrom) : undefined,
      lt: query.createdTo ? new Date(query.createdTo) : undefined,
    }
  if (query.status === 'open') Object.assign(where, { closedAt: null, cancelledAt: null })
  if (query.status === 'ready') Object.assign(where, { fulfillment: 'FULFILLED', handover: 'WAITING', cancelledAt: null })
  if (query.status === 'closed') where.closedAt = { not: null }
  if (query.status === 'cancelled') where.cancelledAt = { not: null }
  const and: Prisma.OrderWhereInput[] = [where]
  if (query.cursor) {
    const c = decodeMomentCursor(query.cursor)
    and.push({ OR: [{ createdAt: { lt: c.at } }, { createdAt: c.at, id: { lt: c.id } }] })
  }
  const rows = await db().order.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    select: ORDER_SUMMARY_SELECT,
  })
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    data: page.map((o) => toOrderSummary(o, settings.orderPrefix)),
    nextCursor: rows.length > query.limit && last ? encodeMomentCursor(last.createdAt, last.id) : null,
  }
}

/** Who may call it, read by its route and the authorization matrix. */
export const listOrdersUseCase = defineUseCase({ name: 'listOrders', tasks: ORDER_READERS })
