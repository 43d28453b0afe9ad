// An invoice or an adjusting invoice as XML in the General Department of Taxation's format for e-invoices (Decree
// 123/2020/NĐ-CP, Circular 78/2021/TT-BTC; data format of Decision 1450/QĐ-TCT of 7 Oct 2021 as amended by Decision
// 1510/QĐ-TCT): <HDon><DLHDon><TTChung/><NDHDon><NBan/><NMua/><DSHHDVu/><TToan/></NDHDon></DLHDon><DSCKS/></HDon>.
// Pure: the one place the format is written (docs/decisions/024, which says which details could not be verified).
// The content comes from the same mapping the provider client uses (src/server/einvoice/document.ts).

import { businessDay } from './opening-hours'

export const XML_FORMAT_VERSION = '2.0.0'

/** What the XML needs of a document; the e-invoice document of src/server/einvoice/document.ts fits it. */
export interface EInvoiceXmlInput {
  /** 1 = VAT invoice, 2 = sales invoice. */
  template: string
  symbol: string
  /** The invoice number under the symbol (SHDon): an integer, unpadded. */
  number: number
  issuedAt: Date
  currency: string
  seller: { taxCode: string; legalName: string; address: string; phone: string }
  buyer: {
    name: string
    legalName: string | null
    taxCode: string | null
    address: string | null
    phone: string | null
    email: string | null
  }
  lines: ReadonlyArray<{
    code: string | null
    name: string
    unit: string
    quantity: number
    unitPrice: number
    net: number
    /** null: not subject to VAT ("KCT"). */
    taxRateBp: number | null
    tax: number
  }>
  totals: {
    subtotal: number
    taxTotal: number
    total: number
    byRate: ReadonlyArray<{ taxRateBp: number | null; net: number; tax: number }>
  }
  totalInWords: string
  /** Handoff's own number, kept in TTKhac so the file can be matched back to the document. */
  reference: string
  /** An adjusting invoice (decision 023): the invoice it adjusts. Amounts are then the (negative) adjustment. */
  adjusts?: { template: string; symbol: string; number: number; issuedAt: Date; reason: string }
}

// ---- Escaping -------------------------------------------------------------------------------------------------------

// Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF): dropped, since
// no escape can carry them and a parser would refuse the whole file.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

type Node = string | null | undefined | false

/** <name>escaped text</name>, or nothing for a missing value (optional elements are left out, not sent empty). */
function el(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

function group(name: string, children: Node[], attributes = ''): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c !== '').join('')
  return inner === '' ? '' : `<${name}${attributes}>${inner}</${name}>`
}

// ---- Values as the format writes them -------------------------------------------------------------------------------

/** The rates the law names are written as such ("0%", "5%", "8%", "10%"); not subject to VAT is "KCT"; any other
 * rate as "KHAC:xx.xx%". */
export function rateLabel(taxRateBp: number | null): string {
  if (taxRateBp === null) return 'KCT'
  if (!Number.isSafeInteger(taxRateBp) || taxRateBp < 0 || taxRateBp > 10_000) throw new RangeError(`rate ${taxRateBp}`)
  if ([0, 500, 800, 1000].includes(taxRateBp)) return `${taxRateBp / 100}%`
  return `KHAC:${(taxRateBp / 100).toFixed(2)}%`
}

