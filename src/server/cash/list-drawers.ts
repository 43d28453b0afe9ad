import 'server-only'
import { denominationsFor } from '@/domain/cash-drawer'
import { CASH_HANDLERS } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'
import { mayCloseSession, sessionFigures } from './cash-session'

export interface DrawerDTO {
  id: string
  name: string
  open: {
    sessionId: string
    openedBy: { id: string; name: string }
    openedAt: string
    float: number
    expected: number
    mine: boolean
    /** Whether the reader may close it (opener, RECORD_PAYMENT expert or manager). */
    mayClose: boolean
  } | null
  lastClosed: { sessionId: string; closedAt: string; difference: number } | null
}

export interface DrawersDTO {
  currency: string
  /** The currency's notes, largest first, to count a drawer by. */
  denominations: readonly number[]
  /** A difference beyond this needs a note when closing. */
  threshold: number
  drawers: DrawerDTO[]
}

/** The shop's active drawers, each with its open session (live expected cash) and its last closed one. */
export async function listDrawers(actor: Actor): Promise<DrawersDTO> {
  authorizeAny(actor, CASH_HANDLERS)
  const settings = await getSettings()
  const drawers = await db().cashDrawer.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      sessions: {
        orderBy: { openedAt: 'desc' },
        take: 2,
        select: {
          id: true,
          float: true,
          openedAt: true,
          openedById: true,
          closedAt: true,
          difference: true,
          openedBy: { select: { id: true, name: true } },
        },
      },
    },
  })
  const rows = await Promise.all(
    drawers.map(async (d): Promise<DrawerDTO> => {
      const open = d.sessions.find((s) => s.closedAt === null)
      const closed = d.sessions.find((s) => s.closedAt !== null)
      return {
        id: d.id,
        name: d.name,
        open: open
          ? {
              sessionId: open.id,
              openedBy: open.openedBy,
              openedAt: open.openedAt.toISOString(),
              float: open.float,
              expected: (await sessionFigures(db(), open, new Date())).expected,
              mine: open.openedById === actor.id,
              mayClose: mayCloseSession(actor, open.openedById),
            }
          : null,
        lastClosed: closed ? { sessionId: closed.id, closedAt: closed.closedAt!.toISOString(), difference: closed.difference ?? 0 } : null,
      }
    }),
  )
  return {
    currency: settings.currency,
    denominations: denominationsFor(settings.currency),
    threshold: settings.cashDifferenceThreshold,
    drawers: rows,
  }
}

export const listDrawersUseCase = defineUseCase({ name: 'listDrawers', tasks: CASH_HANDLERS })
