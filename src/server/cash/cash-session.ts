import 'server-only'
import { DomainError } from '@/domain/errors'
import { cashTotals, type CashEvent, type CashTotals } from '@/domain/cash-drawer'
import { EXPERT_LEVEL, levelOf, type Capable } from '@/domain/permissions'
import type { Tx } from '../db'

// Which drawer session cash goes into, and what a session holds (docs/decisions/017-cash-drawer.md, 018-…).

/**
 * The open session a CASH payment (deposit, payment, refund, returned deposit) goes into, locked FOR SHARE until the
 * caller's transaction ends, so the drawer cannot be closed under it (closing updates the row and waits) and, once
 * closed, nothing is added to it. The drawer named (`drawerId`), else the one the actor opened, else the only one
 * open. A shop without active drawers does not track cash: null. Throws CONFLICT when no drawer is open (the counter
 * then leads the cashier to open one) and INVALID on `drawerId` when several are open and none was named.
 */
export async function cashSessionFor(tx: Tx, actorId: string, drawerId?: string): Promise<string | null> {
  const [{ drawers }] = await tx.$queryRaw<[{ drawers: number }]>`SELECT count(*)::int AS drawers FROM "CashDrawer" WHERE active`
  if (drawers === 0 && drawerId === undefined) return null
  let sessionId: string | undefined
  if (drawerId !== undefined) {
    sessionId = (
      await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "CashSession" WHERE "drawerId" = ${drawerId}::uuid AND "closedAt" IS NULL`
    )[0]?.id
    if (!sessionId) throw new DomainError('CONFLICT', 'cash.errors.drawerClosed', {}, 'drawerId')
  } else {
    const open = await tx.$queryRaw<{ id: string; openedById: string }[]>`
      SELECT id, "openedById" FROM "CashSession" WHERE "closedAt" IS NULL ORDER BY "openedAt"`
    const own = open.filter((s) => s.openedById === actorId)
    const pick = own.length === 1 ? own : open
    if (pick.length === 0) throw new DomainError('CONFLICT', 'cash.errors.noOpenDrawer', {}, 'drawerId')
    if (pick.length > 1) throw new DomainError('INVALID', 'cash.errors.chooseDrawer', {}, 'drawerId')
    sessionId = pick[0]!.id
  }
  // Read committed: when a close commits while this waits, the row is re-read and no longer matches (closedAt set).
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "CashSession" WHERE id = ${sessionId}::uuid AND "closedAt" IS NULL FOR SHARE`
  if (locked.length === 0) throw new DomainError('CONFLICT', 'cash.errors.drawerClosed', {}, 'drawerId')
  return sessionId
}

/** Who may close a session: the person who opened it, someone expert at RECORD_PAYMENT (level 3), or a manager. */
export function mayCloseSession(actor: Capable & { id: string }, openedById: string): boolean {
  return actor.id === openedById || actor.homeRole === 'MANAGER' || levelOf(actor, 'RECORD_PAYMENT') >= EXPERT_LEVEL
}

export interface SessionFigures extends CashTotals {
  /** Everything received and paid back during the session per method: cash through this drawer, card and transfer
   * taken by the person who opened it while it was open. */
  byMethod: Record<'CASH' | 'CARD' | 'TRANSFER', number>
}

/** What the session holds now (or held when it closed, `until`): its cash events and the totals per method. */
export async function sessionFigures(
  tx: Tx,
  session: { id: string; float: number; openedById: string; openedAt: Date },
  until: Date,
): Promise<SessionFigures> {
  const [cash, movements, other] = await Promise.all([
    tx.payment.findMany({ where: { cashSessionId: session.id }, select: { amount: true } }),
    tx.cashMovement.findMany({ where: { sessionId: session.id }, select: { kind: true, amount: true } }),
    tx.payment.groupBy({
      by: ['method'],
      where: { receivedById: session.openedById, method: { in: ['CARD', 'TRANSFER'] }, receivedAt: { gte: session.openedAt, lte: until } },
      _sum: { amount: true },
    }),
  ])
  const events: CashEvent[] = [
    ...cash.map((p) => ({ kind: 'PAYMENT' as const, amount: p.amount })),
    ...movements.map((m) => ({ kind: m.kind, amount: m.amount })),
  ]
  const totals = cashTotals(session.float, events)
  const sumOf = (method: 'CARD' | 'TRANSFER') => other.find((o) => o.method === method)?._sum.amount ?? 0
  return { ...totals, byMethod: { CASH: totals.taken - totals.givenBack, CARD: sumOf('CARD'), TRANSFER: sumOf('TRANSFER') } }
}
