import 'server-only'
import { ownsTask, type HomeRole, type Task } from '@/domain/permissions'
import type { Prisma } from '@/generated/prisma/client'
import type { Tx } from './db'

export interface AuditEntry {
  action: string
  entityType: string
  entityId?: string | null
  orderId?: string | null
  task?: Task | null
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
  data?: Prisma.InputJsonValue
}

/** The row `audit()` writes, for the few use cases that write their audit rows in their own SQL statement
 * (create-order.ts): whether it is cross-role work is decided here, once. */
export function auditRow(actor: { id: string; homeRole?: HomeRole } | null, entry: AuditEntry) {
  return {
    actorId: actor?.id ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    orderId: entry.orderId ?? null,
    task: entry.task ?? null,
    crossRole: actor?.homeRole && entry.task ? !ownsTask(actor.homeRole, entry.task) : false,
    before: entry.before,
    after: entry.after,
    data: entry.data,
  }
}

/** Append one row to the audit trail (and so to the order's timeline when orderId is set), inside the caller's
 * transaction so the record and the change stand or fall together. */
export async function audit(tx: Tx, actor: { id: string; homeRole?: HomeRole } | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(actor, entry) })
}
