// The e-invoice XML export (docs/decisions/024): an invoice with lines at 8 %, 10 % and not subject to VAT, for a
// company with a tax code, fetched through the route as the billing desk would, parsed with a real XML parser; its
// credit note as an adjusting invoice; who may not, unknown ids, a shop without an invoice symbol.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { NextRequest } from 'next/server'
import { GET as creditNoteXml } from '@/app/api/back/credit-notes/[id]/xml/route'
import { GET as invoiceXml } from '@/app/api/back/invoices/[id]/xml/route'
import { issueCreditNote } from '@/server/billing/issue-credit-note'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { db } from '@/server/db'
import { fixedRateCategoryId, taxCategoryRow } from '@/server/seed/factories'
import type { Actor } from '@/server/auth/actor'
import { makeActor, makeCustomer, makeStaff } from '../support/factories'
import { all, parseXml, tags, text, type XmlNode } from '../support/xml'
import { ensureSettings, makeOrder } from './back-support'
import { session } from './security-support'

vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())

let clerk: Actor
let receptionist: { id: string }
let invoiceId: string
let invoiceSeq: number
let invoiceNumber: string

const SELLER = { taxId: '0312345678', legalName: 'Công ty TNHH In Nhanh & Cộng sự', address: '12 Lê Lợi, Quận 1, TP.HCM' }

async function get(route: typeof invoiceXml, kind: 'invoices' | 'credit-notes', id: string, as: { id: string } | null) {
  session.current = as ? { user: { id: as.id, sv: 1 } } : null
  const response = await route(new NextRequest(`http://localhost/api/back/${kind}/${id}/xml`), { params: Promise.resolve({ id }) })
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

beforeAll(async () => {
  await ensureSettings()
  await db().businessSettings.update({
    where: { id: 1 },
    data: { ...SELLER, invoiceTemplate: '1', invoiceSymbol: 'C26TAA', einvoiceProvider: 'NONE', currency: 'VND' },
  })
  clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
  receptionist = await makeStaff({ homeRole: 'RECEPTIONIST' })
  const customer = await makeCustomer({ name: 'Chị Lan' })
  await db().customer.update({
    where: { id: customer.id },
    data: { taxCode: '0100109106-506', legalName: 'Công ty CP <Ánh Dương> "AD"', invoiceAddress: '5 Nguyễn Huệ, Quận 1' },
  })
  const exempt = await taxCategoryRow({
    code: 'exempt',
    name: 'Không chịu thuế',
    exempt: true,
    periods: [{ validFrom: '2000-01-01', rateBp: 0 }],
  })
  // 10 x 25,000 at 8 % = 250,000 + 20,000; 4 x 50,000 at 10 % = 200,000 + 20,000; 3 x 40,000 exempt = 120,000.
  const order = await makeOrder({
    customerId: customer.id,
    lines: [
      {
        description: 'Tờ rơi A5 & A6',
        quantity: 10,
        unitPrice: 25_000,
        taxRateBp: 800,
        taxCategoryId: await fixedRateCategoryId(800),
        qtyFulfilled: 10,
      },
      {
        description: 'Poster A2',
        quantity: 4,
        unitPrice: 50_000,
        taxRateBp: 1000,
        taxCategoryId: await fixedRateCategoryId(1000),
        qtyFulfilled: 4,
      },
      { description: 'Sách hướng dẫn', quantity: 3, unitPrice: 40_000, taxRateBp: 0, taxCategoryId: exempt.id, qtyFulfilled: 3 },
    ],
  })
  const issued = await issueInvoice(clerk, { orderId: order.id })
  invoiceId = issued.invoiceId
  const row = await db().invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { seq: true, number: true } })
  invoiceSeq = row.seq
  invoiceNumber = row.number
})

afterAll(() => {
  session.current = null
})

