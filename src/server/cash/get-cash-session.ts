import 'server-only'
import { denominationsFor } from '@/domain/cash-drawer'
import { DomainError } from '@/domain/errors'
import { formatOrderNumber } from '@/domain/numbering'
import { CASH_HANDLERS } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'
import { mayCloseSession, sessionFigures, type SessionFigures } from './cash-session'

const person = { select: { id: true, name: true } } as const

export interface CashSessionDTO {
  id: string
  drawer: { id: string; name: string }
  currency: string
  openedBy: { id: string; name: string }
  openedAt: string
  closedBy: { id: string; name: string } | null
  closedAt: string | null
  /** Live while open; as stored when it was closed (the Z report never changes). */
  figures: SessionFigures
  counted: number | null
  difference: number | null
  note: string | null
  /** Pieces per denomination as counted (largest first); null while open. */
  counts: Array<{ value: number; pieces: number }> | null
  movements: Array<{ id: string; kind: 'IN' | 'OUT'; amount: number; reason: string; by: string; at: string }>
  payments: Array<{
    id: string
    order: string
    orderId: string
    kind: 'DEPOSIT' | 'PAYMENT' | 'REFUND'
    amount: number
    by: string
    at: string
  }>
  /** Whether the reader may close it (opener, RECORD_PAYMENT expert or manager). */
  mayClose: boolean
  /** The shop's threshold beyond which a difference needs a note. */
  threshold: number
}

/** One drawer session: the live figures of an open drawer, or the Z report of a closed one. */
export async function getCashSession(actor: Actor, sessionId: string): Promise<CashSessionDTO> {
  authorizeAny(actor, CASH_HANDLERS)
  const settings = await getSettings()
  const s = await db().cashSession.findUnique({
    where: { id: sessionId },
    include: {
      drawer: { select: { id: true, name: true } },
      openedBy: person,
      closedBy: person,
      movements: { orderBy: { at: 'asc' }, include: { by: person } },
      payments: {
        orderBy: { receivedAt: 'asc' },
        select: { id: true, kind: true, amount: true, receivedAt: true, receivedBy: person, order: { select: { id: true, number: true } } },
      },
    },
  })
  if (!s) throw new DomainError('NOT_FOUND', 'errors.notFound', {}, 'id')
  const stored = s.totals as (SessionFigures & { currency?: string }) | null
  const figures = stored ?? (await sessionFigures(db(), s, new Date()))
  const counts = s.counts as Record<string, number> | null
  const currency = stored?.currency ?? settings.currency
  return {
    id: s.id,
    drawer: s.drawer,
    currency,
    openedBy: s.openedBy,
    openedAt: s.openedAt.toISOString(),
    closedBy: s.closedBy,
    closedAt: s.closedAt?.toISOString() ?? null,
    figures: {
      float: figures.float,
      taken: figures.taken,
      givenBack: figures.givenBack,
      paidIn: figures.paidIn,
      paidOut: figures.paidOut,
      expected: figures.expected,
      byMethod: figures.byMethod,
    },
    counted: s.counted,
    difference: s.difference,
    note: s.note,
    counts: counts ? denominationsFor(currency).map((value) => ({ value, pieces: counts[String(value)] ?? 0 })) : null,
    movements: s.movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      amount: m.amount,
      reason: m.reason,
      by: m.by.name,
      at: m.at.toISOString(),
    })),
    payments: s.payments.map((p) => ({
      id: p.id,
      order: formatOrderNumber(settings.orderPrefix, p.order.number),
      orderId: p.order.id,
      kind: p.kind,
      amount: p.amount,
      by: p.receivedBy.name,
      at: p.receivedAt.toISOString(),
    })),
    mayClose: s.closedAt === null && mayCloseSession(actor, s.openedById),
    threshold: settings.cashDifferenceThreshold,
  }
}

export const getCashSessionUseCase = defineUseCase({ name: 'getCashSession', tasks: CASH_HANDLERS })
