import 'server-only'
import { BILLING_READERS } from '@/domain/permissions'
import { formatOrderNumber } from '@/domain/numbering'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'

export interface RecentDocumentDTO {
  id: string
  kind: 'invoice' | 'credit_note'
  number: string
  issuedAt: string
  total: number
  customerName: string
  orderNumber: string
}

/** The latest invoices and credit notes, newest first (the billing desk's "what did we just issue"), or the ones
 * whose number contains `q`. */
export async function listRecentDocuments(
  actor: Actor,
  q?: string,
  take = 15,
): Promise<{ invoices: RecentDocumentDTO[]; creditNotes: RecentDocumentDTO[] }> {
  authorizeAny(actor, BILLING_READERS)
  const settings = await getSettings()
  const query = q?.trim().toUpperCase()
  const where = query ? { number: { contains: query } } : {}
  const select = {
    id: true,
    number: true,
    issuedAt: true,
    total: true,
    customer: { select: { name: true } },
    order: { select: { number: true } },
  } as const
  const [invoices, notes] = await Promise.all([
    db().invoice.findMany({ where, orderBy: [{ issuedAt: 'desc' }, { seq: 'desc' }], take, select }),
    db().creditNote.findMany({ where, orderBy: [{ issuedAt: 'desc' }, { seq: 'desc' }], take, select }),
  ])
  const map =
    (kind: RecentDocumentDTO['kind']) =>
    (d: (typeof invoices)[number]): RecentDocumentDTO => ({
      id: d.id,
      kind,
      number: d.number,
      issuedAt: d.issuedAt.toISOString(),
      total: d.total,
      customerName: d.customer.name,
      orderNumber: formatOrderNumber(settings.orderPrefix, d.order.number),
    })
  return { invoices: invoices.map(map('invoice')), creditNotes: notes.map(map('credit_note')) }
}
