import 'server-only'
import { formatOrderNumber } from '@/domain/numbering'
import { HOUR_MS, RECEIVABLE_BUCKETS, WAITING_BUCKETS, fillDays, lastDays, type ReceivableBucket, type WaitingBucket } from '@/domain/kpis'
import { DAY_MS, businessDay, dayBounds } from '@/domain/opening-hours'
import type { FulfillmentStatus } from '@/domain/order-status'
import { lineToInvoice } from '@/domain/tax'
import { Prisma } from '@/generated/prisma/client'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db, utcValue as utc } from '../db'
import { overdueWhere } from '../orders/overdue-sql'
import { getSettings } from '../settings/get-settings'

export const KPI_DAYS = 30
export const LIST_SHOWN = 10
/** Orders that became ready or were collected in the window are looked up among orders taken this long ago at most
 * (an order waiting four months is an outlier the list shows anyway). The windows themselves are read through the
 * partial indexes on "readyAt" and "handedOverAt" (*_kpi_windows_customer_list_indexes), not the look-back. */
const STAGE_LOOKBACK_DAYS = 120

export interface StageMedianDTO {
  group: 'regular' | 'covering'
  /** Median hours from taken to ready (orders that became ready in the window); null without such orders. */
  toReadyHours: number | null
  toReadyCount: number
  /** Median hours from ready to collected or delivered (orders handed over in the window). */
  toCollectHours: number | null
  toCollectCount: number
}

export interface KpisDTO {
  now: string
  from: string
  days: number
  currency: string
  ordersPerDay: Array<{ day: string; regular: number; covering: number }>
  stageMedians: StageMedianDTO[]
  late: {
    perDay: Array<{ day: string; onTime: number; readyLate: number; overdue: number }>
    totals: { due: number; onTime: number; readyLate: number; overdue: number }
    overdueNow: Array<{
      id: string
      number: string
      customerName: string
      dueAt: string
      fulfillment: FulfillmentStatus
      assignee: string | null
    }>
    overdueNowCount: number
  }
  waiting: {
    buckets: Array<{ bucket: WaitingBucket; count: number; value: number }>
    oldest: Array<{ id: string; number: string; customerName: string; readyAt: string; total: number }>
  }
  unbilled: { orders: number; net: number; tax: number; gross: number }
  receivables: { buckets: Array<{ bucket: ReceivableBucket; count: number; amount: number }>; total: number; count: number }
}

