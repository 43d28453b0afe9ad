import 'server-only'
import type { SetSkillLevelInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { db } from '../db'
import { applySkillLevel, type SkillChangeResult } from './skill-level-core'
import { setSkillLevelSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/** Edit one cell of the skills matrix. The person's new rights apply on their next request (session version bump). */
export async function setSkillLevel(actor: Actor, input: SetSkillLevelInput, now = new Date()): Promise<SkillChangeResult> {
  authorize(actor, setSkillLevelUseCase.tasks)
  return db().$transaction((tx) => applySkillLevel(tx, actor, input, now))
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const setSkillLevelUseCase = defineUseCase({
  name: 'setSkillLevel',
  tasks: 'MANAGE_TEAM',
  schema: setSkillLevelSchema,
  run: setSkillLevel,
})
