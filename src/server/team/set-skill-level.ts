import 'server-only'
import type { SetSkillLevelInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { applySkillLevel, type SkillChangeResult } from './skill-level-core'

/** Edit one cell of the skills matrix. The person's new rights apply on their next request (session version bump). */
export async function setSkillLevel(actor: Actor, input: SetSkillLevelInput, now = new Date()): Promise<SkillChangeResult> {
  authorize(actor, 'MANAGE_TEAM')
  return db().$transaction((tx) => applySkillLevel(tx, actor, input, now))
}