/** The business day of a stored timestamp. */
const localDay = (column: Prisma.Sql, timeZone: string) =>
  Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`

function caseBuckets(value: Prisma.Sql, buckets: ReadonlyArray<{ key: string; max: number | null }>, inclusive: boolean): Prisma.Sql {
  const whens = buckets
    .filter((b) => b.max !== null)
    .map((b) => (inclusive ? Prisma.sql`WHEN ${value} <= ${b.max} THEN ${b.key}` : Prisma.sql`WHEN ${value} < ${b.max} THEN ${b.key}`))
  const last = buckets[buckets.length - 1]!
  return Prisma.sql`CASE ${Prisma.join(whens, ' ')} ELSE ${last.key} END`
}

/** What every query below is about: the window (`from` to `now`), the shop's time zone and order numbering. */
interface Window {
  prisma: ReturnType<typeof db>
  now: Date
  from: Date
  days: string[]
  timeZone: string
  orderPrefix: string
}

/** Orders taken per business day, by regular and covering staff. */
async function ordersPerDay({ prisma, now, from, days, timeZone }: Window): Promise<KpisDTO['ordersPerDay']> {
  const perDay = await prisma.$queryRaw<Array<{ day: string; regular: number; covering: number }>>`
    SELECT ${localDay(Prisma.sql`"createdAt"`, timeZone)} AS day,
           count(*) FILTER (WHERE NOT "takenCovering")::int AS regular,
           count(*) FILTER (WHERE "takenCovering")::int AS covering
      FROM "Order"
     WHERE "createdAt" >= ${utc(from)} AND "createdAt" <= ${utc(now)}
     GROUP BY 1`
  return fillDays(days, perDay, (day) => ({ day, regular: 0, covering: 0 }))
}

/** Median hours per stage (taken → ready, ready → collected) for regular vs covering staff. */
async function stageMedians({ prisma, from }: Window): Promise<StageMedianDTO[]> {
  const medians = await prisma.$queryRaw<
    Array<{ covering: boolean; to_ready: number | null; to_ready_n: number; to_collect: number | null; to_collect_n: number }>
  >`
    SELECT "takenCovering" AS covering,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("readyAt" - "createdAt")))
             FILTER (WHERE "readyAt" >= ${utc(from)}) AS to_ready,
           count(*) FILTER (WHERE "readyAt" >= ${utc(from)})::int AS to_ready_n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("handedOverAt" - "readyAt")))
             FILTER (WHERE "handedOverAt" >= ${utc(from)} AND "readyAt" IS NOT NULL) AS to_collect,
           count(*) FILTER (WHERE "handedOverAt" >= ${utc(from)} AND "readyAt" IS NOT NULL)::int AS to_collect_n
      FROM "Order"
     WHERE "cancelledAt" IS NULL
       AND "createdAt" >= ${utc(new Date(from.getTime() - STAGE_LOOKBACK_DAYS * DAY_MS))}
       AND ("readyAt" >= ${utc(from)} OR "handedOverAt" >= ${utc(from)})
     GROUP BY 1`
  return (['regular', 'covering'] as const).map((group) => {
    const row = medians.find((m) => m.covering === (group === 'covering'))
    if (!row) return { group, toReadyHours: null, toReadyCount: 0, toCollectHours: null, toCollectCount: 0 }
    return {
      group,
      toReadyHours: row.to_ready === null ? null : (Number(row.to_ready) * 1000) / HOUR_MS,
      toReadyCount: row.to_ready_n,
      toCollectHours: row.to_collect === null ? null : (Number(row.to_collect) * 1000) / HOUR_MS,
      toCollectCount: row.to_collect_n,
    }
  })
}

/** Orders due in the window: on time, ready late, still overdue — per day, in total, and the ones overdue now. */
async function lateOrders({ prisma, now, from, days, timeZone, orderPrefix }: Window): Promise<KpisDTO['late']> {
  // The overdue-now queries (and waitingForCollection's) repeat the partial indexes' predicates with literals (a
  // bound enum parameter would hide them from the planner): see prisma/migrations/*_manager_open_slices. Overdue is
  // overdueWhere (the domain's isOverdue); "readyAt" IS NULL is implied by it (readyAt is set exactly when
  // fulfilled) and names the index.
  const [latePerDay, overdueNow, overdueNowCount] = await Promise.all([
    prisma.$queryRaw<Array<{ day: string; on_time: number; ready_late: number; overdue: number }>>`
      SELECT ${localDay(Prisma.sql`"dueAt"`, timeZone)} AS day,
             count(*) FILTER (WHERE "readyAt" IS NOT NULL AND "readyAt" <= "dueAt")::int AS on_time,
             count(*) FILTER (WHERE "readyAt" > "dueAt")::int AS ready_late,
             count(*) FILTER (WHERE ${overdueWhere('Order', now)})::int AS overdue
        FROM "Order"
       WHERE "cancelledAt" IS NULL AND "dueAt" >= ${utc(from)} AND "dueAt" < ${utc(now)}
       GROUP BY 1`,
    prisma.$queryRaw<
      Array<{ id: string; number: number; dueAt: Date; fulfillment: FulfillmentStatus; customer: string; assignee: string | null }>
    >`
      SELECT o.id, o.number, o."dueAt", o.fulfillment::text AS fulfillment, c.name AS customer, u.name AS assignee
        FROM "Order" o
        JOIN "Customer" c ON c.id = o."customerId"
        LEFT JOIN "User" u ON u.id = o."assigneeId"
       WHERE o."readyAt" IS NULL AND ${overdueWhere('o', now)}
       ORDER BY o."dueAt", o.id
       LIMIT ${LIST_SHOWN}`,
    prisma.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM "Order"
       WHERE "readyAt" IS NULL AND ${overdueWhere('Order', now)}`,
  ])
  const perDay = fillDays(
    days,
    latePerDay.map((r) => ({ day: r.day, onTime: r.on_time, readyLate: r.ready_late, overdue: r.overdue })),
    (day) => ({ day, onTime: 0, readyLate: 0, overdue: 0 }),
  )
  const sum = (k: 'onTime' | 'readyLate' | 'overdue') => perDay.reduce((s, d) => s + d[k], 0)
  return {
    perDay,
    totals: {
      onTime: sum('onTime'),
      readyLate: sum('readyLate'),
      overdue: sum('overdue'),
      due: sum('onTime') + sum('readyLate') + sum('overdue'),
    },
    overdueNow: overdueNow.map((o) => ({
      id: o.id,
      number: formatOrderNumber(orderPrefix, o.number),
      customerName: o.customer,
      dueAt: o.dueAt.toISOString(),
      fulfillment: o.fulfillment,
      assignee: o.assignee,
    })),
    overdueNowCount: overdueNowCount[0]?.n ?? 0,
  }
}

