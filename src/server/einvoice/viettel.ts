import 'server-only'
import {
  EInvoiceRejected,
  EInvoiceUnavailable,
  type EInvoiceDocument,
  type EInvoiceLine,
  type EInvoiceProvider,
  type IssuedEInvoice,
} from './provider'

// Viettel SInvoice, request by request as Odoo's l10n_vn_edi_viettel sends them (models/sinvoice_service.py,
// account_move.py): POST /auth/login {username, password} -> {access_token, expires_in}; then, with the token as the
// `access_token` cookie, under /services/einvoiceapplication/api/:
//   InvoiceAPI/InvoiceWS/createInvoice/{supplierTaxCode}        JSON body -> {errorCode, description, result}
//   InvoiceAPI/InvoiceWS/searchInvoiceByTransactionUuid          form: supplierTaxCode, transactionUuid
//   InvoiceAPI/InvoiceUtilsWS/getInvoiceRepresentationFile       JSON -> {fileToBytes (base64), fileName}
// Errors come as {code, data} or {error} (login) and {errorCode, description} (the API). Dates are milliseconds since
// the epoch with 000 milliseconds. Tokens last minutes: one is fetched per client and again after a 401.

const API = '/services/einvoiceapplication/api/'
/** Viettel's public page where a buyer looks an invoice up with the seller's tax code and the reservation code. */
export const VIETTEL_LOOKUP_URL = 'https://vinvoice.viettel.vn/utilities/invoice-search'

export interface ViettelConfig {
  baseUrl: string
  username: string
  password: string
  supplierTaxCode: string
  timeoutMs: number
}

type Json = Record<string, unknown>

const ms = (d: Date) => Math.floor(d.getTime() / 1000) * 1000

/** "taxPercentage": the percentage, or -2 for "not subject to VAT" (Odoo: -2 no tax, -1 not declaring). */
const percentage = (bp: number | null) => (bp === null ? -2 : bp / 100)

function item(line: EInvoiceLine, adjusting: boolean): Json {
  return {
    itemCode: line.code ?? '',
    itemName: line.name.replace(/\s+/g, ' ').slice(0, 500),
    unitName: line.unit,
    unitPrice: line.unitPrice,
    quantity: line.quantity,
    itemTotalAmountWithoutTax: Math.abs(line.net),
    taxPercentage: percentage(line.taxRateBp),
    taxAmount: Math.abs(line.tax),
    discount: 0,
    itemTotalAmountAfterDiscount: Math.abs(line.net),
    itemTotalAmountWithTax: Math.abs(line.gross),
    selection: 1,
    ...(adjusting ? { adjustmentTaxAmount: Math.abs(line.tax), isIncreaseItem: line.net >= 0 } : {}),
  }
}

/** The createInvoice body for a document (what Odoo's _l10n_vn_edi_generate_invoice_json builds). */
export function viettelInvoiceJson(doc: EInvoiceDocument): Json {
  const adjusting = doc.adjusts !== undefined
  const increase = doc.totals.total >= 0
  return {
    generalInvoiceInfo: {
      transactionUuid: doc.transactionUuid,
      invoiceType: doc.template,
      templateCode: `${doc.template}/001`,
      invoiceSeries: doc.symbol,
      invoiceIssuedDate: ms(doc.issuedAt),
      currencyCode: doc.currency,
      adjustmentType: adjusting ? '5' : '1',
      paymentStatus: false,
      cusGetInvoiceRight: true,
      validation: 1,
      ...(doc.adjusts
        ? {
            adjustmentInvoiceType: '1',
            originalInvoiceId: doc.adjusts.providerNumber,
            originalInvoiceIssueDate: ms(doc.adjusts.issuedAt),
            originalTemplateCode: `${doc.adjusts.template}/001`,
            additionalReferenceDesc: doc.adjusts.reason.slice(0, 255),
            additionalReferenceDate: ms(doc.issuedAt),
          }
        : {}),
    },
    buyerInfo: {
      buyerName: doc.buyer.name,
      buyerLegalName: doc.buyer.legalName ?? '',
      buyerTaxCode: doc.buyer.taxCode ?? '',
      buyerAddressLine: doc.buyer.address ?? '',
      buyerPhoneNumber: (doc.buyer.phone ?? '').replace('+', '00').replace(/\D/g, ''),
      buyerEmail: doc.buyer.email ?? '',
      buyerNotGetInvoice: 0,
    },
    sellerInfo: {
      sellerLegalName: doc.seller.legalName,
      sellerTaxCode: doc.seller.taxCode,
      sellerAddressLine: doc.seller.address,
      sellerPhoneNumber: doc.seller.phone.replace('+', '00').replace(/\D/g, ''),
    },
    payments: [{ paymentMethodName: 'TM/CK' }],
    itemInfo: doc.lines.map((l) => item(l, adjusting)),
    taxBreakdowns: doc.totals.byRate.map((r) => ({
      taxPercentage: percentage(r.taxRateBp),
      taxableAmount: Math.abs(r.net),
      taxAmount: Math.abs(r.tax),
      taxableAmountPos: increase,
      taxAmountPos: increase,
    })),
    metadata: [{ keyTag: 'handoffReference', valueType: 'text', stringValue: doc.reference, keyLabel: 'Handoff' }],
  }
}

