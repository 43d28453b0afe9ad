import { describe, expect, it } from 'vitest'
import { amountInWordsVnd } from '@/domain/amount-in-words'
import { einvoiceXml, einvoiceXmlFilename, escapeXml, rateLabel, type EInvoiceXmlInput } from '@/domain/einvoice-xml'
import { all, parseXml, tags, text } from '../support/xml'

const TZ = 'Asia/Ho_Chi_Minh'

// 2 x 100,000 at 8 % + 1 x 200,000 at 10 % + 1 x 50,000 not subject to VAT.
function invoice(over: Partial<EInvoiceXmlInput> = {}): EInvoiceXmlInput {
  return {
    template: '1',
    symbol: 'C26TAA',
    number: 42,
    // 17:30 UTC on 31 Dec is 00:30 on 1 Jan in Hồ Chí Minh City: the invoice date is the shop's.
    issuedAt: new Date('2025-12-31T17:30:00Z'),
    currency: 'VND',
    seller: { taxCode: '0312345678', legalName: 'Công ty TNHH In Nhanh', address: '12 Lê Lợi, Q.1', phone: '028 3822 0000' },
    buyer: {
      name: 'Chị Lan',
      legalName: 'Công ty CP Ánh Dương',
      taxCode: '0100109106-506',
      address: '5 Nguyễn Huệ, Q.1',
      phone: '0909000111',
      email: 'ketoan@anhduong.vn',
    },
    lines: [
      { code: 'FLY-A5', name: 'Tờ rơi A5', unit: 'xấp', quantity: 2, unitPrice: 100_000, net: 200_000, taxRateBp: 800, tax: 16_000 },
      { code: null, name: 'Poster A2', unit: 'tờ', quantity: 1, unitPrice: 200_000, net: 200_000, taxRateBp: 1000, tax: 20_000 },
      { code: null, name: 'Sách giáo khoa', unit: 'cuốn', quantity: 1, unitPrice: 50_000, net: 50_000, taxRateBp: null, tax: 0 },
    ],
    totals: {
      subtotal: 450_000,
      taxTotal: 36_000,
      total: 486_000,
      byRate: [
        { taxRateBp: 800, net: 200_000, tax: 16_000 },
        { taxRateBp: 1000, net: 200_000, tax: 20_000 },
        { taxRateBp: null, net: 50_000, tax: 0 },
      ],
    },
    totalInWords: amountInWordsVnd(486_000),
    reference: 'HD-2026-000042',
    ...over,
  }
}

const parse = (doc: EInvoiceXmlInput) => parseXml(einvoiceXml(doc, TZ))
// One parse of the common invoice for the tests that only read it (the parser is a separate process).
let standard: ReturnType<typeof parseXml> | undefined
const parsed = () => (standard ??= parse(invoice()))

describe('escapeXml', () => {
  it('escapes the five markup characters and drops what XML 1.0 cannot carry', () => {
    expect(escapeXml(`Tom & Jerry <"Co." 'Ltd'>`)).toBe('Tom &amp; Jerry &lt;&quot;Co.&quot; &apos;Ltd&apos;&gt;')
    expect(escapeXml('a\u0000b\u0007c\u001fd\ttab\nline\re')).toBe('abcd\ttab\nline\re')
    expect(escapeXml('ok \uD83D\uDE00 lone \uD800 end')).toBe('ok \uD83D\uDE00 lone  end')
    expect(escapeXml('&amp;')).toBe('&amp;amp;')
  })
})

describe('rateLabel', () => {
  it('writes the rates as the law does', () => {
    expect([0, 500, 800, 1000].map(rateLabel)).toEqual(['0%', '5%', '8%', '10%'])
    expect(rateLabel(null)).toBe('KCT')
    expect(rateLabel(526)).toBe('KHAC:5.26%')
    expect(() => rateLabel(-1)).toThrow(RangeError)
    expect(() => rateLabel(10_001)).toThrow(RangeError)
  })
})

