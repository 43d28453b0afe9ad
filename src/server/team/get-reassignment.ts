import 'server-only'
import type { UserIdInput } from '@/lib/schemas/team'
import type { Actor } from '../auth/actor'
import { authorize } from '../authz'
import { userIdSchema } from '@/lib/schemas/team'
import { defineUseCase } from '../use-case'
import { loadReassignment, type ReassignmentDTO } from './reassign'

/** A person's open orders and the colleagues who could take them over (manager view). */
export async function getReassignment(actor: Actor, input: UserIdInput, now = new Date()): Promise<ReassignmentDTO> {
  authorize(actor, getReassignmentUseCase.tasks)
  return loadReassignment(input.userId, now)
}

/** Who may call it and its input, read by its server action, API route and the authorization matrix. */
export const getReassignmentUseCase = defineUseCase({
  name: 'getReassignment',
  tasks: 'MANAGE_TEAM',
  schema: userIdSchema,
  run: getReassignment,
})
