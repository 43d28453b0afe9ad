import 'server-only'
import { CASH_HANDLERS } from '@/domain/permissions'
import type { Prisma } from '@/generated/prisma/client'
import type { ListCashSessionsQuery } from '@/lib/schemas/cash'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { decodeMomentCursor, encodeMomentCursor } from '../keyset-cursor'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'

export interface CashSessionSummaryDTO {
  id: string
  drawer: { id: string; name: string }
  currency: string
  openedBy: { id: string; name: string }
  openedAt: string
  float: number
  closedBy: { id: string; name: string } | null
  closedAt: string | null
  expected: number | null
  counted: number | null
  difference: number | null
  note: string | null
}

/** Drawer sessions newest opened first, a page at a time (keyset on openedAt, id), for integrations (API). */
export async function listCashSessions(
  actor: Actor,
  query: ListCashSessionsQuery,
): Promise<{ data: CashSessionSummaryDTO[]; nextCursor: string | null }> {
  authorizeAny(actor, CASH_HANDLERS)
  const settings = await getSettings()
  const where: Prisma.CashSessionWhereInput[] = []
  if (query.drawerId) where.push({ drawerId: query.drawerId })
  if (query.state === 'open') where.push({ closedAt: null })
  if (query.state === 'closed') where.push({ closedAt: { not: null } })
  if (query.cursor) {
    const after = decodeMomentCursor(query.cursor)
    where.push({ OR: [{ openedAt: { lt: after.at } }, { openedAt: after.at, id: { lt: after.id } }] })
  }
  const person = { select: { id: true, name: true } } as const
  const rows = await db().cashSession.findMany({
    where: { AND: where },
    orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { drawer: { select: { id: true, name: true } }, openedBy: person, closedBy: person },
  })
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    data: page.map((s) => ({
      id: s.id,
      drawer: s.drawer,
      currency: (s.totals as { currency?: string } | null)?.currency ?? settings.currency,
      openedBy: s.openedBy,
      openedAt: s.openedAt.toISOString(),
      float: s.float,
      closedBy: s.closedBy,
      closedAt: s.closedAt?.toISOString() ?? null,
      expected: s.expected,
      counted: s.counted,
      difference: s.difference,
      note: s.note,
    })),
    nextCursor: rows.length > query.limit && last ? encodeMomentCursor(last.openedAt, last.id) : null,
  }
}

export const listCashSessionsUseCase = defineUseCase({ name: 'listCashSessions', tasks: CASH_HANDLERS })
