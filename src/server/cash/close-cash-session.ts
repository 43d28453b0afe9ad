import 'server-only'
import { cashDifference, countTotal, differenceNeedsNote } from '@/domain/cash-drawer'
import { DomainError } from '@/domain/errors'
import { CASH_HANDLERS } from '@/domain/permissions'
import { closeCashSessionSchema, type CloseCashSessionInput } from '@/lib/schemas/cash'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { BILLING_TX } from '../billing/tx-options'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'
import { mayCloseSession, sessionFigures } from './cash-session'

export interface ClosedSessionDTO {
  sessionId: string
  expected: number
  counted: number
  difference: number
}

/**
 * Count the drawer by denomination and close it: expected vs counted, the difference, a note when it is beyond the
 * shop's threshold. The session row is locked FOR UPDATE first, so cash being recorded into it (which holds it FOR
 * SHARE) finishes before the figures are read, and cash arriving later finds it closed (decision 018). Once closed,
 * the row is the Z report and the database refuses any change to it.
 */
export async function closeCashSession(actor: Actor, input: CloseCashSessionInput, now?: Date): Promise<ClosedSessionDTO> {
  const { task } = authorize(actor, closeCashSessionUseCase.tasks)
  const settings = await getSettings()
  let counted: number
  try {
    counted = countTotal(settings.currency, input.counts)
  } catch {
    throw new DomainError('INVALID', 'cash.errors.badCount', {}, 'counts')
  }
  return db().$transaction(async (tx) => {
    const [session] = await tx.$queryRaw<{ id: string; float: number; openedById: string; openedAt: Date; closedAt: Date | null }[]>`
      SELECT id, float, "openedById", "openedAt", "closedAt" FROM "CashSession" WHERE id = ${input.sessionId}::uuid FOR UPDATE`
    if (!session) throw new DomainError('NOT_FOUND', 'errors.notFound', {}, 'sessionId')
    if (session.closedAt) throw new DomainError('CONFLICT', 'cash.errors.alreadyClosed', {}, 'sessionId')
    if (!mayCloseSession(actor, session.openedById)) throw new DomainError('FORBIDDEN', 'cash.errors.notYours', {})
    const closedAt = now ?? new Date()
    const figures = await sessionFigures(tx, session, closedAt)
    const difference = cashDifference(figures.expected, counted)
    if (differenceNeedsNote(difference, settings.cashDifferenceThreshold) && !input.note)
      throw new DomainError('INVALID', 'cash.errors.noteRequired', {}, 'note')
    await tx.cashSession.update({
      where: { id: session.id },
      data: {
        closedAt,
        closedById: actor.id,
        counts: input.counts,
        counted,
        expected: figures.expected,
        difference,
        note: input.note ?? null,
        totals: { ...figures, currency: settings.currency },
      },
    })
    await audit(tx, actor, {
      action: 'cash.closed',
      entityType: 'cash_session',
      entityId: session.id,
      task,
      data: { expected: figures.expected, counted, difference },
    })
    return { sessionId: session.id, expected: figures.expected, counted, difference }
  }, BILLING_TX)
}

export const closeCashSessionUseCase = defineUseCase({
  name: 'closeCashSession',
  tasks: CASH_HANDLERS,
  schema: closeCashSessionSchema,
  run: closeCashSession,
})
