import 'server-only'
import { amountInWordsVnd } from '@/domain/amount-in-words'
import { sumAmounts } from '@/domain/tax'
import type { Tx } from '../db'

type Client = Pick<Tx, 'invoice' | 'creditNote'>
import type { EInvoiceDocument, EInvoiceLine } from './provider'

interface Party {
  name?: string
  legalName?: string | null
  taxId?: string
  taxCode?: string | null
  address?: string | null
  invoiceAddress?: string | null
  phone?: string | null
  email?: string | null
}

const LINE_SELECT = {
  description: true,
  quantity: true,
  unitPrice: true,
  taxRateBp: true,
  net: true,
  tax: true,
  gross: true,
  orderLine: { select: { sku: true, product: { select: { unit: true } }, taxCategory: { select: { exempt: true } } } },
} as const

type LineRow = {
  description: string
  quantity: number
  unitPrice: number
  taxRateBp: number
  orderLine: { sku: string | null; product: { unit: string } | null; taxCategory: { exempt: boolean } | null }
}

function line(l: LineRow, amounts: { net: number; tax: number; gross: number }, quantity: number): EInvoiceLine {
  return {
    code: l.orderLine.sku,
    name: l.description,
    unit: l.orderLine.product?.unit ?? '',
    quantity,
    unitPrice: l.unitPrice,
    ...amounts,
    taxRateBp: l.orderLine.taxCategory?.exempt ? null : l.taxRateBp,
  }
}

function totals(lines: EInvoiceLine[]): EInvoiceDocument['totals'] {
  const t = sumAmounts(lines.map((l) => ({ taxRateBp: l.taxRateBp ?? -1, net: l.net, tax: l.tax })))
  return { ...t, byRate: t.byRate.map((r) => ({ ...r, taxRateBp: r.taxRateBp < 0 ? null : r.taxRateBp })) }
}

function parties(seller: Party, buyer: Party) {
  return {
    seller: {
      taxCode: seller.taxId ?? '',
      legalName: seller.legalName || seller.name || '',
      address: seller.address ?? '',
      phone: seller.phone ?? '',
    },
    buyer: {
      name: buyer.name ?? '',
      legalName: buyer.legalName ?? null,
      taxCode: buyer.taxCode ?? null,
      address: buyer.invoiceAddress ?? buyer.address ?? null,
      phone: buyer.phone ?? null,
      email: buyer.email ?? null,
    },
  }
}

/** A document from its stored parts: parties as snapshotted at issue, totals summed from the lines. */
function assemble(
  e: { transactionUuid: string; template: string; symbol: string },
  head: { issuedAt: Date; currency: string; seller: unknown; buyer: unknown; reference: string },
  lines: EInvoiceLine[],
): EInvoiceDocument {
  const t = totals(lines)
  const { seller, buyer } = parties(head.seller as Party, head.buyer as Party)
  return {
    ...e,
    issuedAt: head.issuedAt,
    currency: head.currency,
    seller,
    buyer,
    lines,
    totals: t,
    totalInWords: amountInWordsVnd(t.total),
    reference: head.reference,
  }
}

/** The e-invoice of an issued invoice, from its stored snapshot and lines only (what was issued, never recomputed). */
export async function invoiceDocument(
  tx: Client,
  invoiceId: string,
  e: { transactionUuid: string; template: string; symbol: string },
): Promise<EInvoiceDocument> {
  const inv = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: {
      number: true,
      issuedAt: true,
      currency: true,
      seller: true,
      buyer: true,
      lines: { orderBy: { position: 'asc' }, select: LINE_SELECT },
    },
  })
  return assemble(
    e,
    { ...inv, reference: inv.number },
    inv.lines.map((l) => line(l, l, l.quantity)),
  )
}

/**
 * The adjusting e-invoice of a credit note (decision 023): the credited quantities and amounts as a reduction of the
 * original e-invoice, which must have been issued (its number is what the adjustment names).
 */
export async function creditNoteDocument(
  tx: Client,
  creditNoteId: string,
  e: { transactionUuid: string; template: string; symbol: string },
  original: { providerNumber: string; issuedAt: Date; template: string },
): Promise<EInvoiceDocument> {
  const cn = await tx.creditNote.findUniqueOrThrow({
    where: { id: creditNoteId },
    select: {
      number: true,
      issuedAt: true,
      currency: true,
      reason: true,
      invoice: { select: { seller: true, buyer: true } },
      lines: { select: { quantity: true, net: true, tax: true, gross: true, invoiceLine: { select: LINE_SELECT } } },
    },
  })
  const lines = cn.lines.map((l) => line(l.invoiceLine, { net: -l.net, tax: -l.tax, gross: -l.gross }, l.quantity))
  const doc = assemble(e, { ...cn, ...cn.invoice, reference: cn.number }, lines)
  return { ...doc, adjusts: { ...original, reason: cn.reason } }
}
