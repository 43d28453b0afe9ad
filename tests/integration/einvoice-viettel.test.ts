// Contract test of the Viettel SInvoice client against a local server that answers as SInvoice does.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EInvoiceRejected, EInvoiceUnavailable, issueOnce, type EInvoiceDocument } from '@/server/einvoice/provider'
import { ViettelSInvoice } from '@/server/einvoice/viettel'
import { STUB_CREDENTIALS, startSInvoiceStub, type SInvoiceStub } from '../support/sinvoice-stub'

let stub: SInvoiceStub
beforeAll(async () => {
  stub = await startSInvoiceStub()
})
afterAll(async () => {
  await stub.close()
})

type Row = Record<string, unknown>
interface SentInvoice {
  generalInvoiceInfo: Row
  buyerInfo: Row
  sellerInfo: Row
  itemInfo: Row[]
  taxBreakdowns: Row[]
}
/** What the stand-in received for a transaction. */
const body = (uuid: string) => stub.invoices.get(uuid)!.body as unknown as SentInvoice

const client = (overrides: Partial<{ password: string; timeoutMs: number }> = {}) =>
  new ViettelSInvoice({ baseUrl: stub.url, ...STUB_CREDENTIALS, supplierTaxCode: '0100109106-506', timeoutMs: 2_000, ...overrides })

function doc(overrides: Partial<EInvoiceDocument> = {}): EInvoiceDocument {
  return {
    transactionUuid: randomUUID(),
    template: '1',
    symbol: 'C26TAA',
    issuedAt: new Date('2027-01-03T03:00:00.250Z'),
    currency: 'VND',
    seller: { taxCode: '0100109106-506', legalName: 'Công ty TNHH In Nhanh', address: '1 Lê Lợi, Quận 1', phone: '+84 28 0000 0000' },
    buyer: {
      name: 'Nguyễn Văn A',
      legalName: 'Công ty A',
      taxCode: '0100233488',
      address: '2 Hàng Bạc',
      phone: '0901 234 567',
      email: null,
    },
    lines: [
      {
        code: 'IN-A4',
        name: 'In A4 màu',
        unit: 'trang',
        quantity: 3,
        unitPrice: 2_500,
        net: 7_500,
        taxRateBp: 800,
        tax: 600,
        gross: 8_100,
      },
      {
        code: 'IN-A4',
        name: 'In A4 màu',
        unit: 'trang',
        quantity: 2,
        unitPrice: 2_500,
        net: 5_000,
        taxRateBp: 1000,
        tax: 500,
        gross: 5_500,
      },
    ],
    totals: {
      subtotal: 12_500,
      taxTotal: 1_100,
      total: 13_600,
      byRate: [
        { taxRateBp: 800, net: 7_500, tax: 600 },
        { taxRateBp: 1000, net: 5_000, tax: 500 },
      ],
    },
    totalInWords: 'Mười ba nghìn sáu trăm đồng',
    reference: 'HD-2027-000001',
    ...overrides,
  }
}

