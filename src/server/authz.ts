import 'server-only'
import { DomainError } from '@/domain/errors'
import { can, isCrossRole, type Capable, type Task } from '@/domain/permissions'

/**
 * The permission check every use case makes first, with the task(s) it declares. Several tasks may allow one action
 * (taking a payment at the counter is HANDLE_PICKUP, in the back office RECORD_PAYMENT): the first task the actor's
 * home role owns is chosen, else the first they may do. The chosen task is what the audit row records, so cross-role
 * is counted only when no home-role task allowed it.
 */
export function authorize(actor: Capable, tasks: Task | readonly Task[]): { task: Task; crossRole: boolean } {
  const list: readonly Task[] = typeof tasks === 'string' ? [tasks] : tasks
  const allowed = list.filter((task) => can(actor, task))
  const task = allowed.find((t) => !isCrossRole(actor, t)) ?? allowed[0]
  if (!task) throw new DomainError('FORBIDDEN', 'errors.forbidden', { task: list.join(',') })
  return { task, crossRole: isCrossRole(actor, task) }
}

/** For reads that several tasks may need (e.g. looking at an order): allowed if any one of them is. */
export function authorizeAny(actor: Capable, tasks: readonly Task[]): void {
  if (!tasks.some((task) => can(actor, task))) throw new DomainError('FORBIDDEN', 'errors.forbidden', { task: tasks.join(',') })
}
