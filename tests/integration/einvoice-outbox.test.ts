// Issuing an invoice in Handoff issues its e-invoice through the provider after commit, by the outbox (decision 023):
// provider down -> retried -> issued once; a timeout after the provider created it -> found, not issued again;
// refused -> the reason on the invoice, nothing half-done; a credit note -> an adjusting e-invoice of the original.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueCreditNote } from '@/server/billing/issue-credit-note'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { retryEInvoice } from '@/server/einvoice/retry-einvoice'
import { getInvoice } from '@/server/billing/get-invoice'
import { db } from '@/server/db'
import { providerSecretContext } from '@/server/einvoice/config'
import '@/server/outbox/handlers'
import { startOutboxWorker, type OutboxWorker } from '@/server/outbox/worker'
import { sealSecret } from '@/server/secrets'
import type { Actor } from '@/server/auth/actor'
import { makeActor } from '../support/factories'
import { STUB_CREDENTIALS, startSInvoiceStub, type SInvoiceStub } from '../support/sinvoice-stub'
import { until } from '../support/wait'
import { ensureSettings, makeOrder } from './back-support'

process.env.HANDOFF_OUTBOX_RETRY_DELAY_SECONDS = '1'
process.env.HANDOFF_OUTBOX_POLL_SECONDS = '0.5'
process.env.HANDOFF_EINVOICE_TIMEOUT_MS = '500'
process.env.HANDOFF_SECRETS_KEY = randomBytes(32).toString('base64')

let stub: SInvoiceStub
let worker: OutboxWorker
let clerk: Actor

beforeAll(async () => {
  stub = await startSInvoiceStub()
  process.env.HANDOFF_VIETTEL_API_URL = stub.url
  await ensureSettings()
  await db().businessSettings.update({
    where: { id: 1 },
    data: {
      taxId: '0100109106-506',
      legalName: 'Công ty TNHH In Nhanh Sài Gòn',
      invoiceTemplate: '1',
      invoiceSymbol: 'C26TAA',
      einvoiceProvider: 'VIETTEL',
      einvoiceUsername: STUB_CREDENTIALS.username,
      einvoiceSecret: sealSecret(STUB_CREDENTIALS.password, providerSecretContext('VIETTEL')),
    },
  })
  clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
  worker = await startOutboxWorker({ schedule: false, pollSeconds: 0.5 })
})

afterAll(async () => {
  await worker?.stop()
  await stub?.close()
})

async function invoiceDone() {
  const order = await makeOrder({ lines: [{ quantity: 4, unitPrice: 25_000, taxRateBp: 800, qtyFulfilled: 4 }] })
  return issueInvoice(clerk, { orderId: order.id })
}

const settled = (where: { invoiceId: string } | { creditNoteId: string }) =>
  until(async () => {
    const row = await db().eInvoice.findFirst({ where })
    return row && row.status !== 'WAITING' ? row : null
  }, 30_000)

