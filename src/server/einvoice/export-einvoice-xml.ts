import 'server-only'
import { einvoiceXml, einvoiceXmlFilename } from '@/domain/einvoice-xml'
import { DomainError } from '@/domain/errors'
import { BILLING_READERS, mayCall } from '@/domain/permissions'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'
import { einvoiceSettings } from './config'
import { creditNoteDocument, invoiceDocument } from './document'

/** Reading invoices' books: whoever reads invoices and receivables (the billing desk), not the counter. */
export const exportEInvoiceXmlUseCase = defineUseCase({ name: 'exportEInvoiceXml', tasks: BILLING_READERS })

export interface EInvoiceXmlFile {
  filename: string
  body: string
}

type Series = { template: string; symbol: string } | null

/** The template and symbol the document is (or would be) issued under: its e-invoice's when it has one, else the
 * shop's current ones. Refused when the shop has none, or does not invoice in đồng: the file would be invalid. */
async function series(own: Series, currency: string): Promise<{ template: string; symbol: string }> {
  const current = await einvoiceSettings()
  const s = own ?? current
  if (s.symbol === '') throw new DomainError('CONFLICT', 'errors.einvoiceSymbolMissing')
  if (currency !== 'VND') throw new DomainError('CONFLICT', 'errors.einvoiceNotVnd')
  return { template: s.template, symbol: s.symbol }
}

/** Whether the document's page offers the XML: the caller may download it, and it would not be refused for want of a
 * symbol or for its currency. `symbol` is the document's own e-invoice symbol, when it has one. */
export async function xmlExportOffered(actor: Actor, document: { currency: string; symbol?: string | null }): Promise<boolean> {
  if (!mayCall(actor, exportEInvoiceXmlUseCase.tasks) || document.currency !== 'VND') return false
  return Boolean(document.symbol) || (await einvoiceSettings()).symbol !== ''
}

const notFound = () => new DomainError('NOT_FOUND', 'errors.notFound')

/**
 * The XML of an issued invoice in the tax authority's format (docs/decisions/024), for a provider that takes files:
 * the same content the provider client sends (one mapping, src/server/einvoice/document.ts), numbered by Handoff's
 * gapless yearly sequence.
 */
export async function exportInvoiceXml(actor: Actor, invoiceId: string): Promise<EInvoiceXmlFile> {
  authorizeAny(actor, exportEInvoiceXmlUseCase.tasks)
  const inv = await db().invoice.findUnique({
    where: { id: invoiceId },
    select: { seq: true, currency: true, einvoice: { select: { template: true, symbol: true, transactionUuid: true } } },
  })
  if (!inv) throw notFound()
  const s = await series(inv.einvoice, inv.currency)
  const [doc, settings] = await Promise.all([
    invoiceDocument(db(), invoiceId, { ...s, transactionUuid: inv.einvoice?.transactionUuid ?? invoiceId }),
    getSettings(),
  ])
  const input = { ...doc, number: inv.seq, adjusts: undefined }
  return { filename: einvoiceXmlFilename(input), body: einvoiceXml(input, settings.timeZone) }
}

/** The XML of a credit note: an adjusting invoice (decision 023) that names the invoice it reduces. */
export async function exportCreditNoteXml(actor: Actor, creditNoteId: string): Promise<EInvoiceXmlFile> {
  authorizeAny(actor, exportEInvoiceXmlUseCase.tasks)
  const SERIES = { select: { template: true, symbol: true, transactionUuid: true } } as const
  const cn = await db().creditNote.findUnique({
    where: { id: creditNoteId },
    select: {
      seq: true,
      currency: true,
      einvoice: SERIES,
      invoice: { select: { seq: true, issuedAt: true, einvoice: SERIES } },
    },
  })
  if (!cn) throw notFound()
  const [s, original, settings] = await Promise.all([
    series(cn.einvoice, cn.currency),
    series(cn.invoice.einvoice, cn.currency),
    getSettings(),
  ])
  const reduces = { providerNumber: String(cn.invoice.seq), issuedAt: cn.invoice.issuedAt, template: original.template }
  const doc = await creditNoteDocument(db(), creditNoteId, { ...s, transactionUuid: cn.einvoice?.transactionUuid ?? creditNoteId }, reduces)
  const input = {
    ...doc,
    number: cn.seq,
    adjusts: { ...original, number: cn.invoice.seq, issuedAt: cn.invoice.issuedAt, reason: doc.adjusts?.reason ?? '' },
  }
  return { filename: einvoiceXmlFilename(input), body: einvoiceXml(input, settings.timeZone) }
}
