import 'server-only'
import { DomainError } from '@/domain/errors'
import { formatOrderNumber } from '@/domain/numbering'
import { customerStatus, type CustomerStatus } from '@/domain/order-status'
import { qualified, type HomeRole, type Skills, type Task } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { db, type Tx } from '../db'
import { loadPresenceAt } from '../coverage/snapshot'
import { lockOrder, refreshOrderState } from '../orders/order-state'
import { workLeftWhere } from '../orders/work-left'
import { getSettings } from '../settings/get-settings'

// Reassignment (the break transfer of open orders, docs/glossary.md), shared by the manager's and the "my account" use
// cases and by deactivation (not a use case itself; callers authorize first): the orders with work left someone is
// assigned (order-status.hasWorkLeft), the colleagues qualified to make them (FULFILL level >= 2: a manager's blanket
// permission is not skill), and the transfer itself. Its timeline event keeps its stored name, `order.handed_off`.

/** The task the handed-over work needs: making the orders. */
const WORK_TASK: Task = 'FULFILL'

export interface OpenOrderDTO {
  id: string
  number: string
  customerName: string
  status: CustomerStatus
  dueAt: string
}

export interface ReassignCandidateDTO {
  id: string
  name: string
  homeRole: HomeRole
  /** Present now by the one presence rule (coverage.isPresent). */
  presentNow: boolean
  openOrders: number
}

export interface ReassignmentDTO {
  person: { id: string; name: string }
  orders: OpenOrderDTO[]
  candidates: ReassignCandidateDTO[]
  /** The first present candidate (present first, then the least loaded), or null when nobody qualified is here:
   * the form then makes the manager choose. */
  preselectedId: string | null
}

export const REASSIGN_LIST_LIMIT = 100

export async function loadReassignment(userId: string, now: Date): Promise<ReassignmentDTO> {
  const settings = await getSettings()
  const person = await db().user.findUnique({ where: { id: userId }, select: { id: true, name: true } })
  if (!person) throw new DomainError('NOT_FOUND', 'errors.notFound')
  const [orders, people, presentAt, load] = await Promise.all([
    db().order.findMany({
      where: { assigneeId: userId, ...workLeftWhere },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: REASSIGN_LIST_LIMIT,
      select: {
        id: true,
        number: true,
        dueAt: true,
        fulfillment: true,
        handover: true,
        heldAt: true,
        cancelledAt: true,
        customer: { select: { name: true } },
      },
    }),
    db().user.findMany({
      where: { active: true, id: { not: userId } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, homeRole: true, skills: { select: { task: true, level: true } } },
    }),
    loadPresenceAt(now),
    db().order.groupBy({ by: ['assigneeId'], where: { assigneeId: { not: null }, ...workLeftWhere }, _count: { _all: true } }),
  ])
  const loadBy = new Map(load.map((l) => [l.assigneeId, l._count._all]))
  const candidates = people
    .filter((p) => canTakeWork(p))
    .map((p) => ({ id: p.id, name: p.name, homeRole: p.homeRole, presentNow: presentAt(p.id), openOrders: loadBy.get(p.id) ?? 0 }))
    // Present colleagues first, then the least loaded.
    .sort((a, b) => Number(b.presentNow) - Number(a.presentNow) || a.openOrders - b.openOrders || a.name.localeCompare(b.name))
  return {
    person,
    orders: orders.map((o) => ({
      id: o.id,
      number: formatOrderNumber(settings.orderPrefix, o.number),
      customerName: o.customer.name,
      status: customerStatus(o),
      dueAt: o.dueAt.toISOString(),
    })),
    candidates,
    preselectedId: candidates.find((c) => c.presentNow)?.id ?? null,
  }
}

function canTakeWork(person: { homeRole: HomeRole; skills: Array<{ task: Task; level: number }> }): boolean {
  return qualified(
    { homeRole: person.homeRole, skills: Object.fromEntries(person.skills.map((s) => [s.task, s.level])) as Skills },
    WORK_TASK,
  )
}

/**
 * Reassign every order with work left of `fromId` to `toId` in one transaction: each order is locked, reassigned, its
 * derived state refreshed (which bumps its version, so anyone editing it sees the change) and an `order.handed_off`
 * event with the note is added to its timeline.
 */
export async function transferOpenOrders(
  actor: Actor,
  input: { fromId: string; toId: string; note: string | null },
  task: Task | null,
): Promise<{ count: number; to: { id: string; name: string } }> {
  return db().$transaction(async (tx) => {
    const moved = await moveWorkLeft(tx, actor, input, task)
    if (moved.count === 0) throw new DomainError('CONFLICT', 'manager.reassign.errors.nothingOpen', { name: moved.from.name })
    return { count: moved.count, to: moved.to }
  })
}

/** The transfer inside a caller's transaction (also deactivation's, so nobody is left holding work). */
export async function moveWorkLeft(
  tx: Tx,
  actor: Actor,
  input: { fromId: string; toId: string; note: string | null },
  task: Task | null,
): Promise<{ count: number; from: { id: string; name: string }; to: { id: string; name: string } }> {
  if (input.fromId === input.toId) throw new DomainError('INVALID', 'manager.reassign.errors.samePerson', {}, 'toUserId')
  const [from, to] = await Promise.all([
    tx.user.findUnique({ where: { id: input.fromId }, select: { id: true, name: true } }),
    tx.user.findUnique({
      where: { id: input.toId },
      select: { id: true, name: true, active: true, homeRole: true, skills: { select: { task: true, level: true } } },
    }),
  ])
  if (!from || !to) throw new DomainError('NOT_FOUND', 'errors.notFound')
  if (!to.active || !canTakeWork(to)) {
    throw new DomainError('INVALID', 'manager.reassign.errors.cannotFulfil', { name: to.name }, 'toUserId')
  }
  // Ascending ids: two reassignments touching the same orders lock them in the same order and cannot deadlock.
  const orders = await tx.order.findMany({
    where: { assigneeId: input.fromId, ...workLeftWhere },
    orderBy: { id: 'asc' },
    select: { id: true },
  })
  let count = 0
  for (const { id } of orders) {
    await lockOrder(tx, id, null)
    // Re-read under the lock: the order may have been reassigned, finished or closed since the list was read.
    const moved = await tx.order.updateMany({ where: { id, assigneeId: input.fromId, ...workLeftWhere }, data: { assigneeId: input.toId } })
    if (moved.count === 0) continue
    await refreshOrderState(tx, id)
    await audit(tx, actor, {
      action: 'order.handed_off',
      entityType: 'order',
      entityId: id,
      orderId: id,
      task,
      before: { assigneeId: input.fromId },
      after: { assigneeId: input.toId },
      data: { note: input.note || null, to: to.name, toId: to.id, from: from.name, fromId: from.id },
    })
    count++
  }
  return { count, from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name } }
}
