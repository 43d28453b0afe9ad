// A local stand-in for Viettel SInvoice that follows the requests and answers Odoo's l10n_vn_edi_viettel sends and
// reads (see src/server/einvoice/viettel.ts): sign-in, createInvoice, searchInvoiceByTransactionUuid,
// getInvoiceRepresentationFile, their error shapes, and the failures a real provider has (slow, down, refusing).
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Mishap =
  /** Answer 503. */
  | 'down'
  /** Keep the request open past the client's timeout, without creating anything. */
  | 'hang'
  /** Create the invoice, then keep the answer back past the client's timeout (the dangerous case for retries). */
  | 'createThenHang'

export interface StubInvoice {
  transactionUuid: string
  invoiceNo: string
  reservationCode: string
  body: Record<string, unknown>
}

export interface SInvoiceStub {
  url: string
  invoices: Map<string, StubInvoice>
  requests: Array<{ path: string; cookie: string | undefined }>
  /** Mishaps of the next createInvoice calls, in order. */
  mishaps: Mishap[]
  /** Refuse every createInvoice with this description (a data error). */
  refuse: string | null
  close(): Promise<void>
}

const USER = 'handoff-test'
const PASSWORD = 'sinvoice-secret'
export const STUB_CREDENTIALS = { username: USER, password: PASSWORD }

async function read(req: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  return text
}

export async function startSInvoiceStub(): Promise<SInvoiceStub> {
  const tokens = new Set<string>()
  let counter = 0
  const held: Array<() => void> = []
  const stub: Omit<SInvoiceStub, 'url' | 'close'> = { invoices: new Map(), requests: [], mishaps: [], refuse: null }
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://stub').pathname
    const cookie = /access_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
    stub.requests.push({ path, cookie })
    const text = await read(req)
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (path === '/auth/login') {
      const { username, password } = JSON.parse(text) as { username: string; password: string }
      if (username !== USER || password !== PASSWORD) return json(200, { code: 400, data: 'Tài khoản hoặc mật khẩu không đúng' })
      const token = `tok-${++counter}`
      tokens.add(token)
      return json(200, { access_token: token, token_type: 'bearer', expires_in: 599 })
    }
    if (!cookie || !tokens.has(cookie)) return json(401, { error: 'invalid_token' })
    const api = '/services/einvoiceapplication/api/InvoiceAPI/'
    if (path.startsWith(`${api}InvoiceWS/createInvoice/`)) {
      const mishap = stub.mishaps.shift()
      if (mishap === 'down') return json(503, { error: 'Service Unavailable' })
      if (mishap === 'hang') return void held.push(() => json(504, {}))
      const body = JSON.parse(text) as { generalInvoiceInfo: { transactionUuid: string; invoiceSeries: string } }
      const uuid = body.generalInvoiceInfo.transactionUuid
      if (stub.invoices.has(uuid))
        return json(200, { errorCode: 'TRANSACTION_UUID_EXISTED', description: 'Giao dịch đã tồn tại', result: null })
      if (stub.refuse) return json(200, { errorCode: 'INVOICE_DATA_INVALID', description: stub.refuse, result: null })
      const invoiceNo = `${body.generalInvoiceInfo.invoiceSeries}${stub.invoices.size + 1}`
      const created = { transactionUuid: uuid, invoiceNo, reservationCode: `RC${1000 + stub.invoices.size}`, body }
      stub.invoices.set(uuid, created)
      const answer = {
        errorCode: null,
        description: null,
        result: {
          supplierTaxCode: path.split('/').pop(),
          invoiceNo,
          transactionID: `T${invoiceNo}`,
          reservationCode: created.reservationCode,
          codeOfTax: `M1-26-${invoiceNo}`,
        },
      }
      if (mishap === 'createThenHang') return void held.push(() => json(200, answer))
      return json(200, answer)
    }
    if (path === `${api}InvoiceWS/searchInvoiceByTransactionUuid`) {
      const uuid = new URLSearchParams(text).get('transactionUuid') ?? ''
      const found = stub.invoices.get(uuid)
      if (!found) return json(200, { errorCode: 'INVOICE_NOT_FOUND', description: 'Không tìm thấy hóa đơn', result: null })
      return json(200, {
        errorCode: null,
        description: null,
        result: [{ invoiceNo: found.invoiceNo, reservationCode: found.reservationCode, codeOfTax: `M1-26-${found.invoiceNo}` }],
      })
    }
    if (path === `${api}InvoiceUtilsWS/getInvoiceRepresentationFile`) {
      const { invoiceNo } = JSON.parse(text) as { invoiceNo: string }
      const found = [...stub.invoices.values()].find((i) => i.invoiceNo === invoiceNo)
      if (!found) return json(200, { errorCode: 'INVOICE_NOT_FOUND', description: 'Không tìm thấy hóa đơn' })
      return json(200, {
        errorCode: null,
        fileName: `${invoiceNo}.pdf`,
        fileToBytes: Buffer.from(`%PDF-1.4 ${invoiceNo}`).toString('base64'),
      })
    }
    return json(404, { error: 'not found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const release of held.splice(0)) release()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  })
}
