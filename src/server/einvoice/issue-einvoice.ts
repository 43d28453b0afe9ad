import 'server-only'
import { randomUUID } from 'node:crypto'
import { db, type Tx } from '../db'
import { enqueueOutbox } from '../outbox/enqueue'
import { PermanentFailure, TemporaryFailure } from '../outbox/failures'
import { einvoiceSetupMissing } from '@/domain/einvoice-setup'
import { einvoiceSettings, providerClient } from './config'
import { readEInvoiceSettings } from './get-einvoice-settings'
import { creditNoteDocument, invoiceDocument } from './document'
import { EInvoiceRejected, issueOnce, type EInvoiceProvider, type IssuedEInvoice } from './provider'

export const EINVOICE_KIND = 'einvoice.issue'
/** The outbox entry of an e-invoice: one per document, its idempotency key. */
export const einvoiceOutboxKey = (einvoiceId: string) => `einvoice:${einvoiceId}`

/** The reason stored on a waiting e-invoice while the settings its provider needs are missing (the invoice page
 * explains it in the reader's language, from the settings as they are then). */
export const EINVOICE_NOT_SET_UP = 'e-invoice settings incomplete'

/** Whether the settings a provider needs are all there now (decision 025). */
export async function einvoiceSetUp(provider: string): Promise<boolean> {
  const s = await readEInvoiceSettings()
  return einvoiceSetupMissing({ ...s, provider, einvoiceUsername: s.username }).length === 0
}

/**
 * Called inside the transaction that issues an invoice or a credit note: when the shop issues e-invoices, writes the
 * document's e-invoice as WAITING, with the transaction id every try will send, and the outbox entry that makes the
 * worker issue it after commit. Both commit or roll back with the document (docs/decisions/023).
 */
export async function queueEInvoice(tx: Tx, document: { invoiceId: string } | { creditNoteId: string }, orderId: string): Promise<void> {
  const settings = await einvoiceSettings(tx)
  if (settings.provider === 'NONE') return
  const row = await tx.eInvoice.create({
    data: { ...document, provider: settings.provider, transactionUuid: randomUUID(), template: settings.template, symbol: settings.symbol },
    select: { id: true },
  })
  await enqueueOutbox(tx, { kind: EINVOICE_KIND, key: einvoiceOutboxKey(row.id), payload: { einvoiceId: row.id }, orderId })
}

const SELECT = {
  id: true,
  provider: true,
  status: true,
  transactionUuid: true,
  template: true,
  symbol: true,
  attempts: true,
  invoiceId: true,
  creditNoteId: true,
  providerNumber: true,
  taxAuthorityCode: true,
  lookupCode: true,
  lookupUrl: true,
  creditNote: {
    select: { invoice: { select: { einvoice: { select: { status: true, providerNumber: true, issuedAt: true, template: true } } } } },
  },
} as const

async function buildDocument(row: Awaited<ReturnType<typeof load>>) {
  const e = { transactionUuid: row.transactionUuid, template: row.template, symbol: row.symbol }
  if (row.invoiceId) return invoiceDocument(db(), row.invoiceId, e)
  const original = row.creditNote?.invoice.einvoice
  if (!original || original.status === 'REJECTED') throw new PermanentFailure('the invoice it adjusts has no e-invoice')
  if (original.status !== 'ISSUED' || !original.providerNumber || !original.issuedAt) {
    throw new TemporaryFailure('the invoice it adjusts is still waiting for its e-invoice')
  }
  const adjusts = { providerNumber: original.providerNumber, issuedAt: original.issuedAt, template: original.template }
  return creditNoteDocument(db(), row.creditNoteId!, e, adjusts)
}

const load = (id: string) => db().eInvoice.findUniqueOrThrow({ where: { id }, select: SELECT })

/**
 * Issues one e-invoice through its provider; idempotent: an ISSUED one is returned as it is, and a document tried
 * before is first looked up at the provider by its transaction id, so a retry after a timeout or a crash never
 * issues it twice. The try is counted before the provider is called. A refusal is stored with its reason (REJECTED)
 * and is final (PermanentFailure); an unreachable provider leaves it WAITING with the reason, to be tried again.
 */
export async function issueEInvoice(einvoiceId: string, provider?: EInvoiceProvider): Promise<IssuedEInvoice> {
  const row = await load(einvoiceId)
  if (row.status === 'ISSUED') {
    return {
      providerNumber: row.providerNumber!,
      lookupCode: row.lookupCode,
      taxAuthorityCode: row.taxAuthorityCode,
      lookupUrl: row.lookupUrl,
    }
  }
  if (row.status === 'REJECTED') throw new PermanentFailure('rejected by the provider')
  // Not set up (a password cleared, a symbol removed): wait for the manager instead of sending what would be refused.
  if (!provider && !(await einvoiceSetUp(row.provider))) {
    await db().eInvoice.update({ where: { id: row.id }, data: { reason: EINVOICE_NOT_SET_UP }, select: { id: true } })
    throw new TemporaryFailure(EINVOICE_NOT_SET_UP)
  }
  const doc = await buildDocument(row)
  await db().eInvoice.update({ where: { id: row.id }, data: { attempts: { increment: 1 } }, select: { id: true } })
  try {
    const issued = await issueOnce(provider ?? (await providerClient(row.provider)), doc, row.attempts > 0)
    await db().eInvoice.update({
      where: { id: row.id },
      data: { status: 'ISSUED', ...issued, reason: null, issuedAt: new Date() },
      select: { id: true },
    })
    return issued
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
    if (error instanceof EInvoiceRejected) {
      await db().eInvoice.update({ where: { id: row.id }, data: { status: 'REJECTED', reason }, select: { id: true } })
      throw new PermanentFailure(reason)
    }
    await db().eInvoice.update({ where: { id: row.id }, data: { reason }, select: { id: true } })
    throw new TemporaryFailure(reason)
  }
}
