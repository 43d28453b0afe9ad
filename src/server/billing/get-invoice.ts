import { amountInWordsVnd } from '@/domain/amount-in-words'
import 'server-only'
import { ORDER_READERS } from '@/domain/permissions'
import { invoiceOpen } from '@/domain/billing'
import { DomainError } from '@/domain/errors'
import { formatOrderNumber } from '@/domain/numbering'
import { sumAmounts, type RateBreakdown } from '@/domain/tax'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { einvoiceOutboxKey, einvoiceSetUp } from '../einvoice/issue-einvoice'
import { getSettings } from '../settings/get-settings'

/** One line of an issued document (invoice or credit note) as its sheet shows it. */
export interface DocumentLineDTO {
  id: string
  description: string
  quantity: number
  unitPrice: number
  taxRateBp: number
  net: number
  tax: number
  gross: number
}

export interface PartySnapshot {
  name: string
  address?: string | null
  phone?: string | null
  email?: string | null
  taxId?: string | null
  /** The buyer's legal (company) name for a VAT invoice (issue 19); the seller's is its name. */
  legalName?: string | null
}

export interface InvoiceDocumentDTO {
  id: string
  number: string
  issuedAt: string
  dueAt: string
  currency: string
  seller: PartySnapshot
  buyer: PartySnapshot
  order: { id: string; number: string; version: number }
  issuedBy: string
  crossRole: boolean
  lines: Array<DocumentLineDTO & { position: number; qtyFrom: number; credited: number }>
  subtotal: number
  taxTotal: number
  total: number
  byRate: RateBreakdown[]
  creditNotes: Array<{ id: string; number: string; issuedAt: string; total: number; reason: string }>
  payments: Array<{
    id: string
    kind: 'DEPOSIT' | 'PAYMENT' | 'REFUND'
    method: 'CASH' | 'CARD' | 'TRANSFER'
    receivedAt: string
    amount: number
    reference: string | null
  }>
  credited: number
  /** Money applied to it (net of refunds and of money moved to other invoices). */
  paid: number
  /** What it still asks (negative: over-paid after a credit, to refund). */
  balance: number
  /** Its e-invoice (decision 023), when the shop issues them; the total in Vietnamese words for the print. */
  einvoice: EInvoiceStateDTO | null
  totalInWords: string
}

export interface EInvoiceStateDTO {
  id: string
  status: 'WAITING' | 'ISSUED' | 'REJECTED'
  symbol: string
  providerNumber: string | null
  taxAuthorityCode: string | null
  lookupCode: string | null
  lookupUrl: string | null
  /** Why it was refused, or the last temporary problem while it waits. */
  reason: string | null
  /** Waiting while the e-invoice settings are incomplete: only a manager can help (decision 025). */
  notSetUp: boolean
  /** Refused, or given up on by the outbox: someone who invoices may try it again once the cause is fixed. */
  retryable: boolean
  /** Waiting for the provider's answer (set up, still being tried): the page follows it until it changes. */
  inFlight: boolean
}

/** An e-invoice's state as shown, with "not set up" when it waits for settings only a manager can complete. */
async function einvoiceState({
  provider,
  ...e
}: Omit<EInvoiceStateDTO, 'notSetUp' | 'retryable' | 'inFlight'> & { provider: string }): Promise<EInvoiceStateDTO> {
  const entry = await db().outboxEntry.findUnique({ where: { key: einvoiceOutboxKey(e.id) }, select: { status: true } })
  const givenUp = entry?.status === 'FAILED' || entry?.status === 'DEAD'
  const notSetUp = e.status === 'WAITING' && !(await einvoiceSetUp(provider))
  return { ...e, notSetUp, retryable: e.status !== 'ISSUED' && givenUp, inFlight: e.status === 'WAITING' && !notSetUp && !givenUp }
}

