// A local stand-in for Zalo's ZNS API that follows its documented contract: POST /message/template with the OA's
// token in the `access_token` header and { phone, template_id, template_data, tracking_id }; answers HTTP 200 with
// { error: 0, message: "Success", data: { msg_id, sent_time, quota } } or { error: <negative code>, message }.
// Used by the integration tests and the e2e server (scripts/e2e-server.ts).
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ZnsRequest {
  accessToken: string | undefined
  body: { phone?: string; template_id?: string; template_data?: Record<string, string>; tracking_id?: string }
}

export interface ZaloStub {
  url: string
  requests: ZnsRequest[]
  /** Phone numbers (84…) answered with this ZNS error code instead of success. */
  refuse: Map<string, number>
  /** Phone numbers answered with this ZNS error code once, then accepted (a refusal fixed before a retry). */
  refuseOnce: Map<string, number>
  /** Answer this many next requests with HTTP 503. */
  unavailable: number
  close: () => Promise<void>
}

const MESSAGES: Record<number, string> = {
  [-100]: 'Unknown error',
  [-108]: 'Phone number is invalid',
  [-109]: 'Template ID is invalid',
  [-115]: 'Out of quota',
  [-124]: 'Access token is invalid',
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startZaloStub(options: { accessToken: string; port?: number; host?: string }): Promise<ZaloStub> {
  let server: Server | undefined
  const stub: ZaloStub = { url: '', requests: [], refuse: new Map(), refuseOnce: new Map(), unavailable: 0, close: async () => undefined }
  server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (req.method !== 'POST' || req.url !== '/message/template') return json(404, { error: -106, message: 'Method unsupported' })
      let body: ZnsRequest['body']
      try {
        body = JSON.parse(raw) as ZnsRequest['body']
      } catch {
        return json(200, { error: -122, message: 'Body format invalid' })
      }
      const accessToken = req.headers['access_token'] as string | undefined
      stub.requests.push({ accessToken, body })
      if (stub.unavailable > 0) {
        stub.unavailable--
        return res.writeHead(503).end()
      }
      const fail = (code: number) => json(200, { error: code, message: MESSAGES[code] ?? 'Error' })
      if (accessToken !== options.accessToken) return fail(-124)
      if (!body.phone || !/^84\d{9,10}$/.test(body.phone)) return fail(-108)
      if (!body.template_id) return fail(-109)
      if (!body.template_data || Object.keys(body.template_data).length === 0)
        return json(200, { error: -111, message: 'Template data empty' })
      const refused = stub.refuse.get(body.phone) ?? stub.refuseOnce.get(body.phone)
      stub.refuseOnce.delete(body.phone)
      if (refused !== undefined) return fail(refused)
      json(200, {
        error: 0,
        message: 'Success',
        data: { msg_id: `zns-${stub.requests.length}`, sent_time: String(Date.now()), quota: { dailyQuota: '500', remainingQuota: '499' } },
      })
    })
  })
  await new Promise<void>((resolve) => server!.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  stub.close = async () => {
    const s = server
    server = undefined
    if (s) await new Promise((resolve) => s.close(resolve))
  }
  return stub
}