export class ViettelSInvoice implements EInvoiceProvider {
  private token: string | null = null

  constructor(private readonly config: ViettelConfig) {}

  private async request(path: string, init: RequestInit): Promise<{ status: number; body: Json }> {
    let response: Response
    try {
      response = await fetch(new URL(path, this.config.baseUrl), { ...init, signal: AbortSignal.timeout(this.config.timeoutMs) })
    } catch (error) {
      throw new EInvoiceUnavailable(
        `SInvoice did not answer: ${(error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message}`,
      )
    }
    if (response.status >= 500 || response.status === 429) throw new EInvoiceUnavailable(`SInvoice answered HTTP ${response.status}`)
    const text = await response.text()
    try {
      return { status: response.status, body: JSON.parse(text) as Json }
    } catch {
      throw new EInvoiceUnavailable(`SInvoice answered HTTP ${response.status} without JSON`)
    }
  }

  private async login(): Promise<string> {
    const { body } = await this.request('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: this.config.username, password: this.config.password }),
    })
    if (body.code || body.error || typeof body.access_token !== 'string') {
      throw new EInvoiceRejected(`SInvoice refused the sign-in: ${String(body.data ?? body.error ?? body.message ?? 'no token')}`)
    }
    return body.access_token
  }

  /** An API call with the token cookie; a 401 (expired token) signs in again once. */
  private async api(path: string, init: { json?: Json; form?: Record<string, string> }): Promise<Json> {
    for (let attempt = 0; ; attempt++) {
      this.token ??= await this.login()
      const { status, body } = await this.request(`${API}${path}`, {
        method: 'POST',
        headers: {
          Cookie: `access_token=${this.token}`,
          'Content-Type': init.form ? 'application/x-www-form-urlencoded' : 'application/json',
        },
        body: init.form ? new URLSearchParams(init.form).toString() : JSON.stringify(init.json ?? {}),
      })
      if (status === 401 && attempt === 0) {
        this.token = null
        continue
      }
      return body
    }
  }

  private issued(result: Json): IssuedEInvoice {
    return {
      providerNumber: String(result.invoiceNo),
      lookupCode: typeof result.reservationCode === 'string' ? result.reservationCode : null,
      taxAuthorityCode: typeof result.codeOfTax === 'string' && result.codeOfTax ? result.codeOfTax : null,
      lookupUrl: VIETTEL_LOOKUP_URL,
    }
  }

  async signIn(): Promise<void> {
    this.token = await this.login()
  }

  async find(transactionUuid: string): Promise<IssuedEInvoice | null> {
    const body = await this.api('InvoiceAPI/InvoiceWS/searchInvoiceByTransactionUuid', {
      form: { supplierTaxCode: this.config.supplierTaxCode, transactionUuid },
    })
    const found = Array.isArray(body.result) ? (body.result[0] as Json | undefined) : undefined
    return found?.invoiceNo ? this.issued(found) : null
  }

  async issue(doc: EInvoiceDocument): Promise<IssuedEInvoice> {
    const body = await this.api(`InvoiceAPI/InvoiceWS/createInvoice/${encodeURIComponent(this.config.supplierTaxCode)}`, {
      json: viettelInvoiceJson(doc),
    })
    const result = body.result as Json | null | undefined
    if (!body.errorCode && !body.code && result?.invoiceNo) return this.issued(result)
    // Refused. If the refusal is that this transaction was already used, the invoice exists: answer with it.
    const earlier = await this.find(doc.transactionUuid)
    if (earlier) return earlier
    throw new EInvoiceRejected(String(body.description ?? body.data ?? body.errorCode ?? 'SInvoice refused the invoice'))
  }

  /** The provider's PDF of an issued invoice (base64 in `fileToBytes`). */
  async representationFile(template: string, providerNumber: string): Promise<Buffer | null> {
    const body = await this.api('InvoiceAPI/InvoiceUtilsWS/getInvoiceRepresentationFile', {
      json: { supplierTaxCode: this.config.supplierTaxCode, templateCode: `${template}/001`, invoiceNo: providerNumber, fileType: 'PDF' },
    })
    return typeof body.fileToBytes === 'string' && body.fileToBytes ? Buffer.from(body.fileToBytes, 'base64') : null
  }
}