/** A seller/buyer snapshot as stored on the invoice (JSON), read defensively. */
export function partySnapshot(json: unknown): PartySnapshot {
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null)
  // A buyer's snapshot names its tax code `taxCode` and its address for invoices `invoiceAddress` (issue-invoice.ts).
  return {
    name: text(o.name) ?? '—',
    address: text(o.invoiceAddress) ?? text(o.address),
    phone: text(o.phone),
    email: text(o.email),
    taxId: text(o.taxId) ?? text(o.taxCode),
    legalName: text(o.legalName),
  }
}

/** An issued invoice as printed: seller and buyer as they were at issue, lines, tax per rate, payments, balance. */
export async function getInvoice(actor: Actor, invoiceId: string): Promise<InvoiceDocumentDTO> {
  authorizeAny(actor, ORDER_READERS)
  const settings = await getSettings()
  const inv = await db().invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true,
      number: true,
      issuedAt: true,
      dueAt: true,
      currency: true,
      seller: true,
      buyer: true,
      subtotal: true,
      taxTotal: true,
      total: true,
      crossRole: true,
      issuedBy: { select: { name: true } },
      order: { select: { id: true, number: true, version: true } },
      einvoice: {
        select: {
          id: true,
          status: true,
          provider: true,
          symbol: true,
          providerNumber: true,
          taxAuthorityCode: true,
          lookupCode: true,
          lookupUrl: true,
          reason: true,
        },
      },
      lines: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          position: true,
          description: true,
          quantity: true,
          qtyFrom: true,
          unitPrice: true,
          taxRateBp: true,
          net: true,
          tax: true,
          gross: true,
          creditLines: { select: { quantity: true } },
        },
      },
      creditNotes: {
        orderBy: [{ issuedAt: 'asc' }, { seq: 'asc' }],
        select: { id: true, number: true, issuedAt: true, total: true, reason: true },
      },
      allocations: {
        orderBy: { createdAt: 'asc' },
        select: { amount: true, payment: { select: { id: true, kind: true, method: true, receivedAt: true, reference: true } } },
      },
    },
  })
  if (!inv) throw new DomainError('NOT_FOUND', 'errors.notFound')
  const credited = inv.creditNotes.reduce((s, c) => s + c.total, 0)
  const open = invoiceOpen(
    { id: inv.id, total: inv.total, credited },
    inv.allocations.map((a) => ({ paymentId: a.payment.id, invoiceId: inv.id, amount: a.amount })),
  )
  // One row per payment: its allocations to this invoice summed (a deposit moved on to another invoice nets out).
  const perPayment = new Map<string, InvoiceDocumentDTO['payments'][number]>()
  for (const a of inv.allocations) {
    const row = perPayment.get(a.payment.id)
    if (row) row.amount += a.amount
    else
      perPayment.set(a.payment.id, {
        id: a.payment.id,
        kind: a.payment.kind,
        method: a.payment.method,
        receivedAt: a.payment.receivedAt.toISOString(),
        amount: a.amount,
        reference: a.payment.reference,
      })
  }
  return {
    id: inv.id,
    number: inv.number,
    issuedAt: inv.issuedAt.toISOString(),
    dueAt: inv.dueAt.toISOString(),
    currency: inv.currency,
    seller: partySnapshot(inv.seller),
    buyer: partySnapshot(inv.buyer),
    order: { id: inv.order.id, number: formatOrderNumber(settings.orderPrefix, inv.order.number), version: inv.order.version },
    issuedBy: inv.issuedBy.name,
    crossRole: inv.crossRole,
    lines: inv.lines.map(({ creditLines, ...l }) => ({ ...l, credited: creditLines.reduce((s, c) => s + c.quantity, 0) })),
    subtotal: inv.subtotal,
    taxTotal: inv.taxTotal,
    total: inv.total,
    byRate: sumAmounts(inv.lines).byRate,
    creditNotes: inv.creditNotes.map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString() })),
    payments: [...perPayment.values()].filter((p) => p.amount !== 0),
    credited,
    paid: inv.total - credited - open,
    balance: open,
    einvoice: inv.einvoice && (await einvoiceState(inv.einvoice)),
    totalInWords: amountInWordsVnd(inv.total),
  }
}