/** Finished orders waiting to be collected, by how long they have waited, and the oldest of them. */
async function waitingForCollection({ prisma, now, orderPrefix }: Window): Promise<KpisDTO['waiting']> {
  const [waiting, oldest] = await Promise.all([
    prisma.$queryRaw<Array<{ bucket: WaitingBucket; count: number; value: number }>>`
      SELECT ${caseBuckets(
        Prisma.sql`EXTRACT(EPOCH FROM (${utc(now)} - "readyAt")) / 3600`,
        WAITING_BUCKETS.map((b) => ({ key: b.key, max: b.maxHours })),
        false,
      )} AS bucket,
             count(*)::int AS count, COALESCE(sum(total), 0)::float8 AS value
        FROM "Order"
       WHERE "readyAt" IS NOT NULL AND handover = 'WAITING' AND "cancelledAt" IS NULL
       GROUP BY 1`,
    prisma.$queryRaw<Array<{ id: string; number: number; readyAt: Date; total: number; customer: string }>>`
      SELECT o.id, o.number, o."readyAt", o.total, c.name AS customer
        FROM "Order" o
        JOIN "Customer" c ON c.id = o."customerId"
       WHERE o.handover = 'WAITING' AND o."cancelledAt" IS NULL AND o."readyAt" IS NOT NULL
       ORDER BY o."readyAt", o.id
       LIMIT ${LIST_SHOWN}`,
  ])
  return {
    buckets: WAITING_BUCKETS.map((b) => {
      const row = waiting.find((w) => w.bucket === b.key)
      return { bucket: b.key, count: row?.count ?? 0, value: Number(row?.value ?? 0) }
    }),
    oldest: oldest.map((o) => ({
      id: o.id,
      number: formatOrderNumber(orderPrefix, o.number),
      customerName: o.customer,
      readyAt: o.readyAt.toISOString(),
      total: o.total,
    })),
  }
}

// Work done but not yet invoiced: the lines with fulfilled units not invoiced (read through the partial index on
// such lines, in order id order), of orders not cancelled — each order looked up once for its cancellation, not
// once per line, and not by a join (which made the planner scan every order). The amount is lineToInvoice, the
// rule every screen and the invoice use, so the KPI cannot drift from them; SQL only counts alike lines (a line's
// amount depends on these four numbers alone), so thousands of open lines come back as far fewer rows.
async function unbilledWork({ prisma }: Window): Promise<KpisDTO['unbilled']> {
  const unbilled = await prisma.$queryRaw<
    Array<{ unitPrice: number; taxRateBp: number; qtyFulfilled: number; qtyInvoiced: number; lines: number; orders: number }>
  >`
    WITH open_lines AS (
      SELECT l."orderId", l."qtyFulfilled", l."qtyInvoiced", l."unitPrice", l."taxRateBp"
        FROM "OrderLine" l
       WHERE (l."qtyFulfilled" - l."qtyInvoiced") > 0
    ),
    live AS (
      SELECT ol.* FROM open_lines ol
       WHERE ol."orderId" IN (
         SELECT per_order."orderId" FROM (SELECT DISTINCT "orderId" FROM open_lines) per_order
          WHERE (SELECT o."cancelledAt" FROM "Order" o WHERE o.id = per_order."orderId") IS NULL
       )
    )
    SELECT "unitPrice", "taxRateBp", "qtyFulfilled", "qtyInvoiced", count(*)::int AS lines,
           (SELECT count(DISTINCT "orderId") FROM live)::int AS orders
      FROM live
     GROUP BY 1, 2, 3, 4`
  const total = { orders: unbilled[0]?.orders ?? 0, net: 0, tax: 0 }
  for (const alike of unbilled) {
    const slice = lineToInvoice(alike)
    total.net += slice.net * alike.lines
    total.tax += slice.tax * alike.lines
  }
  return { ...total, gross: total.net + total.tax }
}