/** VND has no minor unit: amounts are whole đồng, written without separators. */
function vnd(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount ${amount} is not whole đồng`)
  return String(amount)
}

export const INVOICE_NAMES: Readonly<Record<string, string>> = {
  '1': 'Hóa đơn giá trị gia tăng',
  '2': 'Hóa đơn bán hàng',
}

const ADJUSTMENT = '2' // TCHDon: 1 replaces, 2 adjusts
const RELATED_UNDER_DECREE_123 = '1' // LHDCLQuan: the related invoice is an e-invoice under Decree 123
const GOODS_OR_SERVICE = '1' // TChat: 1 goods/service, 2 promotion, 3 trade discount, 4 note

/** The file name: symbol and number, ASCII by construction. */
export function einvoiceXmlFilename(doc: Pick<EInvoiceXmlInput, 'symbol' | 'number'>): string {
  return `${doc.symbol.replace(/[^A-Za-z0-9]/g, '')}-${doc.number}.xml`
}

// ---- The document ---------------------------------------------------------------------------------------------------

function general(doc: EInvoiceXmlInput, timeZone: string): string {
  const a = doc.adjusts
  return group('TTChung', [
    el('PBan', XML_FORMAT_VERSION),
    el('THDon', INVOICE_NAMES[doc.template] ?? INVOICE_NAMES['1']!),
    el('KHMSHDon', doc.template),
    el('KHHDon', doc.symbol),
    el('SHDon', doc.number),
    el('NLap', businessDay(doc.issuedAt, timeZone)),
    el('DVTTe', doc.currency),
    // The exchange rate is required only for a currency other than VND, which is the only one exported.
    el('HTTToan', 'TM/CK'),
    a &&
      group('TTHDLQuan', [
        el('TCHDon', ADJUSTMENT),
        el('LHDCLQuan', RELATED_UNDER_DECREE_123),
        el('KHMSHDCLQuan', a.template),
        el('KHHDCLQuan', a.symbol),
        el('SHDCLQuan', a.number),
        el('NLHDCLQuan', businessDay(a.issuedAt, timeZone)),
        el('GChu', a.reason),
      ]),
    group('TTKhac', [group('TTin', [el('TTruong', 'SoChungTuNoiBo'), el('KDLieu', 'string'), el('DLieu', doc.reference)])]),
  ])
}

function parties(doc: EInvoiceXmlInput): string[] {
  const b = doc.buyer
  return [
    group('NBan', [
      el('Ten', doc.seller.legalName),
      el('MST', doc.seller.taxCode),
      el('DChi', doc.seller.address),
      el('SDThoai', doc.seller.phone),
    ]),
    group('NMua', [
      // A company is named by its registered name; a person by their name (then HVTNMHang stays out).
      el('Ten', b.legalName || b.name),
      el('MST', b.taxCode),
      el('DChi', b.address),
      el('SDThoai', b.phone),
      el('DCTDTu', b.email),
      b.legalName ? el('HVTNMHang', b.name) : '',
    ]),
  ]
}

function goods(doc: EInvoiceXmlInput, vat: boolean): string {
  return group(
    'DSHHDVu',
    doc.lines.map((l, i) =>
      group('HHDVu', [
        el('TChat', GOODS_OR_SERVICE),
        el('STT', i + 1),
        el('MHHDVu', l.code),
        el('THHDVu', l.name),
        el('DVTinh', l.unit),
        el('SLuong', l.quantity),
        el('DGia', vnd(l.unitPrice)),
        el('ThTien', vnd(l.net)),
        vat && el('TSuat', rateLabel(l.taxRateBp)),
      ]),
    ),
  )
}

function payment(doc: EInvoiceXmlInput, vat: boolean): string {
  const t = doc.totals
  return group('TToan', [
    vat &&
      group(
        'THTTLTSuat',
        t.byRate.map((r) => group('LTSuat', [el('TSuat', rateLabel(r.taxRateBp)), el('ThTien', vnd(r.net)), el('TThue', vnd(r.tax))])),
      ),
    el('TgTCThue', vnd(t.subtotal)),
    vat && el('TgTThue', vnd(t.taxTotal)),
    el('TgTTTBSo', vnd(t.total)),
    el('TgTTTBChu', doc.totalInWords),
  ])
}

/**
 * The XML of one document, UTF-8. The seller's signature (DSCKS) is left for the provider's signing tool; so is the
 * tax authority's code (MCCQT) of an invoice "with code". A sales invoice (template 2) carries no VAT per line or total.
 */
export function einvoiceXml(doc: EInvoiceXmlInput, timeZone: string): string {
  if (doc.currency !== 'VND') throw new RangeError(`only VND invoices are exported, not ${doc.currency}`)
  if (!Number.isSafeInteger(doc.number) || doc.number < 1) throw new RangeError(`invoice number ${doc.number}`)
  const vat = doc.template !== '2'
  const id = `DLHDon-${doc.symbol.replace(/[^A-Za-z0-9]/g, '')}-${doc.number}`
  const data = group(
    'DLHDon',
    [general(doc, timeZone), group('NDHDon', [...parties(doc), goods(doc, vat), payment(doc, vat)])],
    ` Id="${escapeXml(id)}"`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<HDon>${data}<DSCKS><NBan/></DSCKS></HDon>\n`
}
