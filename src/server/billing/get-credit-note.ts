import 'server-only'
import { ORDER_READERS } from '@/domain/permissions'
import { invoiceOpen, maxRefund } from '@/domain/billing'
import { DomainError } from '@/domain/errors'
import { formatOrderNumber } from '@/domain/numbering'
import { sumAmounts, type RateBreakdown } from '@/domain/tax'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { partySnapshot as party, type DocumentLineDTO, type PartySnapshot } from './get-invoice'

export interface CreditNoteDocumentDTO {
  id: string
  number: string
  issuedAt: string
  currency: string
  reason: string
  reinvoice: boolean
  seller: PartySnapshot
  buyer: PartySnapshot
  invoice: { id: string; number: string; issuedAt: string }
  order: { id: string; number: string }
  issuedBy: string
  lines: DocumentLineDTO[]
  subtotal: number
  taxTotal: number
  total: number
  byRate: RateBreakdown[]
  refunds: Array<{
    id: string
    method: 'CASH' | 'CARD' | 'TRANSFER'
    receivedAt: string
    amount: number
    reference: string | null
    by: string
  }>
  refunded: number
  refundable: number
}

/** A credit note as printed (seller and buyer from its invoice's snapshot), with its refunds and what is refundable. */
export async function getCreditNote(actor: Actor, creditNoteId: string): Promise<CreditNoteDocumentDTO> {
  authorizeAny(actor, ORDER_READERS)
  const settings = await getSettings()
  const cn = await db().creditNote.findUnique({
    where: { id: creditNoteId },
    select: {
      id: true,
      number: true,
      issuedAt: true,
      currency: true,
      reason: true,
      reinvoice: true,
      subtotal: true,
      taxTotal: true,
      total: true,
      issuedBy: { select: { name: true } },
      order: { select: { id: true, number: true, payments: { select: { amount: true } } } },
      invoice: {
        select: {
          id: true,
          number: true,
          issuedAt: true,
          total: true,
          seller: true,
          buyer: true,
          creditNotes: { select: { total: true } },
          allocations: { select: { amount: true, paymentId: true } },
        },
      },
      lines: {
        select: {
          id: true,
          quantity: true,
          net: true,
          tax: true,
          gross: true,
          invoiceLine: { select: { description: true, unitPrice: true, taxRateBp: true, position: true } },
        },
      },
      refunds: {
        orderBy: { receivedAt: 'asc' },
        select: { id: true, method: true, receivedAt: true, amount: true, reference: true, receivedBy: { select: { name: true } } },
      },
    },
  })
  if (!cn) throw new DomainError('NOT_FOUND', 'errors.notFound')
  const refunded = -cn.refunds.reduce((s, r) => s + r.amount, 0)
  const credited = cn.invoice.creditNotes.reduce((s, c) => s + c.total, 0)
  const open = invoiceOpen(
    { id: cn.invoice.id, total: cn.invoice.total, credited },
    cn.invoice.allocations.map((a) => ({ ...a, invoiceId: cn.invoice.id })),
  )
  const held = cn.order.payments.reduce((s, p) => s + p.amount, 0)
  const lines = [...cn.lines]
    .sort((a, b) => a.invoiceLine.position - b.invoiceLine.position)
    .map((l) => ({
      id: l.id,
      description: l.invoiceLine.description,
      quantity: l.quantity,
      unitPrice: l.invoiceLine.unitPrice,
      taxRateBp: l.invoiceLine.taxRateBp,
      net: l.net,
      tax: l.tax,
      gross: l.gross,
    }))
  return {
    id: cn.id,
    number: cn.number,
    issuedAt: cn.issuedAt.toISOString(),
    currency: cn.currency,
    reason: cn.reason,
    reinvoice: cn.reinvoice,
    seller: party(cn.invoice.seller),
    buyer: party(cn.invoice.buyer),
    invoice: { id: cn.invoice.id, number: cn.invoice.number, issuedAt: cn.invoice.issuedAt.toISOString() },
    order: { id: cn.order.id, number: formatOrderNumber(settings.orderPrefix, cn.order.number) },
    issuedBy: cn.issuedBy.name,
    lines,
    subtotal: cn.subtotal,
    taxTotal: cn.taxTotal,
    total: cn.total,
    byRate: sumAmounts(lines).byRate,
    refunds: cn.refunds.map((r) => ({
      id: r.id,
      method: r.method,
      receivedAt: r.receivedAt.toISOString(),
      amount: -r.amount,
      reference: r.reference,
      by: r.receivedBy.name,
    })),
    refunded,
    refundable: maxRefund({ creditTotal: cn.total, refundedOnCredit: refunded, invoiceOpen: open, held }),
  }
}