// Open balance per invoice = total - credit notes - payments allocated to it, over the invoices of orders not
// fully paid (an order whose payments cover everything invoiced owes nothing, whichever invoice a payment was
// allocated to). Cancelled orders never invoiced (UNBILLED: any invoice of theirs was credited back in full) are
// left out: they stay unpaid forever and would make this grow with the shop's history. Two steps: the slice's
// ids come from the partial index "Order_receivable_idx" (*_scale_indexes); given them as a list, the planner
// knows how few they are (it cannot tell from the predicate, plans for 2 % of all orders and then spends longer
// compiling the query (JIT) than running it).
async function receivablesByAge({ prisma, now }: Window): Promise<KpisDTO['receivables']> {
  const slice = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT o.id FROM "Order" o
     WHERE o.payment IN ('UNPAID', 'PARTLY_PAID') AND (o."cancelledAt" IS NULL OR o.billing <> 'UNBILLED')`
  const receivables =
    slice.length === 0
      ? []
      : await prisma.$queryRaw<Array<{ bucket: ReceivableBucket; count: number; amount: number }>>`
    WITH open AS (
      SELECT i."dueAt",
             i.total
               - COALESCE((SELECT sum(c.total) FROM "CreditNote" c WHERE c."invoiceId" = i.id), 0)
               - COALESCE((SELECT sum(a.amount) FROM "PaymentAllocation" a WHERE a."invoiceId" = i.id), 0) AS balance
        FROM "Invoice" i
       WHERE i."orderId" = ANY(${slice.map((r) => r.id)}::uuid[])
    )
    SELECT ${caseBuckets(
      Prisma.sql`ceil(EXTRACT(EPOCH FROM (${utc(now)} - "dueAt")) / 86400)`,
      RECEIVABLE_BUCKETS.map((b) => ({ key: b.key, max: b.maxDays })),
      true,
    )} AS bucket,
           count(*)::int AS count, sum(balance)::float8 AS amount
      FROM open
     WHERE balance > 0
     GROUP BY 1`
  const buckets = RECEIVABLE_BUCKETS.map((b) => {
    const row = receivables.find((r) => r.bucket === b.key)
    return { bucket: b.key, count: row?.count ?? 0, amount: Number(row?.amount ?? 0) }
  })
  return { buckets, total: buckets.reduce((s, b) => s + b.amount, 0), count: buckets.reduce((s, b) => s + b.count, 0) }
}

/**
 * The manager's KPIs over the last 30 days, every figure an SQL aggregate (nothing loads all orders): orders per day,
 * median time per stage for regular vs covering staff, late orders, finished orders waiting for collection, work done
 * but not invoiced, and receivables by how long they are overdue.
 */
export async function getKpis(actor: Actor, now = new Date()): Promise<KpisDTO> {
  authorize(actor, 'MANAGE_TEAM')
  const { timeZone, currency, orderPrefix } = await getSettings()
  const days = lastDays(businessDay(now, timeZone), KPI_DAYS)
  const from = dayBounds(days[0]!, timeZone).start
  const window: Window = { prisma: db(), now, from, days, timeZone, orderPrefix }
  const [perDay, medians, late, waiting, unbilled, receivables] = await Promise.all([
    ordersPerDay(window),
    stageMedians(window),
    lateOrders(window),
    waitingForCollection(window),
    unbilledWork(window),
    receivablesByAge(window),
  ])
  return {
    now: now.toISOString(),
    from: from.toISOString(),
    days: KPI_DAYS,
    currency,
    ordersPerDay: perDay,
    stageMedians: medians,
    late,
    waiting,
    unbilled,
    receivables,
  }
}
