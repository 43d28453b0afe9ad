import 'server-only'
import { QUEUE_READERS } from '@/domain/permissions'
import { formatOrderNumber, parseOrderNumberQuery } from '@/domain/numbering'
import { addDays, businessDay, dayBounds } from '@/domain/opening-hours'
import { customerStatus, isOverdue, type CustomerStatus, type FulfillmentStatus } from '@/domain/order-status'
import { searchTerms } from '@/domain/search'
import type { QueueFilter } from '@/lib/schemas/fulfillment'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { loadSkillNeeds, type LineMakersDTO } from '../shop-skills/skill-needs'
import { decodeCursor, encodeCursor, overdueCountSql, queueSql, type QueueSqlFilter, type QueueSqlRow } from './queue-query'
import { defineUseCase } from '../use-case'

export interface QueueRowDTO {
  id: string
  number: string
  customerName: string
  dueAt: string
  overdue: boolean
  status: CustomerStatus
  fulfillment: FulfillmentStatus
  onHold: boolean
  holdReason: string | null
  mode: 'PICKUP' | 'DELIVERY'
  lines: number
  qtyOrdered: number
  qtyFulfilled: number
  total: number
  assignee: { id: string; name: string } | null
  version: number
  /** Lines still to make that need a shop skill, with who present can make each (ADR 014); empty when none. */
  skillLines: LineMakersDTO[]
  /** Some line needs a shop skill nobody present has. */
  skillGap: boolean
}

export interface QueuePageDTO {
  rows: QueueRowDTO[]
  /** Cursor of the next page (rows due later), or null on the last page. */
  next: string | null
  /** Cursor of the previous page, or null on the first page. */
  prev: string | null
  /** Open unfinished orders already past due (counted up to OVERDUE_CAP). */
  overdue: number
  overdueCapped: boolean
  currency: string
  now: string
}

export const OVERDUE_CAP = 999

/** One page of open orders, soonest due first, with the queue's filters and search. */
export async function listQueue(actor: Actor, filter: QueueFilter, now = new Date()): Promise<QueuePageDTO> {
  authorizeAny(actor, QUEUE_READERS)
  const settings = await getSettings()
  const today = businessDay(now, settings.timeZone)
  const sqlFilter: QueueSqlFilter = { status: filter.status, take: filter.limit + 1 }
  if (filter.due === 'overdue') sqlFilter.overdueAt = now
  else if (filter.due === 'today' || filter.due === 'tomorrow' || (filter.due === 'day' && filter.day)) {
    const ymd = filter.due === 'today' ? today : filter.due === 'tomorrow' ? addDays(today, 1) : (filter.day as string)
    const { start, end } = dayBounds(ymd, settings.timeZone)
    sqlFilter.dueFrom = start
    sqlFilter.dueTo = end
  }
  if (filter.assignee === 'me') sqlFilter.assigneeId = actor.id
  else if (filter.assignee === 'none') sqlFilter.assigneeId = null
  else if (filter.assignee) sqlFilter.assigneeId = filter.assignee
  if (filter.q) {
    sqlFilter.terms = searchTerms(filter.q)
    const number = parseOrderNumberQuery(filter.q, settings.orderPrefix)
    if (number !== null) sqlFilter.number = number
  }
  const after = decodeCursor(filter.after)
  const before = after ? null : decodeCursor(filter.before)
  if (after) sqlFilter.after = after
  if (before) sqlFilter.before = before

  const [fetched, overdueRows] = await Promise.all([
    db().$queryRaw<QueueSqlRow[]>(queueSql(sqlFilter)),
    db().$queryRaw<Array<{ n: number }>>(overdueCountSql(now, OVERDUE_CAP + 1)),
  ])
  const more = fetched.length > filter.limit
  const page = fetched.slice(0, filter.limit)
  if (before) page.reverse()
  const first = page[0]
  const last = page[page.length - 1]
  const overdue = overdueRows[0]?.n ?? 0
  const needs = await loadSkillNeeds(
    page.map((o) => o.id),
    now,
  )
  return {
    rows: page.map((o) => ({
      id: o.id,
      number: formatOrderNumber(settings.orderPrefix, o.number),
      customerName: o.customerName,
      dueAt: o.dueAt.toISOString(),
      overdue: isOverdue({ dueAt: o.dueAt, fulfillment: o.fulfillment, handover: o.handover, cancelled: false }, now),
      status: customerStatus({ fulfillment: o.fulfillment, handover: o.handover, heldAt: o.heldAt, cancelledAt: null }),
      fulfillment: o.fulfillment,
      onHold: o.heldAt !== null,
      holdReason: o.heldAt ? o.holdReason : null,
      mode: o.mode,
      lines: o.lineCount,
      qtyOrdered: o.qtyOrdered,
      qtyFulfilled: o.qtyFulfilled,
      total: o.total,
      assignee: o.assigneeId && o.assigneeName ? { id: o.assigneeId, name: o.assigneeName } : null,
      version: o.version,
      skillLines: needs.get(o.id)?.lines ?? [],
      skillGap: needs.get(o.id)?.flagged ?? false,
    })),
    // Walking forwards (or on the first page) the extra row says whether more follow; walking backwards it says
    // whether more precede, and the page we came from follows for sure.
    next: last && (before ? true : more) ? encodeCursor({ dueAt: last.dueAt, id: last.id }) : null,
    prev: first && (before ? more : after !== null) ? encodeCursor({ dueAt: first.dueAt, id: first.id }) : null,
    overdue: Math.min(overdue, OVERDUE_CAP),
    overdueCapped: overdue > OVERDUE_CAP,
    currency: settings.currency,
    now: now.toISOString(),
  }
}

/** Who may call it, read by its route and the authorization matrix. */
export const listQueueUseCase = defineUseCase({ name: 'listQueue', tasks: QUEUE_READERS })