describe('e-invoices through the outbox', () => {
  it('waits, then the provider is down twice: retried, issued once, its number and lookup code on the invoice', async () => {
    stub.mishaps.push('down', 'down')
    const issued = await invoiceDone()
    const waiting = await getInvoice(clerk, issued.invoiceId)
    expect(waiting.einvoice).toMatchObject({ status: 'WAITING', inFlight: true, retryable: false })
    const row = await settled({ invoiceId: issued.invoiceId })
    expect(row).toMatchObject({
      status: 'ISSUED',
      attempts: 3,
      providerNumber: expect.stringMatching(/^C26TAA\d+$/),
      lookupCode: expect.any(String),
    })
    expect([...stub.invoices.values()].filter((i) => i.transactionUuid === row.transactionUuid)).toHaveLength(1)
    const shown = await getInvoice(clerk, issued.invoiceId)
    expect(shown.einvoice).toMatchObject({ status: 'ISSUED', providerNumber: row.providerNumber, lookupCode: row.lookupCode })
    // The shop's own gapless number is still the invoice's number.
    expect(shown.number).toBe(issued.number)
    // What was sent is what was issued: the invoice's own lines and totals, in words too.
    const sent = stub.invoices.get(row.transactionUuid)!.body as {
      itemInfo: Array<{ taxAmount: number }>
      metadata: Array<{ stringValue: string }>
    }
    expect(sent.itemInfo.map((i) => i.taxAmount)).toEqual([8_000])
    expect(sent.metadata[0]!.stringValue).toBe(issued.number)
  })

  it('a timeout after the provider created it: the retry finds it, and only one exists', async () => {
    const before = stub.invoices.size
    stub.mishaps.push('createThenHang')
    const issued = await invoiceDone()
    const row = await settled({ invoiceId: issued.invoiceId })
    expect(row.status).toBe('ISSUED')
    expect(row.attempts).toBe(2)
    expect(stub.invoices.size).toBe(before + 1)
  })

  it('refused: rejected with the provider reason, the outbox entry failed, the invoice itself untouched', async () => {
    stub.refuse = 'Ký hiệu hóa đơn chưa được đăng ký'
    try {
      const issued = await invoiceDone()
      const row = await settled({ invoiceId: issued.invoiceId })
      expect(row).toMatchObject({ status: 'REJECTED', reason: 'Ký hiệu hóa đơn chưa được đăng ký', providerNumber: null })
      const entry = await until(async () => {
        const e = await db().outboxEntry.findUnique({ where: { key: `einvoice:${row.id}` } })
        return e && e.status === 'FAILED' ? e : null
      })
      expect(entry.attempts).toBe(1)
      const shown = await getInvoice(clerk, issued.invoiceId)
      expect(shown).toMatchObject({ number: issued.number, total: issued.total })
      expect(shown.einvoice).toMatchObject({ status: 'REJECTED', reason: 'Ký hiệu hóa đơn chưa được đăng ký' })
    } finally {
      stub.refuse = null
    }
  })

  it('refused, then tried again by someone who invoices once the cause is fixed: issued once, audited', async () => {
    stub.refuse = 'Mã số thuế người mua không hợp lệ'
    const issued = await invoiceDone()
    const row = await settled({ invoiceId: issued.invoiceId })
    await until(async () => (await db().outboxEntry.findUnique({ where: { key: `einvoice:${row.id}` } }))?.status === 'FAILED')
    stub.refuse = null
    expect((await getInvoice(clerk, issued.invoiceId)).einvoice).toMatchObject({ status: 'REJECTED', retryable: true, inFlight: false })

    const receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
    await expect(retryEInvoice(receptionist, { einvoiceId: row.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await retryEInvoice(clerk, { einvoiceId: row.id })
    const again = await settled({ invoiceId: issued.invoiceId })
    expect(again).toMatchObject({ status: 'ISSUED', reason: null })
    expect([...stub.invoices.values()].filter((i) => i.transactionUuid === again.transactionUuid)).toHaveLength(1)
    expect((await getInvoice(clerk, issued.invoiceId)).einvoice).toMatchObject({ status: 'ISSUED', retryable: false, inFlight: false })
    // Issued is final: nothing to try again, and the refusal changes nothing.
    await expect(retryEInvoice(clerk, { einvoiceId: row.id })).rejects.toMatchObject({ code: 'CONFLICT' })
    const trail = await db().auditEvent.findMany({ where: { action: 'einvoice.retried', entityId: row.id } })
    expect(trail).toHaveLength(1)
    expect(trail[0]).toMatchObject({ actorId: clerk.id, task: 'INVOICE', data: { was: 'REJECTED' } })
  })

  it('a credit note becomes an adjusting e-invoice of the original', async () => {
    const issued = await invoiceDone()
    const original = await settled({ invoiceId: issued.invoiceId })
    const line = await db().invoiceLine.findFirstOrThrow({ where: { invoiceId: issued.invoiceId } })
    const credit = await issueCreditNote(clerk, {
      invoiceId: issued.invoiceId,
      reason: 'Khách trả lại 1 tấm',
      reinvoice: false,
      lines: [{ invoiceLineId: line.id, quantity: 1 }],
    })
    const adjusting = await settled({ creditNoteId: credit.creditNoteId })
    expect(adjusting.status).toBe('ISSUED')
    const sent = stub.invoices.get(adjusting.transactionUuid)!.body as {
      generalInvoiceInfo: Record<string, unknown>
      itemInfo: Array<Record<string, unknown>>
    }
    expect(sent.generalInvoiceInfo).toMatchObject({
      adjustmentType: '5',
      originalInvoiceId: original.providerNumber,
      additionalReferenceDesc: 'Khách trả lại 1 tấm',
    })
    expect(sent.itemInfo).toEqual([
      expect.objectContaining({ quantity: 1, itemTotalAmountWithoutTax: 25_000, taxAmount: 2_000, isIncreaseItem: false }),
    ])
  })

  it('an issued e-invoice is final in the database', async () => {
    const row = await db().eInvoice.findFirstOrThrow({ where: { status: 'ISSUED' } })
    await expect(db().eInvoice.update({ where: { id: row.id }, data: { status: 'REJECTED' } })).rejects.toThrow()
    await expect(db().eInvoice.delete({ where: { id: row.id } })).rejects.toThrow()
  })
})
