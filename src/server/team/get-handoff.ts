import 'server-only'
import type { UserIdInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { loadHandoff, type HandoffDTO } from './handoff'
import { userIdSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'

/** A person's open orders and the colleagues who could take them over (manager view). */
export async function getHandoff(actor: Actor, input: UserIdInput, now = new Date()): Promise<HandoffDTO> {
  authorize(actor, getHandoffUseCase.tasks)
  return loadHandoff(input.userId, now)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const getHandoffUseCase = defineUseCase({ name: 'getHandoff', tasks: 'MANAGE_TEAM', schema: userIdSchema, run: getHandoff })
