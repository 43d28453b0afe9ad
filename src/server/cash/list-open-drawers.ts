import 'server-only'
import { CASH_HANDLERS } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'

/** The open drawers cash may go into (the reader's own first), or null when the shop has no drawer (cash untracked). */
export interface OpenDrawersDTO {
  open: Array<{ id: string; name: string; mine: boolean }>
}

/** For a payment form: which drawers are open now (decision 017). */
export async function listOpenDrawers(actor: Actor): Promise<OpenDrawersDTO | null> {
  authorizeAny(actor, CASH_HANDLERS)
  const drawers = await db().cashDrawer.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, sessions: { where: { closedAt: null }, select: { openedById: true } } },
  })
  if (drawers.length === 0) return null
  const open = drawers
    .filter((d) => d.sessions.length > 0)
    .map((d) => ({ id: d.id, name: d.name, mine: d.sessions[0]!.openedById === actor.id }))
  return { open: [...open.filter((d) => d.mine), ...open.filter((d) => !d.mine)] }
}

export const listOpenDrawersUseCase = defineUseCase({ name: 'listOpenDrawers', tasks: CASH_HANDLERS })
