import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { utcValue } from '../db'

/**
 * src/domain/order-status.ts isOverdue as an SQL condition on "Order" rows aliased `alias` (tested against the
 * predicate on the same rows: tests/integration/order-rules-sql.test.ts). Literals, not bound enum values, so partial
 * indexes on these columns stay usable; `now` is bound (as the UTC `timestamp` the column holds).
 */
export function overdueWhere(alias: string, now: Date): Prisma.Sql {
  const o = Prisma.raw(`"${alias.replace(/"/g, '')}"`)
  return Prisma.sql`(${o}."cancelledAt" IS NULL AND ${o}.handover = 'WAITING' AND ${o}.fulfillment <> 'FULFILLED' AND ${o}."dueAt" < ${utcValue(now)})`
}