describe('einvoiceXml', () => {
  it('is UTF-8 XML with the format element order and the Id the signature refers to', () => {
    const xml = einvoiceXml(invoice(), TZ)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<HDon><DLHDon Id="DLHDon-C26TAA-42">')).toBe(true)
    const root = parseXml(xml)
    expect(root.tag).toBe('HDon')
    expect(tags(root)).toEqual(['DLHDon', 'DSCKS'])
    expect(tags(all(root, 'DLHDon')[0]!)).toEqual(['TTChung', 'NDHDon'])
    expect(tags(all(root, 'DLHDon/NDHDon')[0]!)).toEqual(['NBan', 'NMua', 'DSHHDVu', 'TToan'])
  })

  it('carries template, symbol, number, the shop-day date and the currency in TTChung', () => {
    const g = all(parsed(), 'DLHDon/TTChung')[0]!
    expect(tags(g)).toEqual(['PBan', 'THDon', 'KHMSHDon', 'KHHDon', 'SHDon', 'NLap', 'DVTTe', 'HTTToan', 'TTKhac'])
    expect(text(g, 'PBan')).toBe('2.0.0')
    expect(text(g, 'THDon')).toBe('Hóa đơn giá trị gia tăng')
    expect(text(g, 'KHMSHDon')).toBe('1')
    expect(text(g, 'KHHDon')).toBe('C26TAA')
    expect(text(g, 'SHDon')).toBe('42')
    expect(text(g, 'NLap')).toBe('2026-01-01')
    expect(text(g, 'DVTTe')).toBe('VND')
    expect(text(g, 'TTKhac/TTin/DLieu')).toBe('HD-2026-000042')
    expect(all(g, 'TTHDLQuan')).toHaveLength(0)
  })

  it('names seller and buyer with their tax codes; a 13-digit branch code is kept as printed', () => {
    const root = parsed()
    expect(text(root, 'DLHDon/NDHDon/NBan/Ten')).toBe('Công ty TNHH In Nhanh')
    expect(text(root, 'DLHDon/NDHDon/NBan/MST')).toBe('0312345678')
    expect(text(root, 'DLHDon/NDHDon/NBan/DChi')).toBe('12 Lê Lợi, Q.1')
    const buyer = all(root, 'DLHDon/NDHDon/NMua')[0]!
    expect(tags(buyer)).toEqual(['Ten', 'MST', 'DChi', 'SDThoai', 'DCTDTu', 'HVTNMHang'])
    expect(text(buyer, 'Ten')).toBe('Công ty CP Ánh Dương')
    expect(text(buyer, 'MST')).toBe('0100109106-506')
    expect(text(buyer, 'HVTNMHang')).toBe('Chị Lan')
  })

  it('a private buyer without tax code: named by their name, no empty MST', () => {
    const buyer = { name: 'Anh Minh', legalName: null, taxCode: null, address: null, phone: '0909', email: null }
    const nmua = all(parse(invoice({ buyer })), 'DLHDon/NDHDon/NMua')[0]!
    expect(tags(nmua)).toEqual(['Ten', 'SDThoai'])
    expect(text(nmua, 'Ten')).toBe('Anh Minh')
  })

  it('escapes & < > " in names and lines, and reads them back unchanged', () => {
    const nasty = 'A&B <Print> "Shop" \'Co\''
    const doc = invoice({
      seller: { ...invoice().seller, legalName: nasty },
      buyer: { ...invoice().buyer, legalName: 'X & Y </Ten><MST>999</MST>' },
      lines: [{ ...invoice().lines[0]!, name: 'Tờ rơi 10 < 20 & "đẹp"' }],
    })
    const xml = einvoiceXml(doc, TZ)
    expect(xml).not.toContain('<Print>')
    expect(xml).toContain('A&amp;B &lt;Print&gt; &quot;Shop&quot; &apos;Co&apos;')
    const root = parseXml(xml)
    expect(text(root, 'DLHDon/NDHDon/NBan/Ten')).toBe(nasty)
    expect(text(root, 'DLHDon/NDHDon/NMua/Ten')).toBe('X & Y </Ten><MST>999</MST>')
    expect(text(root, 'DLHDon/NDHDon/NMua/MST')).toBe('0100109106-506')
    expect(text(root, 'DLHDon/NDHDon/DSHHDVu/HHDVu/THHDVu')).toBe('Tờ rơi 10 < 20 & "đẹp"')
  })

  it('lines in order with whole-đồng amounts and their rate; an exempt line is KCT', () => {
    const lines = all(parsed(), 'DLHDon/NDHDon/DSHHDVu/HHDVu')
    expect(lines).toHaveLength(3)
    expect(tags(lines[0]!)).toEqual(['TChat', 'STT', 'MHHDVu', 'THHDVu', 'DVTinh', 'SLuong', 'DGia', 'ThTien', 'TSuat'])
    expect(lines.map((l) => [text(l, 'STT'), text(l, 'SLuong'), text(l, 'DGia'), text(l, 'ThTien'), text(l, 'TSuat')])).toEqual([
      ['1', '2', '100000', '200000', '8%'],
      ['2', '1', '200000', '200000', '10%'],
      ['3', '1', '50000', '50000', 'KCT'],
    ])
    expect(text(lines[0]!, 'MHHDVu')).toBe('FLY-A5')
    expect(all(lines[1]!, 'MHHDVu')).toHaveLength(0)
    expect(text(lines[2]!, 'DVTinh')).toBe('cuốn')
  })

  it('totals per rate, the grand totals and the amount in words', () => {
    const t = all(parsed(), 'DLHDon/NDHDon/TToan')[0]!
    expect(tags(t)).toEqual(['THTTLTSuat', 'TgTCThue', 'TgTThue', 'TgTTTBSo', 'TgTTTBChu'])
    expect(all(t, 'THTTLTSuat/LTSuat').map((r) => [text(r, 'TSuat'), text(r, 'ThTien'), text(r, 'TThue')])).toEqual([
      ['8%', '200000', '16000'],
      ['10%', '200000', '20000'],
      ['KCT', '50000', '0'],
    ])
    expect([text(t, 'TgTCThue'), text(t, 'TgTThue'), text(t, 'TgTTTBSo')]).toEqual(['450000', '36000', '486000'])
    expect(text(t, 'TgTTTBChu')).toBe('Bốn trăm tám mươi sáu nghìn đồng')
  })

  it('an adjusting invoice (credit note) names the invoice it adjusts, with negative amounts', () => {
    const doc = invoice({
      symbol: 'C26TAA',
      number: 43,
      reference: 'GG-2026-000007',
      lines: [{ code: null, name: 'Poster A2', unit: 'tờ', quantity: 1, unitPrice: 200_000, net: -200_000, taxRateBp: 1000, tax: -20_000 }],
      totals: { subtotal: -200_000, taxTotal: -20_000, total: -220_000, byRate: [{ taxRateBp: 1000, net: -200_000, tax: -20_000 }] },
      totalInWords: amountInWordsVnd(-220_000),
      adjusts: { template: '1', symbol: 'C26TAA', number: 42, issuedAt: new Date('2025-12-31T17:30:00Z'), reason: 'Poster lỗi màu & mờ' },
    })
    const root = parse(doc)
    const rel = all(root, 'DLHDon/TTChung/TTHDLQuan')[0]!
    expect(tags(all(root, 'DLHDon/TTChung')[0]!)).toContain('TTHDLQuan')
    expect(tags(rel)).toEqual(['TCHDon', 'LHDCLQuan', 'KHMSHDCLQuan', 'KHHDCLQuan', 'SHDCLQuan', 'NLHDCLQuan', 'GChu'])
    expect([text(rel, 'TCHDon'), text(rel, 'LHDCLQuan'), text(rel, 'KHMSHDCLQuan'), text(rel, 'KHHDCLQuan')]).toEqual([
      '2',
      '1',
      '1',
      'C26TAA',
    ])
    expect([text(rel, 'SHDCLQuan'), text(rel, 'NLHDCLQuan'), text(rel, 'GChu')]).toEqual(['42', '2026-01-01', 'Poster lỗi màu & mờ'])
    expect(text(root, 'DLHDon/NDHDon/DSHHDVu/HHDVu/ThTien')).toBe('-200000')
    expect(text(root, 'DLHDon/NDHDon/TToan/TgTTTBSo')).toBe('-220000')
    expect(text(root, 'DLHDon/NDHDon/TToan/TgTTTBChu')).toBe('Âm hai trăm hai mươi nghìn đồng')
    expect(text(root, 'DLHDon/TTChung/TTKhac/TTin/DLieu')).toBe('GG-2026-000007')
  })

  it('a sales invoice (template 2) carries no VAT', () => {
    const root = parse(invoice({ template: '2' }))
    expect(text(root, 'DLHDon/TTChung/THDon')).toBe('Hóa đơn bán hàng')
    expect(all(root, 'DLHDon/NDHDon/DSHHDVu/HHDVu/TSuat')).toHaveLength(0)
    expect(tags(all(root, 'DLHDon/NDHDon/TToan')[0]!)).toEqual(['TgTCThue', 'TgTTTBSo', 'TgTTTBChu'])
  })

  it('refuses what the format cannot say: another currency, a fractional amount, no number', () => {
    expect(() => einvoiceXml(invoice({ currency: 'USD' }), TZ)).toThrow(RangeError)
    expect(() => einvoiceXml(invoice({ totals: { ...invoice().totals, total: 486_000.5 } }), TZ)).toThrow(RangeError)
    expect(() => einvoiceXml(invoice({ number: 0 }), TZ)).toThrow(RangeError)
  })

  it('names the file by symbol and number', () => {
    expect(einvoiceXmlFilename({ symbol: 'C26TAA', number: 42 })).toBe('C26TAA-42.xml')
    expect(einvoiceXmlFilename({ symbol: 'C26"/TAA', number: 7 })).toBe('C26TAA-7.xml')
  })
})