describe('Viettel SInvoice client', () => {
  it('signs in, then creates the invoice with the token cookie and the documented body', async () => {
    const d = doc()
    const issued = await client().issue(d)
    expect(issued).toMatchObject({ providerNumber: 'C26TAA1', lookupCode: 'RC1000', taxAuthorityCode: 'M1-26-C26TAA1' })
    const sent = body(d.transactionUuid)
    expect(sent.generalInvoiceInfo).toMatchObject({
      transactionUuid: d.transactionUuid,
      templateCode: '1/001',
      invoiceSeries: 'C26TAA',
      // Milliseconds since the epoch with the milliseconds dropped, as SInvoice wants them.
      invoiceIssuedDate: Date.parse('2027-01-03T03:00:00Z'),
      currencyCode: 'VND',
      adjustmentType: '1',
    })
    expect(sent.buyerInfo).toMatchObject({ buyerTaxCode: '0100233488', buyerPhoneNumber: '0901234567' })
    expect(sent.sellerInfo).toMatchObject({ sellerTaxCode: '0100109106-506', sellerPhoneNumber: '00842800000000' })
    expect(sent.itemInfo.map((i) => [i.quantity, i.taxPercentage, i.taxAmount])).toEqual([
      [3, 8, 600],
      [2, 10, 500],
    ])
    expect(sent.taxBreakdowns).toEqual([
      { taxPercentage: 8, taxableAmount: 7_500, taxAmount: 600, taxableAmountPos: true, taxAmountPos: true },
      { taxPercentage: 10, taxableAmount: 5_000, taxAmount: 500, taxableAmountPos: true, taxAmountPos: true },
    ])
    const create = stub.requests.filter((r) => r.path.includes('createInvoice'))
    expect(create.at(-1)!.path).toBe('/services/einvoiceapplication/api/InvoiceAPI/InvoiceWS/createInvoice/0100109106-506')
    expect(create.at(-1)!.cookie).toMatch(/^tok-/)
  })

  it('wrong credentials are a refusal, not something to retry', async () => {
    await expect(client({ password: 'wrong' }).issue(doc())).rejects.toBeInstanceOf(EInvoiceRejected)
  })

  it('a refused invoice says why', async () => {
    stub.refuse = 'Mã số thuế người mua không hợp lệ'
    try {
      await expect(client().issue(doc())).rejects.toThrow(new EInvoiceRejected('Mã số thuế người mua không hợp lệ'))
    } finally {
      stub.refuse = null
    }
  })

  it('provider down: unavailable, and the next try issues it once', async () => {
    const d = doc()
    stub.mishaps.push('down')
    await expect(client().issue(d)).rejects.toBeInstanceOf(EInvoiceUnavailable)
    expect(stub.invoices.has(d.transactionUuid)).toBe(false)
    await issueOnce(client(), d, true)
    expect([...stub.invoices.values()].filter((i) => i.transactionUuid === d.transactionUuid)).toHaveLength(1)
  })

  it('a timeout after the provider created it: the retry finds it instead of issuing a second one', async () => {
    const d = doc()
    const before = stub.invoices.size
    stub.mishaps.push('createThenHang')
    await expect(client({ timeoutMs: 300 }).issue(d)).rejects.toThrow(/timeout/)
    expect(stub.invoices.size).toBe(before + 1)
    const again = await issueOnce(client(), d, true)
    expect(again.providerNumber).toBe(stub.invoices.get(d.transactionUuid)!.invoiceNo)
    expect(stub.invoices.size).toBe(before + 1)
  })

  it('an "already issued" answer to a resend is read as the invoice it names', async () => {
    const d = doc()
    const first = await client().issue(d)
    const before = stub.invoices.size
    // Sent again without asking first (a caller that lost the first answer): SInvoice refuses the duplicate.
    expect(await client().issue(d)).toEqual(first)
    expect(stub.invoices.size).toBe(before)
  })

  it('a request that hangs is abandoned at the timeout as unavailable', async () => {
    stub.mishaps.push('hang')
    await expect(client({ timeoutMs: 300 }).issue(doc())).rejects.toBeInstanceOf(EInvoiceUnavailable)
  })

  it('an adjusting invoice names the invoice it adjusts and marks the reduction', async () => {
    const original = await client().issue(doc())
    const d = doc({
      lines: [
        {
          code: 'IN-A4',
          name: 'In A4 màu',
          unit: 'trang',
          quantity: 1,
          unitPrice: 2_500,
          net: -2_500,
          taxRateBp: 800,
          tax: -200,
          gross: -2_700,
        },
      ],
      totals: { subtotal: -2_500, taxTotal: -200, total: -2_700, byRate: [{ taxRateBp: 800, net: -2_500, tax: -200 }] },
      adjusts: {
        providerNumber: original.providerNumber,
        issuedAt: new Date('2027-01-03T03:00:00Z'),
        template: '1',
        reason: 'Trả lại 1 trang',
      },
    })
    await client().issue(d)
    const sent = body(d.transactionUuid)
    expect(sent.generalInvoiceInfo).toMatchObject({
      adjustmentType: '5',
      originalInvoiceId: original.providerNumber,
      originalTemplateCode: '1/001',
    })
    expect(sent.itemInfo[0]).toMatchObject({ isIncreaseItem: false, itemTotalAmountWithoutTax: 2_500, adjustmentTaxAmount: 200 })
    expect(sent.taxBreakdowns[0]).toMatchObject({ taxableAmountPos: false, taxAmountPos: false })
  })

  it('fetches the PDF of an issued invoice', async () => {
    const issued = await client().issue(doc())
    const pdf = await client().representationFile('1', issued.providerNumber)
    expect(pdf?.toString()).toBe(`%PDF-1.4 ${issued.providerNumber}`)
  })
})
