import 'server-only'
import { DomainError } from '@/domain/errors'
import { can, isCrossRole, type Capable, type Task } from '@/domain/permissions'

/** The permission check every use case makes first. Returns whether the work counts as cross-role. */
export function authorize(actor: Capable, task: Task): { crossRole: boolean } {
  if (!can(actor, task)) throw new DomainError('FORBIDDEN', 'errors.forbidden', { task })
  return { crossRole: isCrossRole(actor, task) }
}

/** For reads that several tasks may need (e.g. looking at an order): allowed if any one of them is. */
export function authorizeAny(actor: Capable, tasks: readonly Task[]): void {
  if (!tasks.some((task) => can(actor, task))) throw new DomainError('FORBIDDEN', 'errors.forbidden', { task: tasks.join(',') })
}