describe('GET /api/back/invoices/{id}/xml', () => {
  let root: XmlNode

  it('downloads the invoice as UTF-8 XML named by symbol and number', async () => {
    const { response, bytes } = await get(invoiceXml, 'invoices', invoiceId, clerk)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="C26TAA-${invoiceSeq}.xml"`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    root = parseXml(bytes)
    expect(root.tag).toBe('HDon')
    expect(text(root, 'DLHDon/TTChung/KHMSHDon')).toBe('1')
    expect(text(root, 'DLHDon/TTChung/KHHDon')).toBe('C26TAA')
    expect(text(root, 'DLHDon/TTChung/SHDon')).toBe(String(invoiceSeq))
    expect(text(root, 'DLHDon/TTChung/NLap')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(text(root, 'DLHDon/TTChung/DVTTe')).toBe('VND')
    expect(text(root, 'DLHDon/TTChung/TTKhac/TTin/DLieu')).toBe(invoiceNumber)
  })

  it('names the seller and the buyer as the invoice snapshotted them', () => {
    const seller = all(root, 'DLHDon/NDHDon/NBan')[0]!
    expect([text(seller, 'Ten'), text(seller, 'MST'), text(seller, 'DChi')]).toEqual([SELLER.legalName, SELLER.taxId, SELLER.address])
    const buyer = all(root, 'DLHDon/NDHDon/NMua')[0]!
    expect(text(buyer, 'Ten')).toBe('Công ty CP <Ánh Dương> "AD"')
    expect(text(buyer, 'MST')).toBe('0100109106-506')
    expect(text(buyer, 'DChi')).toBe('5 Nguyễn Huệ, Quận 1')
    expect(text(buyer, 'HVTNMHang')).toBe('Chị Lan')
  })

  it('lists the lines with their rates, KCT for the exempt one, and totals per rate', () => {
    const lines = all(root, 'DLHDon/NDHDon/DSHHDVu/HHDVu')
    expect(lines.map((l) => [text(l, 'THHDVu'), text(l, 'SLuong'), text(l, 'DGia'), text(l, 'ThTien'), text(l, 'TSuat')])).toEqual([
      ['Tờ rơi A5 & A6', '10', '25000', '250000', '8%'],
      ['Poster A2', '4', '50000', '200000', '10%'],
      ['Sách hướng dẫn', '3', '40000', '120000', 'KCT'],
    ])
    const pay = all(root, 'DLHDon/NDHDon/TToan')[0]!
    const byRate = all(pay, 'THTTLTSuat/LTSuat').map((r) => [text(r, 'TSuat'), text(r, 'ThTien'), text(r, 'TThue')])
    expect(byRate).toHaveLength(3)
    expect(byRate).toEqual(
      expect.arrayContaining([
        ['8%', '250000', '20000'],
        ['10%', '200000', '20000'],
        ['KCT', '120000', '0'],
      ]),
    )
    expect([text(pay, 'TgTCThue'), text(pay, 'TgTThue'), text(pay, 'TgTTTBSo')]).toEqual(['570000', '40000', '610000'])
    expect(text(pay, 'TgTTTBChu')).toBe('Sáu trăm mười nghìn đồng')
  })

  it('refuses the counter (403), an unknown or malformed id (404), and a signed-out caller (401)', async () => {
    const refused = await get(invoiceXml, 'invoices', invoiceId, receptionist)
    expect(refused.response.status).toBe(403)
    expect(JSON.parse(new TextDecoder().decode(refused.bytes))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect((await get(invoiceXml, 'invoices', '00000000-0000-4000-8000-000000000000', clerk)).response.status).toBe(404)
    expect((await get(invoiceXml, 'invoices', 'not-a-uuid', clerk)).response.status).toBe(404)
    expect((await get(invoiceXml, 'invoices', invoiceId, null)).response.status).toBe(401)
  })
})

describe('GET /api/back/credit-notes/{id}/xml', () => {
  it('is an adjusting invoice that names the invoice it reduces, with negative amounts', async () => {
    const line = await db().invoiceLine.findFirstOrThrow({ where: { invoiceId, description: 'Poster A2' } })
    const credit = await issueCreditNote(clerk, {
      invoiceId,
      reason: 'Poster in lỗi màu',
      reinvoice: false,
      lines: [{ invoiceLineId: line.id, quantity: 1 }],
    })
    const seq = (await db().creditNote.findUniqueOrThrow({ where: { id: credit.creditNoteId }, select: { seq: true } })).seq
    const { response, bytes } = await get(creditNoteXml, 'credit-notes', credit.creditNoteId, clerk)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="C26TAA-${seq}.xml"`)
    const root = parseXml(bytes)
    const rel = all(root, 'DLHDon/TTChung/TTHDLQuan')[0]!
    expect(tags(rel)).toEqual(['TCHDon', 'LHDCLQuan', 'KHMSHDCLQuan', 'KHHDCLQuan', 'SHDCLQuan', 'NLHDCLQuan', 'GChu'])
    expect([text(rel, 'TCHDon'), text(rel, 'KHHDCLQuan'), text(rel, 'SHDCLQuan'), text(rel, 'GChu')]).toEqual([
      '2',
      'C26TAA',
      String(invoiceSeq),
      'Poster in lỗi màu',
    ])
    const l = all(root, 'DLHDon/NDHDon/DSHHDVu/HHDVu')
    expect(l.map((x) => [text(x, 'THHDVu'), text(x, 'SLuong'), text(x, 'ThTien'), text(x, 'TSuat')])).toEqual([
      ['Poster A2', '1', '-50000', '10%'],
    ])
    expect(text(root, 'DLHDon/NDHDon/TToan/TgTTTBSo')).toBe('-55000')
    expect(text(root, 'DLHDon/NDHDon/TToan/TgTTTBChu')).toBe('Âm năm mươi lăm nghìn đồng')
    expect((await get(creditNoteXml, 'credit-notes', credit.creditNoteId, receptionist)).response.status).toBe(403)
  })
})

describe('a shop without an invoice symbol', () => {
  it('is told to set it first (409), rather than given a file the provider would refuse', async () => {
    await db().businessSettings.update({ where: { id: 1 }, data: { invoiceSymbol: '' } })
    try {
      const { response, bytes } = await get(invoiceXml, 'invoices', invoiceId, clerk)
      expect(response.status).toBe(409)
      expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ error: { code: 'CONFLICT' } })
    } finally {
      await db().businessSettings.update({ where: { id: 1 }, data: { invoiceSymbol: 'C26TAA' } })
    }
  })
})
