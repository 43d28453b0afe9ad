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

/**
 * For actions several tasks allow (taking a payment at the counter is HANDLE_PICKUP, in the back office
 * RECORD_PAYMENT): authorize by the first task the actor's home role owns, else the first they may do. The chosen
 * task is what the audit row records, so cross-role is counted only when no home-role task allowed it.
 */
export function authorizeEither(actor: Capable, tasks: readonly Task[]): { task: Task; crossRole: boolean } {
  const allowed = tasks.filter((task) => can(actor, task))
  const task = allowed.find((t) => !isCrossRole(actor, t)) ?? allowed[0]
  if (!task) throw new DomainError('FORBIDDEN', 'errors.forbidden', { task: tasks.join(',') })
  return { task, crossRole: isCrossRole(actor, task) }
}
