import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { encodeMomentCursor, readMomentCursor } from '../keyset-cursor'
import { overdueWhere } from '../orders/overdue-sql'

// The workshop queue's SQL, shared by listQueue and bench/queue.ts (which measures exactly this query at 10 k and
// 1 M orders). It walks the partial index "Order_open_due" (dueAt, id) WHERE closedAt IS NULL AND cancelledAt IS
// NULL in key order and stops after one page: keyset pagination, no OFFSET and no COUNT(*), so its cost follows the
// page size, not the table size.

export interface QueueCursor {
  dueAt: Date
  id: string
}

export interface QueueSqlFilter {
  status: 'todo' | 'all' | 'NOT_STARTED' | 'PARTLY_FULFILLED' | 'READY' | 'ON_HOLD'
  /** [from, to) on dueAt. */
  dueFrom?: Date
  dueTo?: Date
  /** Only orders overdue at this moment (overdueWhere). */
  overdueAt?: Date
  /** A user id, or null for "nobody"; undefined for anyone. */
  assigneeId?: string | null
  /** Folded search words, all of which must occur in the customer's search text. */
  terms?: string[]
  /** An order number the query designates (also matched). */
  number?: number
  after?: QueueCursor
  before?: QueueCursor
  /** Rows to fetch (page size + 1 to know whether there is more). */
  take: number
}

export interface QueueSqlRow {
  id: string
  number: number
  dueAt: Date
  fulfillment: 'NOT_STARTED' | 'PARTLY_FULFILLED' | 'FULFILLED'
  handover: 'WAITING' | 'COLLECTED' | 'DELIVERED'
  heldAt: Date | null
  holdReason: string | null
  version: number
  total: number
  mode: 'PICKUP' | 'DELIVERY'
  customerName: string
  assigneeId: string | null
  assigneeName: string | null
  lineCount: number
  qtyOrdered: number
  qtyFulfilled: number
}

function likeEscape(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export function queueWhere(filter: Omit<QueueSqlFilter, 'after' | 'before' | 'take'>): Prisma.Sql {
  // Exactly the partial index's predicate, so the planner can use "Order_open_due".
  const parts: Prisma.Sql[] = [Prisma.sql`o."closedAt" IS NULL AND o."cancelledAt" IS NULL`]
  switch (filter.status) {
    case 'todo':
      parts.push(Prisma.sql`o.fulfillment <> 'FULFILLED'`)
      break
    case 'NOT_STARTED':
    case 'PARTLY_FULFILLED':
      parts.push(Prisma.sql`o.fulfillment = ${filter.status}::"FulfillmentStatus" AND o."heldAt" IS NULL`)
      break
    case 'READY':
      parts.push(Prisma.sql`o.fulfillment = 'FULFILLED' AND o.handover = 'WAITING'`)
      break
    case 'ON_HOLD':
      parts.push(Prisma.sql`o."heldAt" IS NOT NULL`)
      break
    case 'all':
      break
  }
  if (filter.dueFrom) parts.push(Prisma.sql`o."dueAt" >= ${filter.dueFrom}`)
  if (filter.dueTo) parts.push(Prisma.sql`o."dueAt" < ${filter.dueTo}`)
  if (filter.overdueAt) parts.push(overdueWhere('o', filter.overdueAt))
  if (filter.assigneeId === null) parts.push(Prisma.sql`o."assigneeId" IS NULL`)
  else if (filter.assigneeId !== undefined) parts.push(Prisma.sql`o."assigneeId" = ${filter.assigneeId}::uuid`)
  const terms = filter.terms ?? []
  if (terms.length > 0 || filter.number !== undefined) {
    const alternatives: Prisma.Sql[] = []
    if (filter.number !== undefined) alternatives.push(Prisma.sql`o.number = ${filter.number}`)
    if (terms.length > 0) {
      // The trigram index on Customer.searchText answers "contains" for each word.
      const likes = terms.map((t) => Prisma.sql`sc."searchText" LIKE ${`%${likeEscape(t)}%`}`)
      alternatives.push(Prisma.sql`o."customerId" IN (SELECT sc.id FROM "Customer" sc WHERE ${Prisma.join(likes, ' AND ')})`)
    }
    parts.push(Prisma.sql`(${Prisma.join(alternatives, ' OR ')})`)
  }
  return Prisma.join(parts, ' AND ')
}

export function queueSql(filter: QueueSqlFilter): Prisma.Sql {
  const where = [queueWhere(filter)]
  let order = Prisma.sql`o."dueAt" ASC, o.id ASC`
  if (filter.after) {
    where.push(Prisma.sql`(o."dueAt", o.id) > (${filter.after.dueAt}, ${filter.after.id}::uuid)`)
  } else if (filter.before) {
    where.push(Prisma.sql`(o."dueAt", o.id) < (${filter.before.dueAt}, ${filter.before.id}::uuid)`)
    order = Prisma.sql`o."dueAt" DESC, o.id DESC`
  }
  return Prisma.sql`
    SELECT o.id, o.number, o."dueAt", o.fulfillment, o.handover, o."heldAt", o."holdReason", o.version, o.total, o.mode,
           c.name AS "customerName", o."assigneeId", u.name AS "assigneeName",
           l."lineCount", l."qtyOrdered", l."qtyFulfilled"
    FROM "Order" o
    JOIN "Customer" c ON c.id = o."customerId"
    LEFT JOIN "User" u ON u.id = o."assigneeId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "lineCount", coalesce(sum(quantity), 0)::int AS "qtyOrdered",
             coalesce(sum("qtyFulfilled"), 0)::int AS "qtyFulfilled"
      FROM "OrderLine" WHERE "orderId" = o.id
    ) l
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${order}
    LIMIT ${filter.take}`
}

/**
 * How many orders are overdue (overdueWhere: the one definition), counted up to `cap` (a bounded count: never the
 * whole table). "closedAt" IS NULL changes nothing (an overdue order is not handed over, so not closed); it is the
 * open-orders partial index's predicate, which lets the planner walk that index.
 */
export function overdueCountSql(now: Date, cap: number): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Order" o
      WHERE o."closedAt" IS NULL AND ${overdueWhere('o', now)}
      LIMIT ${cap}
    ) s`
}

export function encodeCursor(c: QueueCursor): string {
  return encodeMomentCursor(c.dueAt, c.id)
}

/** Null for anything that is not a cursor this module wrote (a tampered link shows the first page). */
export function decodeCursor(s: string | undefined): QueueCursor | null {
  const found = s ? readMomentCursor(s) : null
  return found && { dueAt: found.at, id: found.id }
}
