import 'server-only'
import { DomainError } from '@/domain/errors'
import { businessDay } from '@/domain/opening-hours'
import { formatBlocks, weekMonday } from '@/domain/roster'
import { applySuggestionSchema, type ApplySuggestionInput } from '@/lib/schemas/roster'
import type { Actor } from '../auth/actor'
import { audit } from '../audit'
import { authorize } from '../authz'
import { db } from '../db'
import { defineUseCase } from '../use-case'
import { computeSuggestion } from './store'

/**
 * Apply the suggestion the manager looked at, in one transaction: each changed day becomes a one-off change for that
 * date (the weekly patterns stay the manager's own), with one audit row per person. It is computed again here; if it
 * no longer matches what was shown (someone edited the roster meanwhile), nothing is written.
 */
export async function applyRosterSuggestion(actor: Actor, input: ApplySuggestionInput, now = new Date()): Promise<{ changed: number }> {
  authorize(actor, applyRosterSuggestionUseCase.tasks)
  const weekStart = weekMonday(input.weekStart)
  return db().$transaction(async (tx) => {
    // One apply at a time: two managers pressing at once would both pass the basis check otherwise.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('roster.apply'))`
    const { suggestion, basis, timeZone } = await computeSuggestion(weekStart)
    if (suggestion.days[0]! <= businessDay(now, timeZone))
      throw new DomainError('INVALID', 'manager.roster.errors.pastWeek', {}, 'weekStart')
    if (basis !== input.basis) throw new DomainError('CONFLICT', 'manager.roster.errors.stale')
    const byPerson = new Map<string, typeof suggestion.changes>()
    for (const c of suggestion.changes) byPerson.set(c.userId, [...(byPerson.get(c.userId) ?? []), c])
    for (const [userId, changes] of byPerson) {
      for (const c of changes) {
        const day = new Date(`${c.day}T00:00:00Z`)
        await tx.shiftOverride.upsert({
          where: { userId_day: { userId, day } },
          create: { userId, day, blocks: c.after },
          update: { blocks: c.after },
        })
      }
      await audit(tx, actor, {
        action: 'roster.suggestion_applied',
        entityType: 'user',
        entityId: userId,
        task: 'MANAGE_TEAM',
        before: Object.fromEntries(changes.map((c) => [c.day, formatBlocks(c.before)])),
        after: Object.fromEntries(changes.map((c) => [c.day, formatBlocks(c.after)])),
      })
    }
    return { changed: suggestion.changes.length }
  })
}

export const applyRosterSuggestionUseCase = defineUseCase({
  name: 'applyRosterSuggestion',
  tasks: 'MANAGE_TEAM',
  schema: applySuggestionSchema,
  run: applyRosterSuggestion,
})
